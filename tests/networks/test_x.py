"""The X provider against an X-API-shaped server on 127.0.0.1: the PKCE sign-in with a browser
played by an HTTP client, tokens refreshed before they expire, mentions paged with authors, and a
reply that survives a dropped connection without being posted twice."""

import json
import re
import threading
from datetime import timedelta

import httpx
import pytest

from socialdesk.core import outbox as policy
from socialdesk.networks.base import AccountRef
from socialdesk.networks.errors import AuthError, BadResponse, RateLimited
from socialdesk.networks.http import Transport
from socialdesk.services import accounts, sign_in
from socialdesk.services.outbox import OutboxSender
from socialdesk.store import clients, drafts, mentions, outbox
from tests.networks.test_mastodon import MemorySecrets
from tests.networks.x_server import CLIENT_ID, ME, T0, XServer

TEXT_WITH_LINK = "It is! Sorry it was gone. Menu: https://emberlinecoffee.com/menu"


class Clock:
    def __init__(self):
        self.now = T0 + timedelta(hours=1)

    def __call__(self):
        return self.now


@pytest.fixture
def server():
    s = XServer()
    yield s
    s.close()


def browser(url):
    threading.Thread(target=lambda: httpx.get(url, follow_redirects=True, timeout=10)).start()


def signed_in(server, clock, post_only=False):
    """Sign in as a user would, and a provider using the secrets that came back."""
    networks = accounts.LiveNetworks(
        transports={"x": lambda _url: Transport("X", server.url, clock=clock)},
        x_authorize=f"{server.url}/i/oauth2/authorize",
    )
    found = sign_in.connect_x(
        networks, CLIENT_ID, browser, port=0, now=clock(), post_only=post_only, timeout=10
    )
    secrets = MemorySecrets(**found)
    provider = networks.make("x", lambda _ref: secrets)
    provider._clock = clock  # token expiry in the test's time
    return provider, secrets


def token(secrets):
    return json.loads(secrets.get("session"))["access_token"]


def ref():
    return AccountRef(1, "x", ME["username"], remote_id=ME["id"])


def test_sign_in_with_pkce_through_the_loopback(server):
    provider, secrets = signed_in(server, Clock())
    assert token(secrets) in server.access
    assert provider.verify(ref()).remote_id == ME["id"]
    authorize = next(r for r in server.requests if r.path == "/i/oauth2/authorize")
    scopes = "tweet.read tweet.write tweet.moderate.write users.read offline.access"
    assert authorize.query["scope"] == [scopes]  # moderate: hiding replies
    assert authorize.query["redirect_uri"][0].startswith("http://127.0.0.1:")


def test_the_token_is_refreshed_before_it_expires_and_after_a_401(server):
    clock = Clock()
    provider, secrets = signed_in(server, clock)
    first = token(secrets)
    clock.now += timedelta(hours=1, minutes=59)  # two minutes from expiry: refreshed ahead
    provider.verify(ref())
    assert server.refreshes == 1 and token(secrets) != first
    server.expire_access_tokens()  # revoked early on X's side: one refresh, one retry
    provider.verify(ref())
    assert server.refreshes == 2
    server.refresh.clear()
    server.expire_access_tokens()
    with pytest.raises(AuthError, match="sign in again"):
        provider.verify(ref())


def test_mentions_page_with_their_authors_and_plain_text(server):
    clock = Clock()
    provider, _ = signed_in(server, clock)
    for n in range(1, 131):
        server.add_mention(n, f"@emberlinecoffee latte &amp; cake {n}")
    first = provider.fetch_mentions(ref(), None)
    assert len(first.mentions) == 100 and first.mentions[-1].text.endswith("& cake 130")
    for n in range(131, 400):
        server.add_mention(n, f"later {n}")
    later = provider.fetch_mentions(ref(), first.cursor)
    assert [m.text for m in later.mentions] == [f"later {n}" for n in range(131, 400)]
    assert later.mentions[0].author.handle.startswith("fan")
    request = next(r for r in server.requests if "mentions" in r.path and "since_id" in r.query)
    assert request.query["expansions"] == ["author_id,referenced_tweets.id"]


def test_an_endpoint_whose_budget_is_spent_is_not_asked_again_until_its_reset(server):
    clock = Clock()
    provider, _ = signed_in(server, clock)
    server.add_mention(1, "@emberlinecoffee hi")
    reset = clock.now + timedelta(minutes=12)
    i = next(i for i, route in enumerate(server.routes) if "mentions" in route[1].pattern)
    handler = server.routes[i][2]
    server.routes[i] = (*server.routes[i][:2], lambda request, match: (
        *handler(request, match)[:2],
        {"x-rate-limit-remaining": "0", "x-rate-limit-reset": str(int(reset.timestamp()))},
    ))  # fmt: skip
    provider.fetch_mentions(ref(), None)  # the answer says: none left in this window
    asked = len(server.requests)
    with pytest.raises(RateLimited) as caught:
        provider.fetch_mentions(ref(), None)
    assert caught.value.reset_at == reset and "Nothing was sent" in str(caught.value)
    assert len(server.requests) == asked  # not even one request to be refused
    provider.hide_reply(ref(), server.add_mention(2, "spam")["id"])  # other endpoints go on

    clock.now = reset + timedelta(seconds=1)
    assert [m.text for m in provider.fetch_mentions(ref(), None).mentions]


