"""The Mastodon provider and the app's services against a real Mastodon API server
(mastodon-mock) on 127.0.0.1: every defect found there, as a scenario that failed first."""

import json
import subprocess
import sys
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from socialdesk.core import outbox as policy
from socialdesk.core.counter import count
from socialdesk.core.mentions import reply_visibility
from socialdesk.credentials import CredentialStore
from socialdesk.networks.base import AccountRef
from socialdesk.networks.errors import AuthError, NetworkError
from socialdesk.networks.http import Transport
from socialdesk.networks.mastodon import MastodonProvider
from socialdesk.services import accounts, sign_in
from socialdesk.services.accounts import MemorySecrets
from socialdesk.services.outbox import OutboxSender
from socialdesk.services.sync import SyncService
from socialdesk.store import clients, drafts, outbox
from tests.networks.mastodon_openapi import RequestCheck, checked
from tests.realnet.mastodon_stack import CUSTOMERS, token
from tests.realnet.proxy import Proxy
from tests.services.test_sync import DictKeyring

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


CHECK = RequestCheck()


MADE: list[Transport] = []  # every connection the tests' providers opened


def checked_transport(url):
    MADE.append(checked(Transport("Mastodon", url), CHECK))
    return MADE[-1]


@pytest.fixture(autouse=True)
def requests_checked():
    """Every request SocialDesk sends the real server must be one Mastodon's API allows; the
    connections a test's providers opened are closed after it."""
    CHECK.problems.clear()
    yield
    while MADE:
        MADE.pop().close()
    assert CHECK.problems == []


@pytest.fixture
def brand(mastodon_server):
    """(provider, account) of a brand account no other test uses."""
    name = mastodon_server.take_brand()
    provider = MastodonProvider(
        lambda _a: MemorySecrets({"access_token": token(name)}), transport_for=checked_transport
    )
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
            lambda _a: MemorySecrets({"access_token": token(name)}), transport_for=self._transport
        )

    def _transport(self, url):
        transport = checked_transport(url)
        transport._client.event_hooks["request"].append(self.requests.append)
        return transport


def _backlog(server, brand_name, n, start=0):
    return server.post_many(
        (CUSTOMERS[i % len(CUSTOMERS)], f"@{brand_name} order {start + i} is late")
        for i in range(n)
    )


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


# -- what a user does, through the app's services, with the road to the server broken on cue --
@pytest.fixture
def desk(mastodon_server, db):
    """A brand account in a real store, reached through a proxy that can break the road."""
    name = mastodon_server.take_brand()
    road = Proxy(mastodon_server.url)
    secrets = MemorySecrets({"access_token": token(name)})
    client_id = clients.add_client(db, "Acme", at=NOW)
    account_id = clients.add_account(
        db, client_id, "mastodon", name, server_url=road.url,
        remote_id=mastodon_server.account_id(name), at=NOW,
    )  # fmt: skip
    provider = MastodonProvider(lambda _a: secrets, transport_for=checked_transport)
    yield Desk(db, name, account_id, road, secrets, lambda _a: provider)
    road.close()


@dataclass
class Desk:
    db: object
    name: str
    account_id: int
    road: Proxy
    secrets: MemorySecrets
    provider_for: object

    def sync(self):
        [result] = SyncService(self.db, self.provider_for, clock).sync_all()
        return result

    def approve(self, mention_id, text):
        draft = drafts.save_draft(
            self.db, account_id=self.account_id, mention_id=mention_id, text=text, cursor=0,
            now=clock(),
        )  # fmt: skip
        return drafts.approve(self.db, draft, policy.new_key(clock()), clock())

    def send(self):
        return OutboxSender(self.db, self.provider_for, clock).send_due()


def clock():
    return datetime.now(UTC)


