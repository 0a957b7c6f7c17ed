"""Connecting real accounts against local servers and a real Secret Service: sign-in flows,
secrets only in the keyring, and nowhere else after a sync and a sent reply."""

import json
import threading
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from socialdesk.credentials import CredentialKey
from socialdesk.networks.errors import AuthError, BadResponse
from socialdesk.networks.http import Transport
from socialdesk.services import accounts, sign_in
from socialdesk.services.outbox import OutboxSender
from socialdesk.services.sync import SyncService
from socialdesk.store import clients, drafts, mentions
from tests.conftest import needs_secret_service
from tests.networks.bluesky_server import APP_PASSWORD, HANDLE, BlueskyServer
from tests.networks.mastodon_openapi import RequestCheck, checked
from tests.networks.mastodon_server import TOKEN, MastodonServer

pytestmark = needs_secret_service
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def networks(secret_service):
    from keyring.backends.SecretService import Keyring

    from socialdesk.credentials import CredentialStore

    return accounts.LiveNetworks(CredentialStore(Keyring()), transports={"mastodon": _checked})


CHECK = RequestCheck()


def _checked(url):
    return checked(Transport("Mastodon", url), CHECK)


@pytest.fixture(autouse=True)
def requests_checked():
    """Every request sent to a Mastodon server here — sign-in, app registration, revoking, the
    provider's — must be one Mastodon's API description allows."""
    CHECK.problems.clear()
    yield
    assert CHECK.problems == []


def browser(url: str) -> None:
    """Plays the user's browser: opens the sign-in page, says yes, follows the redirect."""
    threading.Thread(target=lambda: httpx.get(url, follow_redirects=True, timeout=10)).start()


def test_mastodon_sign_in_through_the_loopback_keeps_the_token_only_in_the_keyring(
    networks, db, caplog
):
    caplog.set_level("DEBUG")
    server = MastodonServer(mentions=3)
    try:
        url = sign_in.server_url(server.url)
        secrets = sign_in.connect_mastodon(networks, url, browser, timeout=10)
        client_id = clients.add_client(db, "Acme", at=NOW)
        account_id = accounts.add_account(
            db, networks, client_id=client_id, network="mastodon", handle="brand",
            server_url=url, secrets=secrets, at=NOW,
        )  # fmt: skip
        account = clients.get_account(db, account_id)
        assert account.handle == "brand@remote.example" and account.remote_id == "100"
        name = accounts.keyring_name(accounts.account_ref(account))
        assert networks.store.load(CredentialKey("mastodon", name, "access_token")) == TOKEN

        # Sync and a sent reply, the way the app does them.
        [result] = SyncService(db, networks.provider_for, lambda: NOW).sync_all()
        assert result.error is None and len(result.new_mention_ids) == 3
        mid = result.new_mention_ids[0]
        draft = drafts.save_draft(
            db, account_id=account_id, mention_id=mid, text="Thanks!", cursor=0, now=NOW
        )
        drafts.approve(db, draft, "0" * 32, NOW)
        [sent] = OutboxSender(db, networks.provider_for, lambda: NOW).send_due()
        assert sent.sent and mentions.mention_row(db, mid).status == "replied"
        assert server.requests[-1].headers["authorization"] == f"Bearer {TOKEN}"

        accounts.sign_out(db, networks, account_id)  # the server hears the token is finished
        assert server.revoked == [TOKEN]
        assert networks.store.load(CredentialKey("mastodon", name, "access_token")) is None
    finally:
        server.close()
    db.close_all()
    assert _files_holding(TOKEN, db.path.parent) == []
    assert TOKEN not in caplog.text and "secret-client-1" not in caplog.text


def test_signing_in_again_ends_the_old_token_on_the_server(networks, db):
    server = MastodonServer()
    try:
        url, finish = sign_in.start_mastodon_paste(networks, server.url)
        first = finish(httpx.get(url).json()["code_to_paste"])
        client_id = clients.add_client(db, "Acme", at=NOW)
        account_id = accounts.add_account(
            db, networks, client_id=client_id, network="mastodon", handle="brand",
            server_url=server.url, secrets=first, at=NOW,
        )  # fmt: skip
        server.next_tokens.append("second-token")
        url, finish = sign_in.start_mastodon_paste(networks, server.url)
        accounts.reauthenticate(
            db, networks, account_id, finish(httpx.get(url).json()["code_to_paste"])
        )
        assert server.revoked == [TOKEN]
        account = accounts.account_ref(clients.get_account(db, account_id))
        assert networks.secrets_for(account).get("access_token") == "second-token"
    finally:
        server.close()


