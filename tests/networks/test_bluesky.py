"""The Bluesky provider against a PDS-shaped server on 127.0.0.1: sessions kept and refreshed,
notifications paged, replies with the right references and facets, exactly once by record key."""

import json
import re
import string
from datetime import timedelta

import pytest

from socialdesk.core import outbox as outbox_policy
from socialdesk.core.counter import shorten_link
from socialdesk.networks.base import AccountRef
from socialdesk.networks.bluesky import BlueskyProvider, tid_from_key
from socialdesk.networks.errors import AuthError, BadResponse, RateLimited, Refused
from socialdesk.networks.http import Transport
from tests.networks.bluesky_server import (
    APP_PASSWORD,
    DID,
    HANDLE,
    T0,
    BlueskyServer,
    lexicon_errors,
)
from tests.networks.test_mastodon import MemorySecrets


@pytest.fixture
def server():
    s = BlueskyServer()
    yield s
    s.close()


def provider(server, secrets):
    return BlueskyProvider(
        lambda _account: secrets,
        transport_for=lambda url: Transport("Bluesky", url),
        clock=lambda: T0 + timedelta(hours=1),
    )


def ref(server):
    return AccountRef(3, "bluesky", HANDLE, server_url=server.url)


def test_signs_in_once_keeps_the_session_and_refreshes_instead_of_signing_in(server):
    secrets = MemorySecrets(app_password=APP_PASSWORD)
    assert provider(server, secrets).verify(ref(server)).remote_id == DID
    stored = json.loads(secrets.values["session"])
    assert set(stored) == {"accessJwt", "refreshJwt", "did", "handle"}
    assert lexicon_errors("com.atproto.server.createSession", {**stored}) == []

    again = provider(server, secrets)  # a new run of the app: the stored session is used
    again.fetch_mentions(ref(server), None)
    assert server.sign_ins == 1

    server.expire_access_tokens()
    again.fetch_mentions(ref(server), None)
    assert (server.sign_ins, server.refreshes) == (1, 1)

    server.expire_all_tokens()  # the refresh token is spent too: one new sign-in
    again.fetch_mentions(ref(server), None)
    assert server.sign_ins == 2


def test_without_an_app_password_or_with_a_wrong_one_it_asks_to_sign_in(server):
    with pytest.raises(AuthError, match="app password"):
        provider(server, MemorySecrets()).fetch_mentions(ref(server), None)
    with pytest.raises(AuthError, match="Sign in again"):  # a kept password no longer works
        provider(server, MemorySecrets(app_password="wrong")).fetch_mentions(ref(server), None)
    with pytest.raises(AuthError) as connecting:  # signing in now: what to check, no "again"
        provider(server, MemorySecrets(app_password="wrong")).verify(ref(server))
    assert "again" not in str(connecting.value) and "Check the handle" in str(connecting.value)


def test_mentions_replies_and_quotes_arrive_in_order_and_likes_do_not(server):
    for n in range(1, 151):
        server.add_post(n, f"@brand.bsky.social question {n}")
    server.add_post(151, "liked", reason="like")
    secrets = MemorySecrets(app_password=APP_PASSWORD)
    first = provider(server, secrets).fetch_mentions(ref(server), None)
    assert [m.text for m in first.mentions] == [
        f"@brand.bsky.social question {n}" for n in range(1, 151)
    ]  # the backlog, over two pages
    for n in range(152, 400):
        server.add_post(n, f"later {n}", reason=("reply", "quote", "mention")[n % 3])
    later = provider(server, secrets).fetch_mentions(ref(server), first.cursor)
    texts = [m.text for m in later.mentions]
    expected = [f"later {n}" for n in range(152, 400)]
    # Everything newer, in order; what was already read within LATE_WINDOW below the cursor
    # comes again (a post indexed late sorts there; the store keeps each post once).
    assert [t for t in texts if t in expected] == expected
    assert set(texts) - set(expected) <= {f"@brand.bsky.social question {n}" for n in range(151)}
    assert (
        lexicon_errors(
            "app.bsky.notification.listNotifications#notification", server.notifications[0]
        )
        == []
    )
    listed = next(r for r in server.requests if "listNotifications" in r.path)
    assert listed.query["reasons"] == ["mention", "reply", "quote"]


