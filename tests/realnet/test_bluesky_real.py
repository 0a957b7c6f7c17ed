"""The Bluesky provider and the app's services against Bluesky's own server code (PLC, PDS,
AppView from @atproto/dev-env) on 127.0.0.1: every defect found there, as a scenario that failed
first."""

import contextlib
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from socialdesk.core import outbox as policy
from socialdesk.core.counter import count
from socialdesk.credentials import CredentialStore
from socialdesk.networks import http
from socialdesk.networks.base import AccountRef
from socialdesk.networks.bluesky import BlueskyProvider
from socialdesk.networks.errors import AuthError, NetworkError, Refused
from socialdesk.services import accounts
from socialdesk.services.accounts import MemorySecrets
from socialdesk.services.outbox import OutboxSender
from socialdesk.services.sync import SyncService
from socialdesk.store import clients, drafts, mentions, outbox
from socialdesk.store.mentions import MentionFilter
from tests.realnet.bluesky_stack import expired
from tests.realnet.proxy import Proxy, _answer
from tests.services.test_sync import DictKeyring

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def brand(bluesky_network):
    """(provider, account ref, network account, secrets) of a new brand account."""
    me = bluesky_network.account("brand")
    secrets = MemorySecrets({"app_password": bluesky_network.app_password(me)})
    provider = BlueskyProvider(lambda _a: secrets)
    ref = AccountRef(1, "bluesky", me.handle, server_url=bluesky_network.url, remote_id=me.did)
    yield provider, ref, me, secrets
    provider.close()


def test_connecting_stores_the_handle_as_the_network_has_it(bluesky_network, db):
    me = bluesky_network.account("brand")
    password = bluesky_network.app_password(me)
    client_id = clients.add_client(db, "Acme", at=NOW)
    live = accounts.LiveNetworks(CredentialStore(DictKeyring()))
    account_id = accounts.add_account(
        db, live, client_id=client_id, network="bluesky", handle=f" @{me.handle.upper()} ",
        server_url=bluesky_network.url, secrets={"app_password": password}, at=NOW,
    )  # fmt: skip
    account = clients.get_account(db, account_id)
    assert account.handle == me.handle and account.remote_id == me.did
    who = accounts.test_connection(db, live, account_id)  # no "sign in again" right after
    assert who.remote_id == me.did
    live.close()


def test_a_first_connect_takes_the_handle_as_people_type_it(bluesky_network, db):
    """The short name with its "@" and capitals, as people read it off their profile: the
    server's own handle domain completes it, as the Bluesky app's sign-in does."""
    me = bluesky_network.account("brand")
    client_id = clients.add_client(db, "Acme", at=NOW)
    live = accounts.LiveNetworks(CredentialStore(DictKeyring()))
    typed = "@" + me.handle.removesuffix(".test").capitalize()
    account_id = accounts.add_account(
        db, live, client_id=client_id, network="bluesky", handle=typed,
        server_url=bluesky_network.url,
        secrets={"app_password": bluesky_network.app_password(me)}, at=NOW,
    )  # fmt: skip
    assert clients.get_account(db, account_id).handle == me.handle


def test_a_wrong_app_password_on_first_connect_says_what_to_check(bluesky_network, db):
    me = bluesky_network.account("brand")
    client_id = clients.add_client(db, "Acme", at=NOW)
    live = accounts.LiveNetworks(CredentialStore(DictKeyring()))
    with pytest.raises(AuthError) as refused:
        accounts.add_account(
            db, live, client_id=client_id, network="bluesky", handle=me.handle,
            server_url=bluesky_network.url, secrets={"app_password": "abcd-efgh-ijkl-mnop"},
            at=NOW,
        )  # fmt: skip
    said = str(refused.value)
    assert "again" not in said.lower()  # nobody signed in before: there is no "again"
    assert f"@{me.handle}" in said and "app password" in said
    assert "abcd-efgh-ijkl-mnop" not in said
    assert clients.list_accounts(db) == []  # nothing kept