def test_a_reply_whose_answer_is_lost_is_posted_once(mastodon_server, desk):
    asked = mastodon_server.post("alice", f"@{desk.name} the app logs me out every hour")
    [mention_id] = desk.sync().new_mention_ids
    item = desk.approve(mention_id, "@alice sorry! A fix ships tonight.")
    desk.road.fail_next("POST", "drop_after")  # posted, and the answer lost on the way
    [first] = desk.send()
    assert not first.sent and outbox.get_item(desk.db, item).unconfirmed
    outbox.retry(desk.db, [item])
    [again] = desk.send()
    assert again.sent
    replies = [
        s for s in mastodon_server.statuses_of(desk.name) if s["in_reply_to_id"] == asked["id"]
    ]
    assert len(replies) == 1 and outbox.get_item(desk.db, item).remote_id == replies[0]["id"]


def test_a_revoked_token_mid_sync_says_sign_in_again_and_keeps_the_outbox(mastodon_server, desk):
    mastodon_server.post("bob", f"@{desk.name} hello?")
    [mention_id] = desk.sync().new_mention_ids
    item = desk.approve(mention_id, "@bob hello! How can we help?")
    desk.secrets.values["access_token"] = "revoked-or-expired"
    result = desk.sync()
    assert "Sign in again" in result.error and "Workspace → Accounts" in result.error
    desk.send()
    waiting = outbox.get_item(desk.db, item)
    assert waiting.state == "queued" and waiting.last_error.startswith("Sign in needed")


def test_a_server_that_is_down_or_asks_to_slow_down_loses_nothing(mastodon_server, desk):
    mastodon_server.post("carol", f"@{desk.name} is the shop open today?")
    desk.road.fail_next("GET", "down")
    down = desk.sync()
    assert "Check the connection" in down.error
    desk.road.fail_next("GET", "429")
    slow = desk.sync()
    assert "slow down" in slow.error
    held = clients.sync_held_until(desk.db, desk.account_id)
    assert held is not None and held > clock() + timedelta(seconds=60)


def test_a_reply_to_a_deleted_post_is_refused_and_kept(mastodon_server, desk):
    """Mastodon answers a post the account may not see — deleted, or its author blocked the
    account — with the same 404 (mastodon-mock does not enforce blocks, so the deletion stands
    for both here)."""
    asked = mastodon_server.post("erin", f"@{desk.name} my parcel is lost")
    [mention_id] = desk.sync().new_mention_ids
    item = desk.approve(mention_id, "@erin so sorry, sending another today")
    with mastodon_server.client("erin") as c:
        c.delete(f"/api/v1/statuses/{asked['id']}").raise_for_status()
    desk.send()
    failed = outbox.get_item(desk.db, item)
    assert failed.state == "failed" and "not on Mastodon any more" in failed.last_error
    assert failed.text == "@erin so sorry, sending another today"  # kept, to post elsewhere


SENDER = """
import sys
from datetime import UTC, datetime
from socialdesk.networks.mastodon import MastodonProvider
from socialdesk.services.accounts import MemorySecrets
from socialdesk.services.outbox import OutboxSender
from socialdesk.store.db import open_database

secrets = MemorySecrets({"access_token": sys.argv[2]})
provider = MastodonProvider(lambda _a: secrets)
db = open_database(sys.argv[1])
OutboxSender(db, lambda _a: provider, lambda: datetime.now(UTC)).send_due()
provider.close()
"""


def test_killed_mid_send_then_restarted_posts_exactly_once(mastodon_server, desk):
    asked = mastodon_server.post("bob", f"@{desk.name} my refund?")
    [mention_id] = desk.sync().new_mention_ids
    item = desk.approve(mention_id, "@bob it is on its way: 3 to 5 days")
    desk.road.fail_next("POST", "hold")  # the server posts it; the answer never comes back
    app = subprocess.Popen(
        [sys.executable, "-c", SENDER, str(desk.db.path), token(desk.name)], cwd=ROOT
    )
    try:
        assert desk.road.forwarded.wait(60), "the reply never left"
    finally:
        app.kill()  # kill -9, mid-send
        app.wait(timeout=30)
    assert outbox.get_item(desk.db, item).state == "sending"
    outbox.release_leases(desk.db)  # the next start
    [sent] = desk.send()
    assert sent.sent
    replies = [
        s for s in mastodon_server.statuses_of(desk.name) if s["in_reply_to_id"] == asked["id"]
    ]
    assert len(replies) == 1


