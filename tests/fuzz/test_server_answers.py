"""Whatever a server answers to a sync — junk, half a page, a list of nonsense, the wrong shapes
nested anywhere — each provider either reads what it can or raises one of its own plain errors:
never an AttributeError or KeyError, never a crash of the sync."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from socialdesk.networks.base import AccountRef
from socialdesk.networks.bluesky import BlueskyProvider
from socialdesk.networks.errors import NetworkError
from socialdesk.networks.http import Transport
from socialdesk.networks.mastodon import MastodonProvider
from socialdesk.networks.x import XProvider
from socialdesk.services.accounts import MemorySecrets
from tests.fuzz.conftest import EXAMPLES, SEED
from tests.networks.local_server import LocalServer

KEYS = [
    "id", "type", "status", "account", "content", "acct", "username", "created_at",
    "in_reply_to_id", "visibility", "spoiler_text", "media_attachments", "url",
    "notifications", "cursor", "uri", "cid", "author", "did", "handle", "record", "text",
    "createdAt", "indexedAt", "reason", "reply", "root", "parent", "data", "includes", "users",
    "meta", "next_token", "newest_id", "author_id", "conversation_id", "referenced_tweets",
]  # fmt: skip
scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
    | st.sampled_from(["mention", "reply", "2026-12-04T10:00:00Z", "at://did:plc:a/b/c", "1"])
)  # fmt: skip
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=6)
    ),
    max_leaves=25,
)
PAGES = {
    "mastodon": st.lists(values, max_size=5) | values,
    "bluesky": st.fixed_dictionaries({"notifications": st.lists(values, max_size=5)}) | values,
    "x": st.fixed_dictionaries({"data": st.lists(values, max_size=5), "includes": values}) | values,
}
FUZZ = settings(
    max_examples=max(EXAMPLES // 10, 50), deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)  # fmt: skip
NOW = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)


class AnswerServer(LocalServer):
    """Answers every request with ``answer`` (the fuzzed page)."""

    def __init__(self):
        super().__init__()
        self.answer = None
        for method in ("GET", "POST"):
            self.route(method, r"/.*")(lambda _r, _m: (200, self.answer))


def _provider(network: str, url: str):
    if network == "mastodon":
        provider = MastodonProvider(lambda _a: MemorySecrets({"access_token": "t"}))
        return provider, AccountRef(1, network, "brand", server_url=url)
    if network == "bluesky":
        session = {"accessJwt": "a", "refreshJwt": "r", "did": "did:plc:b", "handle": "b.test"}
        provider = BlueskyProvider(lambda _a: MemorySecrets({"session": json.dumps(session)}))
        return provider, AccountRef(1, network, "b.test", server_url=url)
    session = {"access_token": "t", "expires_at": (NOW + timedelta(hours=2)).isoformat()}
    secrets = MemorySecrets({"session": json.dumps(session)})
    provider = XProvider(lambda _a: secrets, transport_for=lambda _u: Transport("X", url),
                         clock=lambda: NOW)  # fmt: skip
    return provider, AccountRef(1, network, "brand", remote_id="1000")


@pytest.mark.parametrize("network", PAGES)
def test_any_answer_to_a_sync_is_read_or_refused_in_words(network):
    server = AnswerServer()
    provider, account = _provider(network, server.url)

    @seed(SEED)
    @FUZZ
    @given(PAGES[network], st.sampled_from([None, "1"]))
    def sync(page, cursor):
        server.answer = page
        try:
            batch = provider.fetch_mentions(account, cursor)
        except NetworkError as exc:
            assert str(exc) and "Traceback" not in str(exc)
            return
        assert all(m.remote_id and m.created_at.tzinfo for m in batch.mentions)

    try:
        sync()
    finally:
        server.close()