def test_a_reply_carries_root_and_parent_and_link_facets_and_posts_once(server):
    root = server.add_post(1, "@brand.bsky.social my order is late")
    parent = server.add_post(2, "still nothing!", reply_to=root["uri"])
    secrets = MemorySecrets(app_password=APP_PASSWORD)
    bluesky = provider(server, secrets)
    key = outbox_policy.new_key(T0)
    text = "Sorry! Track it here: https://shop.example.com/orders/track/123456789 ✓"
    first = bluesky.post_reply(ref(server), text, parent["uri"], key)
    [body] = server.created
    record = body["record"]
    assert body["rkey"] == tid_from_key(key) and body["repo"] == DID
    assert record["reply"]["parent"] == {"uri": parent["uri"], "cid": parent["cid"]}
    assert record["reply"]["root"] == {"uri": root["uri"], "cid": root["cid"]}
    short = shorten_link("https://shop.example.com/orders/track/123456789")
    assert record["text"] == f"Sorry! Track it here: {short} ✓"
    [facet] = record["facets"]
    start, end = facet["index"]["byteStart"], facet["index"]["byteEnd"]
    assert record["text"].encode()[start:end].decode() == short
    assert facet["features"][0]["uri"] == "https://shop.example.com/orders/track/123456789"
    assert lexicon_errors("app.bsky.feed.post", record) == []
    assert lexicon_errors("com.atproto.repo.createRecord", body, "input") == []

    again = bluesky.post_reply(ref(server), text, parent["uri"], key)  # a retry after a crash
    assert again.remote_id == first.remote_id and len(server.created) == 1
    assert first.url == f"https://bsky.app/profile/{HANDLE}/post/{body['rkey']}"


def test_record_keys_are_valid_tids_ordered_by_approval_time():
    keys = [outbox_policy.new_key(T0 + timedelta(seconds=s)) for s in (0, 1, 60)]
    tids = [tid_from_key(k) for k in keys]
    alphabet = set("234567" + string.ascii_lowercase[:26])
    assert all(len(t) == 13 and set(t) <= alphabet and t[0] in "234567abcdefghij" for t in tids)
    assert tids == sorted(tids) and len(set(tids)) == 3
    assert tid_from_key(keys[0]) == tids[0]  # the same every time
    assert len(tid_from_key("any-old-key")) == 13


def test_thread_reads_the_parents_in_order(server):
    root = server.add_post(1, "root")
    middle = server.add_post(2, "middle", reply_to=root["uri"])
    leaf = server.add_post(3, "leaf", reply_to=middle["uri"])
    secrets = MemorySecrets(app_password=APP_PASSWORD)
    thread = provider(server, secrets).fetch_thread(ref(server), leaf["uri"])
    assert [m.text for m in thread] == ["root", "middle", "leaf"]
    assert {m.conversation_id for m in thread} == {root["uri"]}


def test_rate_limited_with_the_reset_time(server):
    secrets = MemorySecrets(app_password=APP_PASSWORD)
    bluesky = provider(server, secrets)
    bluesky.verify(ref(server))
    server.faults.append("429")
    with pytest.raises(RateLimited) as caught:
        bluesky.fetch_mentions(ref(server), None)
    assert caught.value.reset_at.year == 2026


def test_a_long_absence_is_read_to_the_end_across_syncs(server, monkeypatch):
    from socialdesk.networks import bluesky

    monkeypatch.setattr(bluesky, "MAX_PAGES", 2)  # 200 a sync, for a 350-mention absence
    server.add_post(1, "before")
    secrets = MemorySecrets(app_password=APP_PASSWORD)
    account = ref(server)
    cursor = provider(server, secrets).fetch_mentions(account, None).cursor
    for n in range(2, 352):
        server.add_post(n, f"new {n}")
    seen, syncs = set(), 0
    while True:
        batch = provider(server, secrets).fetch_mentions(account, cursor)
        seen |= {m.text for m in batch.mentions}
        syncs += 1
        if batch.cursor == cursor or syncs > 6:
            break
        cursor = batch.cursor
    assert {f"new {n}" for n in range(2, 352)} <= seen and syncs <= 4