def _browser_choosing(server, username):
    """The user's browser: the server's own sign-in page, where they pick their account; the
    server then sends the browser back to SocialDesk's loopback address."""

    def open_url(url):
        query = dict(httpx.URL(url).params)
        form = {k: query[k] for k in ("redirect_uri", "client_id", "scope", "state")}
        threading.Thread(target=lambda: httpx.post(
            f"{server.url}/oauth/authorize", data={**form, "username": username},
            follow_redirects=True, timeout=10,
        )).start()  # fmt: skip

    return open_url


def test_connecting_and_signing_in_again_end_to_end(mastodon_server, db):
    name = mastodon_server.take_brand()
    networks = accounts.LiveNetworks(
        CredentialStore(DictKeyring()), transports={"mastodon": checked_transport}
    )
    typed = f"@{name}@{mastodon_server.url.removeprefix('http://')}"
    server = sign_in.server_url(typed, scheme="http")
    assert server == mastodon_server.url  # the whole handle, typed as the server
    secrets = sign_in.connect_mastodon(
        networks, server, _browser_choosing(mastodon_server, name), timeout=30
    )
    client_id = clients.add_client(db, "Acme", at=NOW)
    account_id = accounts.add_account(
        db, networks, client_id=client_id, network="mastodon", handle=name, server_url=server,
        secrets=secrets, at=NOW,
    )  # fmt: skip
    assert clients.get_account(db, account_id).handle == name
    old = secrets["access_token"]
    again = sign_in.connect_mastodon(
        networks, server, _browser_choosing(mastodon_server, name), timeout=30
    )
    accounts.reauthenticate(db, networks, account_id, again)
    with httpx.Client(base_url=server, headers={"Authorization": f"Bearer {old}"}) as c:
        assert c.get("/api/v1/accounts/verify_credentials").status_code == 401  # revoked
    assert accounts.test_connection(db, networks, account_id).handle == name