def test_signing_in_twice_on_one_server_registers_socialdesk_there_once(networks):
    server = MastodonServer()
    try:
        for _ in range(2):
            url, finish = sign_in.start_mastodon_paste(networks, server.url)
            finish(httpx.get(url).json()["code_to_paste"])
        sign_in.connect_mastodon(networks, server.url, browser, timeout=10)
    finally:
        server.close()
    assert len(server.apps) == 1  # not one more app on the user's server per sign-in


def test_a_server_before_4_3_that_takes_redirect_addresses_one_per_line_still_signs_in(networks):
    """Mastodon's description sends the addresses as a list; an older server (or a fork)
    refuses that with a 422, and is asked the old way once."""
    server = MastodonServer()
    server.lines_only = True
    try:
        url, finish = sign_in.start_mastodon_paste(networks, server.url)
        assert finish(httpx.get(url).json()["code_to_paste"])["access_token"] == TOKEN
    finally:
        server.close()
    [app] = server.apps.values()
    assert "urn:ietf:wg:oauth:2.0:oob" in app["redirect"] and len(app["redirect"]) == 2
    CHECK.problems.clear()  # the second try is the old shape, outside today's description


def test_signing_in_and_out_leaves_no_connection_open(networks, db):
    """Every connection a sign-in opens — finding the server, registering, the code exchange,
    checking the account, revoking the old token — is closed when it is done; the workspace's
    own providers until the networks are closed. Each used to keep its HTTP client and socket
    until garbage collection."""
    made = []

    def recorded(url):
        made.append(_checked(url))
        return made[-1]

    networks._transports["mastodon"] = recorded
    server = MastodonServer()
    try:
        typed = f"@brand@{server.url.split('://')[1]}"
        found = sign_in.find_mastodon_server(networks, typed, scheme="http")
        url, finish = sign_in.start_mastodon_paste(networks, found)
        first = finish(httpx.get(url).json()["code_to_paste"])
        client_id = clients.add_client(db, "Acme", at=NOW)
        account_id = accounts.add_account(
            db, networks, client_id=client_id, network="mastodon", handle="brand",
            server_url=server.url, secrets=first, at=NOW,
        )  # fmt: skip
        server.next_tokens.append("second-token")
        again = sign_in.connect_mastodon(networks, server.url, browser, timeout=10)
        accounts.reauthenticate(db, networks, account_id, again)
        accounts.test_connection(db, networks, account_id)  # the workspace's provider
        assert [t._client.is_closed for t in made] == [True] * (len(made) - 1) + [False]
        accounts.sign_out(db, networks, account_id)
        networks.close()
    finally:
        server.close()
    assert len(made) >= 8 and all(t._client.is_closed for t in made)


def test_mastodon_paste_the_code_sign_in(networks):
    server = MastodonServer()
    try:
        url, finish = sign_in.start_mastodon_paste(networks, server.url)
        assert "redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob" in url
        shown = httpx.get(url).json()["code_to_paste"]
        assert finish(f"  {shown}\n")["access_token"] == TOKEN
    finally:
        server.close()


def test_bluesky_with_an_app_password_and_a_wrong_one_leaves_nothing_behind(networks, db):
    server = BlueskyServer()
    client_id = clients.add_client(db, "Acme", at=NOW)
    try:
        with pytest.raises(AuthError):
            accounts.add_account(
                db, networks, client_id=client_id, network="bluesky", handle=HANDLE,
                server_url=server.url, secrets={"app_password": "wrong-pass"}, at=NOW,
            )  # fmt: skip
        key = CredentialKey("bluesky", f"{HANDLE}#1", "app_password")  # the first account's
        assert networks.store.load(key) is None and clients.count_accounts(db) == 0

        account_id = accounts.add_account(
            db, networks, client_id=client_id, network="bluesky", handle=f"@{HANDLE}",
            server_url=server.url, secrets={"app_password": APP_PASSWORD}, at=NOW,
        )  # fmt: skip
        assert networks.store.load(key) == APP_PASSWORD
        assert networks.store.load(CredentialKey("bluesky", f"{HANDLE}#{account_id}", "session"))
        assert accounts.test_connection(db, networks, account_id).handle == HANDLE

        accounts.sign_out(db, networks, account_id)
        assert networks.store.load(key) is None
        assert clients.get_account(db, account_id).sync_state == "error"
        accounts.remove_account(db, networks, account_id)
        assert clients.get_account(db, account_id) is None
    finally:
        server.close()