def test_a_mention_indexed_after_a_newer_one_is_still_fetched(bluesky_network, brand, db):
    """indexedAt is min(createdAt, index time): a post made earlier and indexed later (a slow
    client, a backfill, a clock behind) lands below where the last sync stopped."""
    provider, _ref, me, _secrets = brand
    client_id = clients.add_client(db, "Acme", at=NOW)
    account_id = clients.add_account(
        db, client_id, "bluesky", me.handle, server_url=bluesky_network.url, remote_id=me.did,
        at=NOW,
    )  # fmt: skip
    sync = SyncService(db, lambda _a: provider, lambda: datetime.now(UTC))
    alice, bob = bluesky_network.account("alice"), bluesky_network.account("bob")
    bluesky_network.mention(alice, me, "first, on time")
    bluesky_network.process()
    [first] = sync.sync_all()
    bluesky_network.mention(alice, me, "second, on time")
    bluesky_network.mention(bob, me, "written an hour ago, sent now",
                            created_at=datetime.now(UTC) - timedelta(hours=1))  # fmt: skip
    bluesky_network.process()
    [second] = sync.sync_all()
    [third] = sync.sync_all()
    texts = sorted(m.text for m in mentions.mention_rows(db, MentionFilter(account_id=account_id)))
    assert texts == sorted(
        f"@{me.handle} {t}"
        for t in ("first, on time", "second, on time", "written an hour ago, sent now")
    )
    assert (len(first.new_mention_ids), len(second.new_mention_ids), third.new_mention_ids) == (
        1,
        2,
        [],
    )  # each once


def test_a_reply_into_a_gated_thread_is_refused_before_posting(bluesky_network, brand):
    provider, ref, me, _secrets = brand
    carol = bluesky_network.account("carol")
    asked = bluesky_network.mention(carol, me, "your app crashed again")
    rkey = asked["uri"].rsplit("/", 1)[1]
    bluesky_network.create(carol, "app.bsky.feed.threadgate", {
        "$type": "app.bsky.feed.threadgate", "post": asked["uri"], "allow": [],
        "createdAt": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
    }, rkey=rkey)  # fmt: skip
    bluesky_network.process()
    with pytest.raises(Refused, match="only people"):
        provider.post_reply(ref, "Sorry! A fix is coming.", asked["uri"], "key-gated")
    feed = bluesky_network.get(carol, "app.bsky.feed.getAuthorFeed", actor=me.did)
    assert feed["feed"] == []  # nothing was posted


def test_a_mention_deep_in_a_gated_thread_is_refused_too(bluesky_network, brand):
    """The gate is the thread's: the customer may answer in their own closed thread and name
    the account there, but the account still may not reply."""
    provider, ref, me, _secrets = brand
    olga = bluesky_network.account("olga")
    root = bluesky_network.post(olga, "my thread, no replies please")
    bluesky_network.create(olga, "app.bsky.feed.threadgate", {
        "$type": "app.bsky.feed.threadgate", "post": root["uri"], "allow": [],
        "createdAt": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
    }, rkey=root["uri"].rsplit("/", 1)[1])  # fmt: skip
    asked = bluesky_network.mention(olga, me, "what do you think?", reply_to=root)
    bluesky_network.process()
    with pytest.raises(Refused, match="only people"):
        provider.post_reply(ref, "We think so too.", asked["uri"], "key-deep-gate")
    assert _in_thread(bluesky_network, olga, asked["uri"]) == []


def test_a_thread_open_to_the_people_it_mentions_takes_the_reply(bluesky_network, brand):
    """Not every gate shuts the account out: this one lets the people the post mentions reply,
    and the account is one of them."""
    provider, ref, me, _secrets = brand
    kim = bluesky_network.account("kim")
    asked = bluesky_network.mention(kim, me, "only you may answer")
    bluesky_network.create(kim, "app.bsky.feed.threadgate", {
        "$type": "app.bsky.feed.threadgate", "post": asked["uri"],
        "allow": [{"$type": "app.bsky.feed.threadgate#mentionRule"}],
        "createdAt": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
    }, rkey=asked["uri"].rsplit("/", 1)[1])  # fmt: skip
    bluesky_network.process()
    posted = provider.post_reply(ref, "Here we are.", asked["uri"], "key-open-gate")
    bluesky_network.process()
    assert _in_thread(bluesky_network, kim, asked["uri"]) == [posted.remote_id]