def test_post_only_accounts_never_ask_for_mentions(server):
    provider, _ = signed_in(server, Clock(), post_only=True)
    assert provider.fetch_mentions(ref(), None).mentions == []
    assert not any("mentions" in r.path for r in server.requests)


def test_a_dropped_reply_is_looked_for_before_it_is_sent_again(server, db, account):
    _client_id, account_id = account
    with db.transaction() as conn:
        conn.execute(
            "UPDATE account SET handle = ?, remote_id = ? WHERE id = ?",
            (ME["username"], ME["id"], account_id),
        )
    clock = Clock()
    provider, _ = signed_in(server, clock)
    parent = server.add_mention(1, "@emberlinecoffee is the oat milk back?")
    fetched = provider.fetch_mentions(ref(), None).mentions
    [mid] = mentions.upsert_mentions(db, account_id, fetched, clock())
    draft = drafts.save_draft(
        db, account_id=account_id, mention_id=mid, text=TEXT_WITH_LINK, cursor=0,
        now=clock(),
    )  # fmt: skip
    drafts.approve(db, draft, policy.new_key(clock()), clock())
    server.faults.append("drop_after")  # posted on X, the answer lost
    sender = OutboxSender(db, lambda _a: provider, clock)
    assert [r.sent for r in sender.send_due()] == [False]
    clock.now += timedelta(minutes=1)
    assert [r.sent for r in sender.send_due()] == [True]
    [posted] = server.posts_by_me()  # once, its link shortened by X
    assert posted.startswith("It is! Sorry it was gone. Menu: https://t.co/")
    [item] = outbox.list_items(db, clock())
    assert item.remote_id == server.tweets[-1]["id"]
    assert server.tweets[-1]["referenced_tweets"] == [{"type": "replied_to", "id": parent["id"]}]
    assert clients.get_account(db, account_id).handle == ME["username"]


def test_a_duplicate_is_refused_in_plain_words_not_as_a_lost_sign_in(server):
    provider, _ = signed_in(server, Clock())
    provider.post_reply(ref(), "Same words", None, "k1")
    with pytest.raises(BadResponse, match="duplicate content"):
        provider.post_reply(ref(), "Same words", None, "k2")


def test_hiding_a_reply(server):
    provider, _ = signed_in(server, Clock())
    tweet = server.add_mention(1, "spam spam")
    provider.hide_reply(ref(), tweet["id"])
    hidden = [r for r in server.requests if r.method == "PUT"]
    assert hidden[0].path == f"/2/tweets/{tweet['id']}/hidden" and hidden[0].body == {
        "hidden": True
    }


def test_a_long_absence_is_read_to_the_end_across_syncs(server, monkeypatch):
    from socialdesk.networks import x

    monkeypatch.setattr(x, "MAX_PAGES", 2)  # 200 a sync, for a 350-mention absence
    provider, _ = signed_in(server, Clock())
    server.add_mention(1, "before")
    cursor = provider.fetch_mentions(ref(), None).cursor
    for n in range(2, 352):
        server.add_mention(n, f"new {n}")
    seen, syncs = set(), 0
    while syncs < 6:
        batch = provider.fetch_mentions(ref(), cursor)
        seen |= {m.text for m in batch.mentions}
        syncs += 1
        if batch.cursor == cursor:
            break
        cursor = batch.cursor
    assert {f"new {n}" for n in range(2, 352)} <= seen and syncs <= 4


def test_two_threads_refused_with_the_same_token_refresh_once(server):
    provider, secrets = signed_in(server, Clock())
    refused = token(secrets)
    server.expire_access_tokens()
    first = provider._access_token(ref(), failed=refused)  # the first thread refreshes…
    second = provider._access_token(ref(), failed=refused)  # …the second uses its new token
    assert first == second and server.refreshes == 1


def test_an_app_without_access_to_mentions_is_told_what_to_do(server):
    provider, _ = signed_in(server, Clock())
    server.faults.append("403")
    with pytest.raises(BadResponse, match="Post only"):
        provider.fetch_mentions(ref(), None)


def test_a_page_of_junk_mentions_is_said_not_taken_for_none(server):
    provider, _ = signed_in(server, Clock())
    junk = {"data": [1, "x", {"text": "no id"}], "meta": {"result_count": 3}}
    path = re.compile(r"/2/users/\d+/mentions$")
    server.routes.insert(0, ("GET", path, lambda r, m: (200, junk)))
    with pytest.raises(BadResponse, match="cannot read"):
        provider.fetch_mentions(ref(), None)