def test_server_addresses_as_typed():
    assert sign_in.server_url(" mastodon.social ") == "https://mastodon.social"
    assert sign_in.server_url("https://m.example/@me") == "https://m.example"
    with pytest.raises(ValueError, match="not a server address"):
        sign_in.server_url("my server")
    # The whole handle, as people copy it from their profile: its server, and no user name in
    # the address (httpx would send it as an "Authorization: Basic" header).
    assert sign_in.server_url("@alice@mastodon.social") == "https://mastodon.social"
    assert sign_in.server_url("alice@m.example") == "https://m.example"
    with pytest.raises(ValueError, match="whole handle"):
        sign_in.server_url("@alice@")
    with pytest.raises(ValueError, match="without a name"):
        sign_in.server_url("https://alice@m.example")


def test_a_code_used_twice_or_a_wrong_server_is_said_plainly(networks):
    server = MastodonServer()
    try:
        url, finish = sign_in.start_mastodon_paste(networks, server.url)
        shown = httpx.get(url).json()["code_to_paste"]
        finish(shown)
        with pytest.raises(AuthError, match="works once"):
            finish(shown)
        with pytest.raises(BadResponse, match="no Mastodon server at that address"):
            sign_in.start_mastodon_paste(networks, server.url + "/not-mastodon")
        CHECK.problems.clear()  # that address was not Mastodon's, on purpose
    finally:
        server.close()


def test_sign_in_asks_only_for_what_socialdesk_uses(networks):
    server = MastodonServer()
    try:
        url, _finish = sign_in.start_mastodon_paste(networks, server.url)
    finally:
        server.close()

    scopes = set(urllib.parse.parse_qs(urllib.parse.urlparse(url).query)["scope"][0].split())
    assert scopes == {"read:accounts", "read:notifications", "read:statuses", "write:statuses"}


def _files_holding(secret: str, folder: Path) -> list[Path]:
    needle = secret.encode()
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_no_secret_of_any_network_leaves_the_keyring_after_sync_and_a_reply(networks, db, caplog):
    from tests.networks import x_server
    from tests.networks.test_x import browser as x_browser

    caplog.set_level("DEBUG")
    bluesky, x = BlueskyServer(), x_server.XServer()
    networks._transports["x"] = lambda _url: httpx_transport(x.url)
    networks.x_authorize = f"{x.url}/i/oauth2/authorize"
    client_id = clients.add_client(db, "Acme", at=NOW)
    try:
        bluesky.add_post(1, "@brand.bsky.social where is my parcel?")
        x.add_mention(1, "@emberlinecoffee open on Sunday?")
        x_secrets = sign_in.connect_x(networks, x_server.CLIENT_ID, x_browser, port=0, now=NOW)
        for network, handle, server, secrets in (
            ("bluesky", HANDLE, bluesky.url, {"app_password": APP_PASSWORD}),
            ("x", "", None, x_secrets),
        ):
            accounts.add_account(
                db, networks, client_id=client_id, network=network, handle=handle,
                server_url=server, secrets=secrets, at=NOW,
            )  # fmt: skip
        results = SyncService(db, networks.provider_for, lambda: NOW).sync_all()
        assert [r.error for r in results] == [None, None]
        for result in results:
            [mid] = result.new_mention_ids
            row = mentions.mention_row(db, mid)
            draft = drafts.save_draft(
                db, account_id=row.account_id, mention_id=mid, text="On it, thanks!", cursor=0,
                now=NOW,
            )  # fmt: skip
            drafts.approve(db, draft, f"{mid:032x}", NOW)
        sent = OutboxSender(db, networks.provider_for, lambda: NOW).send_due()
        assert [s.sent for s in sent] == [True, True]
        used = {APP_PASSWORD, *bluesky.access, *bluesky.refresh, *x.access, *x.refresh}
        x_session = json.loads(x_secrets["session"])
        used |= {x_session["access_token"], x_session["refresh_token"]}
    finally:
        bluesky.close()
        x.close()
    db.close_all()
    for secret in used:
        assert _files_holding(secret, db.path.parent) == [], secret
        assert secret not in caplog.text


def httpx_transport(url):
    from socialdesk.networks.http import Transport

    return Transport("X", url)