def test_what_is_posted_has_no_spaces_around_it(bluesky_network, brand):
    provider, ref, me, _secrets = brand
    lee = bluesky_network.account("lee")
    asked = bluesky_network.mention(lee, me, "hello?")
    bluesky_network.process()
    posted = provider.post_reply(ref, "\n  Hi Lee, all fixed.  \n\n ", asked["uri"], "key-trim")
    record = bluesky_network.get(lee, "com.atproto.repo.getRecord", repo=me.did,
                                 collection="app.bsky.feed.post",
                                 rkey=posted.remote_id.rsplit("/", 1)[1])["value"]  # fmt: skip
    assert record["text"] == "Hi Lee, all fixed."


def test_a_reply_names_the_customer_and_the_tags_as_facets(bluesky_network, brand):
    provider, ref, me, _secrets = brand
    erin = bluesky_network.account("erin")
    asked = bluesky_network.mention(erin, me, "order missing")
    bluesky_network.process()
    text = f"@{erin.handle} so sorry! We're on it 🙏 #support"
    posted = provider.post_reply(ref, text, asked["uri"], "key-facets")
    bluesky_network.process()
    record = bluesky_network.get(erin, "com.atproto.repo.getRecord", repo=me.did,
                                 collection="app.bsky.feed.post",
                                 rkey=posted.remote_id.rsplit("/", 1)[1])["value"]  # fmt: skip
    features = {f["features"][0]["$type"].split("#")[1]: f for f in record["facets"]}
    encoded = record["text"].encode()
    mention = features["mention"]
    assert mention["features"][0]["did"] == erin.did
    assert (
        encoded[mention["index"]["byteStart"] : mention["index"]["byteEnd"]].decode()
        == f"@{erin.handle}"
    )
    tag = features["tag"]
    assert tag["features"][0]["tag"] == "support"
    assert encoded[tag["index"]["byteStart"] : tag["index"]["byteEnd"]].decode() == "#support"
    told = bluesky_network.get(erin, "app.bsky.notification.listNotifications")["notifications"]
    assert posted.remote_id in [n["uri"] for n in told]  # the customer hears of it
    assert _in_thread(bluesky_network, erin, asked["uri"]) == [posted.remote_id]  # and sees it


def _in_thread(network, viewer, uri) -> list[str]:
    """The replies under ``uri`` as ``viewer`` sees the thread."""
    thread = network.get(viewer, "app.bsky.feed.getPostThread", uri=uri)["thread"]
    return [r["post"]["uri"] for r in thread.get("replies") or [] if "post" in r]


def test_a_reply_to_a_deleted_post_is_refused_in_one_sentence(bluesky_network, brand):
    provider, ref, me, _secrets = brand
    frank = bluesky_network.account("frank")
    asked = bluesky_network.mention(frank, me, "nvm")
    bluesky_network.delete(frank, asked["uri"])
    bluesky_network.process()
    with pytest.raises(Refused) as refused:
        provider.post_reply(ref, "Glad it worked out!", asked["uri"], "key-deleted")
    assert "not on Bluesky any more" in str(refused.value)
    assert "NotFound" not in str(refused.value) and "{" not in str(refused.value)


def test_a_customer_who_blocked_the_account_cannot_be_answered_and_is_told(bluesky_network, brand):
    provider, ref, me, _secrets = brand
    gina = bluesky_network.account("gina")
    asked = bluesky_network.mention(gina, me, "never again")
    bluesky_network.create(gina, "app.bsky.graph.block", {
        "$type": "app.bsky.graph.block", "subject": me.did,
        "createdAt": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
    })  # fmt: skip
    bluesky_network.process()
    with pytest.raises(Refused, match=f"has blocked @{me.handle}"):
        provider.post_reply(ref, "We are sorry to hear that.", asked["uri"], "key-blocked")


def test_a_customer_the_account_blocks_is_answered_only_once_unblocked(bluesky_network, brand):
    provider, ref, me, _secrets = brand
    hal = bluesky_network.account("hal")
    asked = bluesky_network.mention(hal, me, "spam spam spam")
    bluesky_network.create(me, "app.bsky.graph.block", {
        "$type": "app.bsky.graph.block", "subject": hal.did,
        "createdAt": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
    })  # fmt: skip
    bluesky_network.process()
    with pytest.raises(Refused) as refused:
        provider.post_reply(ref, "Please stop.", asked["uri"], "key-blocking")
    assert f"@{me.handle} blocks" in str(refused.value) and "Unblock" in str(refused.value)


