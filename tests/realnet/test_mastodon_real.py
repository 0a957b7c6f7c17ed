"""The Mastodon provider and the app's services against a real Mastodon API server
(mastodon-mock) on 127.0.0.1: every defect found there, as a scenario that failed first."""

from datetime import UTC, datetime, timedelta

import pytest

from socialdesk.core.mentions import reply_visibility
from socialdesk.networks.base import AccountRef
from socialdesk.networks.http import Transport
from socialdesk.networks.mastodon import MastodonProvider
from tests.realnet.mastodon_stack import CUSTOMERS, token


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
    [reply] = [
        s for s in mastodon_server.statuses_of(account.handle) if s["id"] == posted.remote_id
    ]
    assert reply["visibility"] == reply_visibility(visibility)
    assert reply["in_reply_to_id"] == asked["id"]


class Counted:
    """A provider whose requests are counted (and validated, when the OpenAPI file is here)."""

    def __init__(self, name, server):
        self.requests = []
        self.provider = MastodonProvider(
            lambda _a: Secrets(access_token=token(name)), transport_for=self._transport
        )

    def _transport(self, url):
        transport = Transport("Mastodon", url)
        transport._client.event_hooks["request"].append(self.requests.append)
        return transport


def _backlog(server, brand_name, n, start=0):
    return [
        server.post(CUSTOMERS[i % len(CUSTOMERS)], f"@{brand_name} order {start + i} is late")
        for i in range(n)
    ]


def test_a_first_sync_brings_a_500_mention_backlog_in_one_go(mastodon_server):
    name = mastodon_server.take_brand()
    posted = _backlog(mastodon_server, name, 500)
    counted = Counted(name, mastodon_server)
    account = AccountRef(1, "mastodon", name, server_url=mastodon_server.url)
    batch = counted.provider.fetch_mentions(account, None)
    assert [m.remote_id for m in batch.mentions] == [s["id"] for s in posted]  # oldest first
    print(f"\nfirst sync of 500: {len(counted.requests)} requests")
    assert len(counted.requests) <= 500 // 40 + 2


def test_a_backlog_longer_than_a_page_comes_in_one_sync(mastodon_server):
    """The server caps a page at 40: a short page is not the end."""
    name = mastodon_server.take_brand()
    counted = Counted(name, mastodon_server)
    account = AccountRef(1, "mastodon", name, server_url=mastodon_server.url)
    first = _backlog(mastodon_server, name, 1)
    cursor = counted.provider.fetch_mentions(account, None).cursor
    later = _backlog(mastodon_server, name, 120, start=1)
    counted.requests.clear()
    batch = counted.provider.fetch_mentions(account, cursor)
    assert [m.remote_id for m in batch.mentions] == [s["id"] for s in later]
    assert first[0]["id"] not in [m.remote_id for m in batch.mentions]
    assert len(counted.requests) <= 120 // 40 + 2
    assert counted.provider.fetch_mentions(account, batch.cursor).mentions == []


def test_a_reply_already_posted_is_found_however_the_server_renders_it(mastodon_server, brand):
    """After a lost answer past the Idempotency-Key's hour, the outbox looks before posting
    again: the server shows "@dave@remote.example" as "@dave", and 45 newer posts push it past
    the first page."""
    provider, account = brand
    asked = mastodon_server.post("bob", f"@{account.handle} where is my parcel?")
    since = datetime.now(UTC) - timedelta(minutes=1)
    text = "@bob @dave@remote.example sorry, it left the depot today"
    posted = provider.post_reply(account, text, asked["id"], "key-find-1")
    for n in range(45):
        mastodon_server.post(account.handle, f"Opening hours, update {n}")
    found = provider.find_reply(account, text, asked["id"], since)
    assert found is not None and found.remote_id == posted.remote_id
    assert provider.find_reply(account, text, "999999", since) is None  # another parent
    assert provider.find_reply(account, "@bob another text", asked["id"], since) is None


def test_an_image_only_mention_shows_its_description(mastodon_server, brand):
    provider, account = brand
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
    with mastodon_server.client("carol") as c:
        media = c.post(
            "/api/v2/media", files={"file": ("crack.png", png, "image/png")},
            data={"description": "A cracked phone screen, two days old"},
        ).json()  # fmt: skip
        c.post(
            "/api/v1/statuses",
            json={"status": f"@{account.handle}", "media_ids": [media["id"]]},
        ).raise_for_status()
    [mention] = provider.fetch_mentions(account, None).mentions
    assert mention.text == f"@{account.handle}\n[image: A cracked phone screen, two days old]"


def test_a_thread_is_one_conversation_named_by_its_root(mastodon_server, brand):
    provider, account = brand
    root = mastodon_server.post("erin", f"@{account.handle} my order is missing a part")
    middle = mastodon_server.post(
        "erin", f"@{account.handle} still nothing", in_reply_to_id=root["id"]
    )
    last = mastodon_server.post("erin", f"@{account.handle} hello??", in_reply_to_id=middle["id"])
    thread = provider.fetch_thread(account, last["id"])
    assert [m.remote_id for m in thread] == [root["id"], middle["id"], last["id"]]
    assert {m.conversation_id for m in thread} == {root["id"]}
