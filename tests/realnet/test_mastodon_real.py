"""The Mastodon provider and the app's services against a real Mastodon API server
(mastodon-mock) on 127.0.0.1: every defect found there, as a scenario that failed first."""

import pytest

from socialdesk.core.mentions import reply_visibility
from socialdesk.networks.base import AccountRef
from socialdesk.networks.mastodon import MastodonProvider
from tests.realnet.mastodon_stack import token


class Secrets:
    def __init__(self, **values):
        self.values = values

    def get(self, kind):
        return self.values.get(kind)

    def put(self, kind, value):
        self.values[kind] = value


@pytest.fixture
def brand(mastodon_server):
    """(provider, account) of a brand account no other test uses."""
    name = mastodon_server.take_brand()
    provider = MastodonProvider(lambda _a: Secrets(access_token=token(name)))
    account = AccountRef(
        1, "mastodon", name, server_url=mastodon_server.url,
        remote_id=mastodon_server.account_id(name),
    )  # fmt: skip
    return provider, account


@pytest.mark.parametrize("visibility", ["direct", "private", "public"])
def test_a_reply_keeps_the_audience_of_the_mention_it_answers(mastodon_server, brand, visibility):
    provider, account = brand
    asked = mastodon_server.post(
        "alice", f"@{account.handle} my card was charged twice", visibility=visibility
    )
    [mention] = provider.fetch_mentions(account, None).mentions
    assert mention.remote_id == asked["id"] and mention.visibility == visibility
    posted = provider.post_reply(
        account, "@alice sorry about that, refund on its way", mention.remote_id, "key-1"
    )
    [reply] = [s for s in mastodon_server.statuses_of(account.handle) if s["id"] == posted.remote_id]
    assert reply["visibility"] == reply_visibility(visibility)
    assert reply["in_reply_to_id"] == asked["id"]