def test_the_counter_and_the_pds_agree_where_a_post_stops_fitting(bluesky_network, brand):
    """Decomposed letters (e + U+0301), and a long link the app shows shortened, at the limit:
    what the counter lets through, the PDS takes; one more, both refuse."""
    provider, ref, me, _secrets = brand
    nia = bluesky_network.account("nia")
    asked = bluesky_network.mention(nia, me, "long answer please")
    bluesky_network.process()
    link = "https://example.com/help/articles/" + "very-long-slug-" * 20  # shown in 27
    cases = [
        *(("e\u0301" * n, n == 300) for n in (300, 301)),
        *((f"{link} " + "a" * (n - 28), n == 300) for n in (300, 301)),
    ]
    for n, (text, fits) in enumerate(cases):
        assert count(text, "bluesky").valid is fits
        if fits:
            provider.post_reply(ref, text, asked["uri"], f"key-fits-{n}")
        else:
            with pytest.raises(NetworkError, match="300"):
                provider.post_reply(ref, text, asked["uri"], f"key-fits-{n}")


# -- what a user does, through the app's services, with the road to the server broken on cue --
@pytest.fixture
def desk(bluesky_network, db):
    me = bluesky_network.account("desk")
    road = FaultyRoad(bluesky_network.url)
    secrets = MemorySecrets({"app_password": bluesky_network.app_password(me)})
    client_id = clients.add_client(db, "Acme", at=NOW)
    account_id = clients.add_account(
        db, client_id, "bluesky", me.handle, server_url=road.url, remote_id=me.did, at=NOW
    )
    provider = BlueskyProvider(lambda _a: secrets)
    yield Desk(db, me, account_id, road, secrets, lambda _a: provider)
    provider.close()
    road.close()


@dataclass
class Desk:
    db: object
    me: object
    account_id: int
    road: Proxy
    secrets: MemorySecrets
    provider_for: object

    def sync(self):
        [result] = SyncService(self.db, self.provider_for, _now).sync_all()
        return result

    def approve(self, mention_id, text):
        draft = drafts.save_draft(self.db, account_id=self.account_id, mention_id=mention_id,
                                  text=text, cursor=0, now=_now())  # fmt: skip
        return drafts.approve(self.db, draft, policy.new_key(_now()), _now())

    def send(self):
        return OutboxSender(self.db, self.provider_for, _now).send_due()


def _now():
    return datetime.now(UTC)


def _replies(network, me, uri):
    feed = network.get(me, "app.bsky.feed.getAuthorFeed", actor=me.did)["feed"]
    return [
        p
        for p in feed
        if (p["post"]["record"].get("reply") or {}).get("parent", {}).get("uri") == uri
    ]


def test_a_first_sync_brings_a_500_mention_backlog_in_one_go(bluesky_network, desk):
    people = [bluesky_network.account(f"c{n}x") for n in range(5)]
    texts = [f"order {n} is late" for n in range(500)]
    posted = bluesky_network.mentions(people, desk.me, texts)
    bluesky_network.process()
    first = desk.sync()
    asked_first = len(desk.road.requests)
    inbox = mentions.mention_rows(desk.db, MentionFilter(account_id=desk.account_id), limit=1000)
    assert len(first.new_mention_ids) == 500 and first.error is None
    assert {m.remote_id for m in inbox} == {p["uri"] for p in posted}
    stored = sorted(inbox, key=lambda m: m.id)  # stored in the order they came: oldest first
    assert [m.text for m in stored] == [f"@{desk.me.handle} {t}" for t in texts]
    assert asked_first <= 500 // 100 + 2  # a sign-in, and pages of 100
    again = desk.sync()  # nothing new: the late window is read again, nothing doubled
    assert again.new_mention_ids == [] and again.error is None
    print(f"\n500 waiting on Bluesky: first sync {asked_first} requests, "
          f"the next {len(desk.road.requests) - asked_first}")  # fmt: skip