class HandleDomain:
    """The user's own domain on 127.0.0.1, whose handles live on another server: it answers
    WebFinger (RFC 7033) pointing at that server, as a static file or a small site does."""

    def __init__(self, server_url: str) -> None:
        target = server_url

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                url = httpx.URL(self.path)
                user = url.params.get("resource", "").removeprefix("acct:").split("@")[0]
                if url.path != "/.well-known/webfinger" or not user:
                    self.send_error(404)
                    return
                data = json.dumps({
                    "subject": url.params["resource"],
                    "links": [{"rel": "self", "type": "application/activity+json",
                               "href": f"{target}/users/{user}"}],
                }).encode()  # fmt: skip
                self.send_response(200)
                self.send_header("Content-Type", "application/jrd+json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.host = f"127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def test_a_whole_handle_typed_as_the_server_finds_the_server_by_webfinger(mastodon_server):
    """ "@alice@example.com" may live on social.example.com: the handle's domain says where."""
    networks = accounts.LiveNetworks(
        CredentialStore(DictKeyring()), transports={"mastodon": checked_transport}
    )
    host = mastodon_server.url.removeprefix("http://")
    assert (
        sign_in.find_mastodon_server(networks, f"@alice@{host}", scheme="http")
        == mastodon_server.url
    )
    domain = HandleDomain(mastodon_server.url)
    try:
        found = sign_in.find_mastodon_server(networks, f"@alice@{domain.host}", scheme="http")
    finally:
        domain.close()
    assert found == mastodon_server.url
    # A domain that does not answer WebFinger: its own address, and registering there says
    # plainly what to type.
    assert sign_in.find_mastodon_server(networks, "brand@127.0.0.1:9", scheme="http") == (
        "http://127.0.0.1:9"
    )


def test_signing_in_asks_for_four_scopes_and_registers_one_app(mastodon_server):
    """The token the server gives carries only what SocialDesk asked for, and signing in
    again reuses the app registered the first time."""
    name = mastodon_server.take_brand()
    networks = accounts.LiveNetworks(
        CredentialStore(DictKeyring()), transports={"mastodon": checked_transport}
    )
    for _ in range(2):
        sign_in.connect_mastodon(
            networks, mastodon_server.url, _browser_choosing(mastodon_server, name), timeout=30
        )
    with mastodon_server.client(name) as c:
        [app] = c.get("/api/v1/_mock/apps").json()  # apps holding a token for this user
    # What SocialDesk reads and writes, no more (not "read write": follows, blocks, lists...).
    assert sorted(app["scopes"]) == [
        "read:accounts", "read:notifications", "read:statuses", "write:statuses"
    ]  # fmt: skip


@pytest.fixture
def fault(mastodon_server):
    """mastodon-mock's own fault injection: the next matching request gets ``effect``."""
    added = []

    def inject(method, path, effect, count=1):
        with httpx.Client(base_url=mastodon_server.url) as c:
            rule = c.post("/api/v1/_mock/faults", json={
                "match": {"methods": [method], "path": path}, "effect": effect, "count": count,
            })  # fmt: skip
        rule.raise_for_status()
        added.append(rule.json()["id"])

    yield inject
    with httpx.Client(base_url=mastodon_server.url) as c:
        for rule in added:
            c.delete(f"/api/v1/_mock/faults/{rule}")


def test_limits_from_v2_else_v1_and_a_junk_answer_is_asked_again(mastodon_server, brand, fault):
    provider, account = brand
    with httpx.Client(base_url=mastodon_server.url) as c:
        statuses = c.get("/api/v2/instance").json()["configuration"]["statuses"]
    assert provider.limits(account).max_characters == statuses["max_characters"]

    older = MastodonProvider(lambda _a: None, transport_for=checked_transport)
    fault("GET", "/api/v2/instance", {"type": "status", "status": 404})  # before 4.0
    assert older.limits(account).max_characters == statuses["max_characters"]

    junk = MastodonProvider(lambda _a: None, transport_for=checked_transport)
    fault("GET", "/api/v2/instance", {"type": "malformed"})
    fault("GET", "/api/v1/instance", {"type": "status", "status": 200, "body": [1, 2]})
    assert junk.limits(account).max_characters == 500  # the default, this time only
    fault("GET", "/api/v2/instance", {"type": "status", "status": 200,
                                      "body": {"configuration": {"statuses": {"max_characters":
                                                                              1234}}}})  # fmt: skip
    assert junk.limits(account).max_characters == 1234  # asked again, not kept as the default


def test_a_sign_in_code_that_does_not_work_is_said_plainly(mastodon_server):
    networks = accounts.LiveNetworks(
        CredentialStore(DictKeyring()), transports={"mastodon": checked_transport}
    )
    _url, finish = sign_in.start_mastodon_paste(networks, mastodon_server.url)
    with pytest.raises(AuthError, match="works once and only for a few minutes"):
        finish("a-code-typed-wrong")


@pytest.mark.parametrize(
    ("effect", "words"),
    [
        ({"type": "status", "status": 301,
          "headers": {"Location": "https://elsewhere.example/api/v1/notifications"}},
         "answered from elsewhere.example instead (301)"),
        ({"type": "status", "status": 404, "body": {"error": "Record not found"}},
         "no Mastodon API at"),
    ],
    ids=["moved", "not-there"],
)  # fmt: skip
def test_a_server_that_moved_or_is_not_mastodon_is_said_plainly(desk, fault, effect, words):
    fault("GET", "/api/v1/notifications", effect)
    result = desk.sync()
    assert words in result.error and "server address" in result.error


def test_a_reply_to_a_customer_who_blocked_the_account_is_refused_and_kept(
    mastodon_server, desk, fault
):
    """The customer blocks the brand. Mastodon then answers the brand's requests for their
    post as if it did not exist (404, "Record not found"); mastodon-mock records the block but
    does not hide the post, so that answer is injected where Mastodon would give it."""
    asked = mastodon_server.post("carol", f"@{desk.name} never mind, I am done with you")
    [mention_id] = desk.sync().new_mention_ids
    item = desk.approve(mention_id, "@carol we are sorry to hear that")
    with mastodon_server.client("carol") as c:
        blocked = c.post(f"/api/v1/accounts/{mastodon_server.account_id(desk.name)}/block")
    assert blocked.json()["blocking"]
    fault(
        "GET",
        f"/api/v1/statuses/{asked['id']}",
        {"type": "status", "status": 404, "body": {"error": "Record not found"}},
    )
    desk.send()
    failed = outbox.get_item(desk.db, item)
    assert failed.state == "failed" and "blocked this account" in failed.last_error
    assert mastodon_server.statuses_of(desk.name) == []  # nothing posted


def test_a_token_revoked_between_two_pages_of_a_sync_says_sign_in_again(mastodon_server, desk):
    """The token is revoked on the server while a first sync pages through a backlog."""
    mastodon_server.post_many((CUSTOMERS[n % 4], f"@{desk.name} order {n}") for n in range(60))
    pages = []

    def revoke_before_the_second_page(request):
        pages.append(request)
        if len(pages) == 2:  # the server forgets the token now, mid-sync
            with httpx.Client(base_url=mastodon_server.url) as c:
                c.post("/oauth/revoke", data={"client_id": "-", "client_secret": "-",
                                              "token": token(desk.name)})  # fmt: skip

    provider = MastodonProvider(
        lambda _a: desk.secrets,
        transport_for=lambda url: _hooked(checked_transport(url), revoke_before_the_second_page),
    )
    [result] = SyncService(desk.db, lambda _a: provider, clock).sync_all()
    assert len(pages) == 2
    assert "Sign in again from Workspace → Accounts" in result.error
    assert clients.get_account(desk.db, desk.account_id).sync_cursor is None  # asked again later


def _hooked(transport, hook):
    transport._client.event_hooks["request"].append(hook)
    return transport


def test_the_same_idempotency_key_gives_back_the_first_reply(mastodon_server, brand):
    """What the outbox leans on within the key's hour: sent again with the same key, the
    server answers with the reply it already made, and posts nothing new."""
    provider, account = brand
    asked = mastodon_server.post("alice", f"@{account.handle} is it in stock?")
    first = provider.post_reply(account, "@alice yes, ships today", asked["id"], "key-same")
    again = provider.post_reply(account, "@alice yes, ships today", asked["id"], "key-same")
    assert again.remote_id == first.remote_id
    assert len(mastodon_server.statuses_of(account.handle)) == 1


@pytest.mark.parametrize(
    "effect", [{"type": "malformed"}, {"type": "malformed", "truncate": False}]
)
def test_an_answer_that_is_not_json_is_one_plain_sentence_and_loses_nothing(desk, fault, effect):
    mastodon_server_post = desk.road.target  # the real server behind the road
    httpx.post(
        f"{mastodon_server_post}/api/v1/statuses", json={"status": f"@{desk.name} hi"},
        headers={"Authorization": f"Bearer {token('erin')}"},
    ).raise_for_status()  # fmt: skip
    fault("GET", "/api/v1/notifications", effect)
    broken = desk.sync()
    assert "not JSON" in broken.error and "\n" not in broken.error
    assert len(desk.sync().new_mention_ids) == 1  # the next sync brings it


def test_the_counter_and_the_server_agree_where_a_post_stops_fitting(mastodon_server, brand):
    """At the server's own limit (read from its instance API), what the counter lets through
    the server takes; one more character, both refuse. mastodon-mock counts code points where
    Mastodon counts graphemes with every link as 23, so plain letters are what it can judge;
    Mastodon's own worked examples for links, remote mentions and emoji are in
    tests/core/test_counter_mastodon.py."""
    provider, account = brand
    asked = mastodon_server.post("erin", f"@{account.handle} a long answer please")
    limits = provider.limits(account)
    for n, fits in ((limits.max_characters, True), (limits.max_characters + 1, False)):
        text = "@erin " + "a" * (n - len("@erin "))
        assert count(text, "mastodon", limits=limits).valid is fits
        if fits:
            provider.post_reply(account, text, asked["id"], f"key-fits-{n}")
        else:
            with pytest.raises(NetworkError, match="too long"):
                provider.post_reply(account, text, asked["id"], f"key-fits-{n}")