def test_hiding_a_reply_writes_the_threads_gate_and_keeps_its_reply_rules(server):
    own = server.add_post(1, "Our new app is out!", own=True)
    rude = server.add_post(2, "this app is garbage and so are you", reply_to=own["uri"])
    deeper = server.add_post(3, "lol", reply_to=rude["uri"])
    bluesky = provider(server, MemorySecrets(app_password=APP_PASSWORD))
    rkey = own["uri"].rsplit("/", 1)[1]
    server._write(  # the manager had already limited replies to people they follow
        ("app.bsky.feed.threadgate", rkey),
        {"$type": "app.bsky.feed.threadgate", "post": own["uri"],
         "createdAt": "2026-11-01T00:00:00Z",
         "allow": [{"$type": "app.bsky.feed.threadgate#followingRule"}]},
    )  # fmt: skip

    bluesky.hide_reply(ref(server), rude["uri"])
    bluesky.hide_reply(ref(server), deeper["uri"])  # a reply deeper down: the same root's gate
    bluesky.hide_reply(ref(server), rude["uri"])  # twice is still once
    gate = server.records[("app.bsky.feed.threadgate", rkey)]["value"]
    assert gate["hiddenReplies"] == [deeper["uri"], rude["uri"]]
    assert gate["allow"] == [{"$type": "app.bsky.feed.threadgate#followingRule"}]
    assert gate["post"] == own["uri"]
    # putRecord's and threadgate's lexicons are not in ../shared: the documented fields by hand.
    put = [r.body for r in server.requests if r.path.endswith("putRecord")]
    assert {"repo", "collection", "rkey", "record"} <= set(put[-1]) and put[-1]["swapRecord"]
    assert all(isinstance(gate["record"]["createdAt"], str) for gate in put)

    bluesky.hide_reply(ref(server), rude["uri"], hidden=False)
    gate = server.records[("app.bsky.feed.threadgate", rkey)]["value"]
    assert gate["hiddenReplies"] == [deeper["uri"]]


def test_a_first_hide_creates_the_gate_without_limiting_who_may_reply(server):
    own = server.add_post(1, "Sale today", own=True)
    rude = server.add_post(2, "spam spam", reply_to=own["uri"])
    provider(server, MemorySecrets(app_password=APP_PASSWORD)).hide_reply(ref(server), rude["uri"])
    [(key, gate)] = [(k, r) for k, r in server.records.items() if k[0].endswith("threadgate")]
    assert key[1] == own["uri"].rsplit("/", 1)[1]  # the root post's record key
    assert gate["value"]["hiddenReplies"] == [rude["uri"]]
    assert "allow" not in gate["value"]  # absent means anyone may still reply


def test_a_reply_in_someone_elses_thread_cannot_be_hidden_and_nothing_is_written(server):
    theirs = server.add_post(1, "@brand.bsky.social is your shop open?")
    rude = server.add_post(2, "who cares", reply_to=theirs["uri"])
    with pytest.raises(Refused, match="did not start this one"):
        provider(server, MemorySecrets(app_password=APP_PASSWORD)).hide_reply(
            ref(server), rude["uri"]
        )
    assert not any(r.path.endswith("putRecord") for r in server.requests)


def test_a_gate_changed_meanwhile_is_read_again_not_overwritten(server):
    own = server.add_post(1, "Hello", own=True)
    first = server.add_post(2, "rude one", reply_to=own["uri"])
    second = server.add_post(3, "rude two", reply_to=own["uri"])
    bluesky = provider(server, MemorySecrets(app_password=APP_PASSWORD))
    bluesky.hide_reply(ref(server), first["uri"])
    key = ("app.bsky.feed.threadgate", own["uri"].rsplit("/", 1)[1])
    changed = []

    def get_then_change(request, match):
        answer = server._get_record(request, match)
        if not changed:  # between our read and our write, the Bluesky app hides one too
            value = server.records[key]["value"]
            server._write(key, {**value, "hiddenReplies": [*value["hiddenReplies"], "at://x"]})
            changed.append(True)
        return answer

    i = next(i for i, route in enumerate(server.routes) if "getRecord" in route[1].pattern)
    server.routes[i] = (*server.routes[i][:2], server._authed(get_then_change))
    bluesky.hide_reply(ref(server), second["uri"])
    assert server.records[key]["value"]["hiddenReplies"] == [first["uri"], "at://x", second["uri"]]


def test_a_page_of_junk_is_said_not_taken_for_no_mentions(server):
    junk = {"notifications": [1, "x", {"a": 2}]}
    path = re.compile("/xrpc/app.bsky.notification.listNotifications$")
    server.routes.insert(0, ("GET", path, lambda r, m: (200, junk)))
    secrets = MemorySecrets(app_password=APP_PASSWORD)
    with pytest.raises(BadResponse, match="cannot read"):
        provider(server, secrets).fetch_mentions(ref(server), None)


def test_a_refused_first_sign_in_says_what_to_do_for_each_reason():
    from socialdesk.networks.bluesky import _not_accepted

    assert "code sent by email" in _not_accepted("ann.bsky.social", "AuthFactorTokenRequired")
    assert "app password" in _not_accepted("ann.bsky.social", "AuthFactorTokenRequired")
    assert "suspended @ann.bsky.social" in _not_accepted("ann.bsky.social", "AccountTakedown")
    said = _not_accepted("ann@mail.example", "AuthenticationRequired")  # an email typed
    assert "accept ann@mail.example with" in said and "again" not in said