def test_a_reply_whose_answer_is_lost_is_posted_once(bluesky_network, desk):
    helen = bluesky_network.account("helen")
    asked = bluesky_network.mention(helen, desk.me, "where is my refund")
    bluesky_network.process()
    [mention_id] = desk.sync().new_mention_ids
    item = desk.approve(mention_id, f"@{helen.handle} sorry! It went out today.")
    desk.road.fail_next("POST", "drop_after")  # createRecord done; the answer lost
    [first] = desk.send()
    # The record key is the item's own: the provider reads it back and knows it was posted.
    assert first.sent and outbox.get_item(desk.db, item).remote_id
    assert desk.send() == []  # nothing left to send
    bluesky_network.process()
    assert len(_replies(bluesky_network, desk.me, asked["uri"])) == 1


@pytest.mark.parametrize(
    "spoil", [expired, lambda jwt: jwt[:-6] + "AAAAAA"], ids=["expired", "unverifiable"]
)
def test_an_expired_session_mid_sync_is_refreshed_without_a_new_sign_in(
    bluesky_network, desk, spoil
):
    ivan = bluesky_network.account("ivan")
    bluesky_network.mention(ivan, desk.me, "hello")
    bluesky_network.process()
    desk.sync()
    session = json.loads(desk.secrets.values["session"])
    session["accessJwt"] = spoil(session["accessJwt"])
    desk.secrets.values["session"] = json.dumps(session)
    before = len(desk.road.requests)
    bluesky_network.mention(ivan, desk.me, "still there?")
    bluesky_network.process()
    result = desk.sync()
    assert result.error is None and len(result.new_mention_ids) == 1
    renewed = json.loads(desk.secrets.values["session"])
    assert renewed["accessJwt"] != session["accessJwt"]
    since = [path for _method, path in desk.road.requests[before:]]
    assert any("refreshSession" in p for p in since)
    assert not any("createSession" in p for p in since)  # refreshed, not signed in again


def test_a_server_that_is_down_or_asks_to_slow_down_loses_nothing(bluesky_network, desk):
    desk.sync()  # signed in
    desk.road.fail_next("GET", "down")
    assert "Check the connection" in desk.sync().error
    desk.road.fail_next("GET", "429")
    assert "slow down" in desk.sync().error
    held = clients.sync_held_until(desk.db, desk.account_id)
    assert held is not None and held > _now() + timedelta(seconds=60)


def test_the_servers_own_sign_in_limit_holds_the_account_until_it_resets(bluesky_network, desk):
    """Bluesky allows 30 sign-ins in 5 minutes: past that its PDS answers 429 with the reset
    time in its own headers (RateLimit-Reset, Unix seconds)."""
    desk.sync()  # signed in
    bluesky_network.spend_sign_ins(desk.me)
    del desk.secrets.values["session"]  # the refresh token spent: a new sign-in is needed
    said = desk.sync().error
    assert "slow down until" in said and "nothing is lost" in said
    held = clients.sync_held_until(desk.db, desk.account_id)
    assert _now() + timedelta(minutes=4) < held < _now() + timedelta(minutes=6)


SENDER = """
import json, sys
from datetime import UTC, datetime
from socialdesk.networks.bluesky import BlueskyProvider
from socialdesk.services.accounts import MemorySecrets
from socialdesk.services.outbox import OutboxSender
from socialdesk.store.db import open_database

secrets = MemorySecrets(json.loads(sys.argv[2]))
provider = BlueskyProvider(lambda _a: secrets)
db = open_database(sys.argv[1])
OutboxSender(db, lambda _a: provider, lambda: datetime.now(UTC)).send_due()
provider.close()
"""


def test_killed_mid_send_then_restarted_posts_exactly_once(bluesky_network, desk):
    judy = bluesky_network.account("judy")
    asked = bluesky_network.mention(judy, desk.me, "my card was charged twice")
    bluesky_network.process()
    [mention_id] = desk.sync().new_mention_ids
    item = desk.approve(mention_id, f"@{judy.handle} refunded, sorry for the scare")
    desk.road.fail_next("POST", "hold")  # the PDS makes the post; its answer never comes back
    app = subprocess.Popen(
        [sys.executable, "-c", SENDER, str(desk.db.path), json.dumps(desk.secrets.values)],
        cwd=ROOT,
    )  # fmt: skip
    try:
        assert desk.road.forwarded.wait(60), "the reply never left"
    finally:
        app.kill()  # kill -9, mid-send
        app.wait(timeout=30)
    assert outbox.get_item(desk.db, item).state == "sending"
    outbox.release_leases(desk.db)  # the next start
    [sent] = desk.send()
    assert sent.sent
    bluesky_network.process()
    assert len(_replies(bluesky_network, desk.me, asked["uri"])) == 1


def test_replies_bluesky_will_not_take_are_kept_and_the_rest_go_out(bluesky_network, desk):
    """A customer who blocked the account, one who deleted the post: each reply is refused in
    one sentence and kept (text and all) for the person to act on; the others are posted."""
    blocker, deleter, fine = (bluesky_network.account(n) for n in ("mia", "ned", "ola"))
    asked = {
        who.handle: bluesky_network.mention(who, desk.me, "hi") for who in (blocker, deleter, fine)
    }
    bluesky_network.process()
    ids = dict(zip(asked, desk.sync().new_mention_ids, strict=True))
    items = {h: desk.approve(ids[h], f"@{h} thanks for writing") for h in asked}
    bluesky_network.create(blocker, "app.bsky.graph.block", {
        "$type": "app.bsky.graph.block", "subject": desk.me.did,
        "createdAt": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
    })  # fmt: skip
    bluesky_network.delete(deleter, asked[deleter.handle]["uri"])
    bluesky_network.process()
    results = {r.item_id: r for r in desk.send()}
    assert results[items[fine.handle]].sent
    for who, words in ((blocker, "blocked"), (deleter, "deleted")):
        kept = outbox.get_item(desk.db, items[who.handle])
        assert kept.state == "failed" and words in kept.last_error
        assert kept.text == f"@{who.handle} thanks for writing"
        assert "{" not in kept.last_error and "xrpc" not in kept.last_error.lower()
    bluesky_network.process()
    feed = bluesky_network.get(desk.me, "app.bsky.feed.getAuthorFeed", actor=desk.me.did)["feed"]
    assert len(feed) == 1  # only the reply Bluesky takes


class FaultyRoad(Proxy):
    """The road, also giving the answers a broken or hostile server gives: a body that is not
    JSON, a redirect to another host, an endless body, a body dripping a byte at a time."""

    def _serve(self, handler, method):
        fault = self.faults[0][1] if self.faults and self.faults[0][0] == method else None
        if fault not in BAD_ANSWERS:
            return super()._serve(handler, method)
        self.faults.popleft()
        handler.rfile.read(int(handler.headers.get("Content-Length") or 0))
        return BAD_ANSWERS[fault](handler)


def _drip(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    with contextlib.suppress(OSError):
        for _ in range(100):
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(0.05)  # the fault itself: one byte every 50 ms, never a read timeout


BAD_ANSWERS = {
    "junk": lambda h: _answer(h, 200, b"<html>Bad gateway</html>", {"Content-Type": "text/html"}),
    "off-host": lambda h: _answer(h, 302, b"", {"Location": "https://bsky.invalid/xrpc/x"}),
    "huge": lambda h: _answer(h, 200, b'{"notifications": [' + b" " * 300_000 + b"]}", {}),
    "drip": _drip,
}


@pytest.mark.parametrize(("fault", "words"), [
    ("junk", "not JSON"), ("off-host", "bsky.invalid"), ("huge", "larger than"),
    ("drip", "too long"),
])  # fmt: skip
def test_bad_answers_are_one_plain_sentence_and_lose_nothing(
    bluesky_network, desk, monkeypatch, fault, words
):
    monkeypatch.setattr(http, "MAX_RESPONSE_BYTES", 200_000)
    monkeypatch.setattr(http, "READ_DEADLINE", 1.0)
    pam = bluesky_network.account("pam")
    desk.sync()  # signed in
    bluesky_network.mention(pam, desk.me, "anyone there?")
    bluesky_network.process()
    desk.road.fail_next("GET", fault)
    said = desk.sync().error
    assert words in said and "{" not in said and "Traceback" not in said
    assert "Check" in said or "tries again" in said  # what to do, or what SocialDesk does
    assert mentions.mention_rows(desk.db, MentionFilter(account_id=desk.account_id)) == []
    assert len(desk.sync().new_mention_ids) == 1  # the road mended: nothing lost
