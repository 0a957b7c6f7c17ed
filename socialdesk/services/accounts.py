"""Connecting real accounts: the keyring behind each provider's secrets, the provider for each
network, and adding, testing, signing out and removing accounts.

The database records which account a secret belongs to (network, handle, server), never the
secret: that goes only to the keyring through ``credentials.CredentialStore``.

The keyring and the networks' modules (httpx with them) load on first use, not with this module:
the app imports it before its window first paints (tests/ui/test_startup_imports.py).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from socialdesk.core.models import Network
from socialdesk.services.sync import account_ref
from socialdesk.store import clients
from socialdesk.store.db import Database

if TYPE_CHECKING:
    from socialdesk.credentials import CredentialStore
    from socialdesk.networks.base import AccountRef, Provider, RemoteAuthor
    from socialdesk.networks.http import Transport
    from socialdesk.networks.oauth import LoopbackReceiver, MastodonApp

log = logging.getLogger(__name__)


def keyring_name(account: AccountRef) -> str:
    """Whose secrets these are, as the keyring entry names them: readable (the handle, with the
    server for Mastodon) and unique (the account's id: the same handle may be connected for two
    clients, and signing one out must not sign out the other)."""
    handle = account.handle.lstrip("@").lower()
    if account.network == Network.MASTODON and account.server_url:
        handle += "@" + account.server_url.split("://", 1)[-1].rstrip("/").lower()
    return f"{handle}#{account.id}"


class KeyringSecrets:
    """One account's secrets in the OS keyring (``networks.base.Secrets``). Once the account is
    signed out, a provider finishing a token refresh on another thread cannot write it back."""

    def __init__(self, networks: LiveNetworks, network: str, name: str) -> None:
        self._networks, self._network, self.name = networks, network, name

    def get(self, kind: str) -> str | None:
        from socialdesk.credentials import CredentialKey, CredentialsUnavailable
        from socialdesk.networks.errors import SecretsUnavailable

        if self.name in self._networks.signed_out:
            return None
        try:
            return self._networks.store.load(CredentialKey(self._network, self.name, kind)) or None
        except CredentialsUnavailable as exc:
            raise SecretsUnavailable(str(exc)) from None

    def put(self, kind: str, value: str) -> None:
        from socialdesk.credentials import CredentialKey, CredentialsUnavailable
        from socialdesk.networks.errors import AuthError, SecretsUnavailable

        if value and self.name in self._networks.signed_out:
            raise AuthError("Signed out: sign in again.")
        key = CredentialKey(self._network, self.name, kind)
        try:
            if value:
                self._networks.store.save(key, value)
            else:
                self._networks.store.delete(key)
        except CredentialsUnavailable as exc:
            raise SecretsUnavailable(str(exc)) from None

    def clear(self) -> None:
        from socialdesk.credentials import KINDS

        for kind in KINDS:
            self.put(kind, "")


class LiveNetworks:
    """The providers of a live workspace, one per network, sharing the keyring."""

    def __init__(
        self, store: CredentialStore | None = None, transports=None, x_authorize: str | None = None
    ) -> None:
        self._store = store  # the keyring, opened on first use
        self._x_authorize = x_authorize  # X's sign-in page (a local server in tests)
        self.signed_out: set[str] = set()  # keyring names signed out while the app runs
        self._lock = threading.Lock()
        self._providers: dict[str, Provider] = {}
        self._transports = transports or {}  # network -> transport factory (tests)

    @property
    def store(self) -> CredentialStore:
        if self._store is None:
            from socialdesk.credentials import CredentialStore

            self._store = CredentialStore()
        return self._store

    @store.setter
    def store(self, store: CredentialStore) -> None:
        self._store = store

    @property
    def x_authorize(self) -> str:
        from socialdesk.networks.x import AUTHORIZE

        return self._x_authorize or AUTHORIZE

    @x_authorize.setter
    def x_authorize(self, url: str) -> None:
        self._x_authorize = url

    def signed_in(self, name: str) -> None:
        self.signed_out.discard(name)

    def secrets_for(self, account: AccountRef) -> KeyringSecrets:
        return KeyringSecrets(self, account.network, keyring_name(account))

    def provider(self, network: str) -> Provider:
        with self._lock:
            if network not in self._providers:
                self._providers[network] = self._make(network)
            return self._providers[network]

    def transport(self, network: str, url: str) -> Transport:
        from socialdesk.networks.http import Transport

        factory = self._transports.get(network)
        return factory(url) if factory else Transport(Network(network).label, url)

    def provider_for(self, account: clients.AccountSummary) -> Provider:
        return self.provider(account.network)

    def _make(self, network: str) -> Provider:
        return self.make(network, self.secrets_for)

    def make(self, network: str, secrets_for) -> Provider:
        """A provider for ``network`` whose secrets come from ``secrets_for``."""
        from socialdesk.networks.errors import AuthError

        extra = {"transport_for": self._transports[network]} if network in self._transports else {}
        if network == Network.MASTODON:
            from socialdesk.networks.mastodon import MastodonProvider

            return MastodonProvider(secrets_for, **extra)
        if network == Network.BLUESKY:
            from socialdesk.networks.bluesky import BlueskyProvider

            return BlueskyProvider(secrets_for, **extra)
        if network == Network.X:
            from socialdesk.networks.x import XProvider

            return XProvider(secrets_for, **extra)
        raise AuthError(f"SocialDesk cannot connect {network} accounts.")


class MemorySecrets:
    """Secrets held only in memory while a new account is checked: nothing reaches the keyring
    until the network has said yes."""

    def __init__(self, values: dict[str, str]) -> None:
        self.values = dict(values)

    def get(self, kind: str) -> str | None:
        return self.values.get(kind) or None

    def put(self, kind: str, value: str) -> None:
        self.values[kind] = value


def add_account(
    db: Database,
    networks: LiveNetworks,
    *,
    client_id: int,
    network: str,
    handle: str,
    server_url: str | None,
    secrets: dict[str, str],
    at: datetime,
) -> int:
    """Check ``secrets`` with the network, record the account under the name the network gives
    it, and keep its secrets in the keyring. A refusal, or an account already connected, leaves
    nothing behind anywhere."""
    from socialdesk.networks.base import AccountRef

    ref = AccountRef(0, network, handle.strip().lstrip("@"), server_url=server_url)
    memory = MemorySecrets(secrets)
    who: RemoteAuthor = networks.make(network, lambda _ref: memory).verify(ref)
    existing = clients.account_by_remote_id(db, network, who.remote_id)
    if existing is not None:
        raise ValueError(
            f"@{existing.handle} is already connected. Use “Sign in again” on it to renew its "
            "sign-in."
        )
    # As the network names the account (the case and "@" people type are not part of it).
    handle = who.handle
    account_id = clients.add_account(
        db, client_id, network, handle, who.display_name, server_url=server_url,
        remote_id=who.remote_id, at=at,
    )  # fmt: skip
    try:
        _store(networks, AccountRef(account_id, network, handle, server_url=server_url), memory)
    except Exception:
        clients.delete_account(db, account_id)
        raise
    return account_id


def reauthenticate(
    db: Database, networks: LiveNetworks, account_id: int, secrets: dict[str, str]
) -> RemoteAuthor:
    """New secrets for an existing account (expired, revoked, signed out): checked with the
    network first — it must be this same account — then they replace the old ones."""
    from socialdesk.networks.errors import AuthError

    account = clients.get_account(db, account_id)
    if account is None:
        raise ValueError(f"no account {account_id}")
    memory = MemorySecrets(secrets)
    who = networks.make(account.network, lambda _ref: memory).verify(account_ref(account))
    if account.remote_id and who.remote_id != account.remote_id:
        raise AuthError(
            f"That signed in as @{who.handle}, not @{account.handle}. Sign in as @{account.handle} "
            "in the browser (or sign out there first) and try again."
        )
    old = networks.secrets_for(account_ref(account))
    if account.network == Network.MASTODON and old.get("access_token") != memory.get(
        "access_token"
    ):
        # The old token would stay valid on the server for years, unused: end it.
        _revoke_mastodon(networks, account.server_url, old)
    _store(networks, account_ref(account), memory)
    clients.set_sync_state(db, account_id, state="idle", error=None)
    return who


def _store(networks: LiveNetworks, account: AccountRef, memory: MemorySecrets) -> None:
    keyring = networks.secrets_for(account)
    networks.signed_in(keyring.name)
    keyring.clear()
    for kind, value in memory.values.items():
        keyring.put(kind, value)


def test_connection(db: Database, networks: LiveNetworks, account_id: int) -> RemoteAuthor:
    account = clients.get_account(db, account_id)
    if account is None:
        raise ValueError(f"no account {account_id}")
    return networks.provider_for(account).verify(account_ref(account))


def sign_out(db: Database, networks: LiveNetworks, account_id: int) -> None:
    """Forget the account's secrets; the account and its history stay, disconnected."""
    account = clients.get_account(db, account_id)
    if account is not None:
        secrets = networks.secrets_for(account_ref(account))
        if account.network == Network.MASTODON:
            _revoke_mastodon(networks, account.server_url, secrets)
        secrets.clear()
        networks.signed_out.add(secrets.name)  # a refresh under way must not write them back
        clients.set_sync_state(db, account_id, state="error", error="Signed out: sign in again.")


def _revoke_mastodon(networks: LiveNetworks, server: str | None, secrets: KeyringSecrets) -> None:
    """Tell the server the token is finished (``POST /oauth/revoke``). Best effort: offline, the
    secrets still leave this computer, and the user can revoke the app on the server."""
    from socialdesk.networks.errors import NetworkError

    try:
        app = json.loads(secrets.get("client_secret") or "{}")
        token = secrets.get("access_token")
        if server and token and app.get("client_id"):
            networks.transport(Network.MASTODON, server).request(
                "POST", "/oauth/revoke",
                data={"client_id": app["client_id"], "client_secret": app.get("client_secret", ""),
                      "token": token},
            )  # fmt: skip
    except (NetworkError, ValueError) as exc:
        log.info("Could not revoke the Mastodon token on %s: %s", server, type(exc).__name__)


def remove_account(db: Database, networks: LiveNetworks, account_id: int) -> None:
    """Sign out and delete the account with everything stored for it."""
    sign_out(db, networks, account_id)
    clients.delete_account(db, account_id)


def server_url(text: str, *, scheme: str = "https") -> str:
    """What the user typed as their Mastodon server ("mastodon.social", "https://m.example/", or
    their whole handle "@alice@mastodon.social") as a base URL; ValueError with a plain message
    when it cannot be one. A handle's server is the part after its second "@" — never sent as
    a user name in the URL (which would go out as an Authorization header)."""
    text = text.strip()
    if "://" not in text and "@" in text:
        handle = text.lstrip("@").split("@")
        if len(handle) != 2 or not all(handle):
            raise ValueError(
                f"“{text}” is neither a server nor a handle: type your server (e.g. "
                "mastodon.social) or your whole handle (e.g. @you@mastodon.social)."
            )
        text = handle[1]
    if "://" not in text:
        text = f"{scheme}://{text}"
    parsed = urlparse(text)
    if parsed.scheme not in ("https", "http") or not parsed.hostname or " " in text:
        raise ValueError(f"“{text}” is not a server address, e.g. mastodon.social.")
    if parsed.username or parsed.password:
        raise ValueError(f"Type only the server, without a name before an @: {parsed.hostname}.")
    return f"{parsed.scheme}://{parsed.netloc}"


def find_mastodon_server(networks: LiveNetworks, text: str, *, scheme: str = "https") -> str:
    """``server_url``, and for a whole handle the server its domain names with WebFinger
    (RFC 7033): "@alice@example.com" may live on social.example.com. A domain that does not
    answer (or sends the question elsewhere, which SocialDesk does not follow) is taken as the
    server itself; registering there then says plainly what to type instead."""
    from socialdesk.networks.errors import NetworkError

    server = server_url(text, scheme=scheme)
    user = _handle_user(text)
    if user is None:
        return server
    domain = server.split("://", 1)[1]
    try:
        answer = networks.transport(Network.MASTODON, server).request(
            "GET", "/.well-known/webfinger", params={"resource": f"acct:{user}@{domain}"}
        )
    except NetworkError as exc:
        log.info("No WebFinger answer for a handle on %s: %s", domain, type(exc).__name__)
        return server
    return _webfinger_server(answer) or server


def _handle_user(text: str) -> str | None:
    """The user name of a whole handle typed as the server ("@alice@m.example"), else None."""
    text = text.strip()
    if "://" in text or "@" not in text:
        return None
    return text.lstrip("@").split("@")[0] or None


def _webfinger_server(answer: object) -> str | None:
    """The server of the account a WebFinger answer describes: its ActivityPub ``self`` link's
    scheme and host (where its API is)."""
    links = answer.get("links") if isinstance(answer, dict) else None
    for link in links if isinstance(links, list) else []:
        if isinstance(link, dict) and link.get("rel") == "self":
            parsed = urlparse(str(link.get("href") or ""))
            if parsed.scheme in ("https", "http") and parsed.hostname and not parsed.username:
                return f"{parsed.scheme}://{parsed.netloc}"
    return None


def connect_mastodon(
    networks: LiveNetworks,
    server: str,
    open_url: Callable[[str], object],
    *,
    port: int = 0,
    timeout: float = 300.0,
    cancelled: threading.Event | None = None,
) -> dict[str, str]:
    """Register SocialDesk on the user's server, send them to sign in in their browser, catch
    the redirect on 127.0.0.1 and return the account's secrets (not yet stored anywhere)."""
    from socialdesk.networks.oauth import (
        Pkce,
        exchange_mastodon_code,
        mastodon_authorize_url,
        new_state,
    )

    transport = networks.transport(Network.MASTODON, server)
    pkce, state = Pkce.new(), new_state()
    receiver = _receiver(state, port)
    try:
        app = _mastodon_app(networks, transport, server, receiver.redirect_uri)
        open_url(mastodon_authorize_url(server, app, receiver.redirect_uri, state, pkce))
        code = receiver.wait(timeout, cancelled)
    finally:
        receiver.close()
    token = exchange_mastodon_code(transport, app, receiver.redirect_uri, code, pkce)
    return _mastodon_secrets(app, token)


def start_mastodon_paste(networks: LiveNetworks, server: str):
    """The paste-the-code way, for when the browser cannot reach 127.0.0.1: returns the page to
    open and a function taking the code the server shows and returning the secrets."""
    from socialdesk.networks.oauth import (
        OUT_OF_BAND,
        Pkce,
        exchange_mastodon_code,
        mastodon_authorize_url,
        new_state,
    )

    transport = networks.transport(Network.MASTODON, server)
    pkce, state = Pkce.new(), new_state()
    app = _mastodon_app(networks, transport, server, OUT_OF_BAND)
    url = mastodon_authorize_url(server, app, OUT_OF_BAND, state, pkce)

    def finish(code: str) -> dict[str, str]:
        token = exchange_mastodon_code(transport, app, OUT_OF_BAND, code, pkce)
        return _mastodon_secrets(app, token)

    return url, finish


# The loopback port Mastodon sign-ins come back to, so the app registered on a server stays valid
# for the next sign-in (its redirect addresses are fixed at registration); another is taken when
# it is busy, at the cost of registering again.
MASTODON_PORT = 8766


def _receiver(state: str, port: int) -> LoopbackReceiver:
    from socialdesk.networks.errors import AuthError
    from socialdesk.networks.oauth import LoopbackReceiver

    if port:
        return LoopbackReceiver(state, port)
    try:
        return LoopbackReceiver(state, MASTODON_PORT)
    except AuthError:
        return LoopbackReceiver(state, 0)


def _mastodon_app(
    networks: LiveNetworks, transport: Transport, server: str, redirect_uri: str
) -> MastodonApp:
    """SocialDesk's app on ``server``: the one registered before when it takes this redirect
    (kept in the keyring, its secret with it), else a new one — registered for the loopback and
    the paste-the-code address at once — so each sign-in does not leave another app behind on
    the user's server."""
    from socialdesk.credentials import CredentialKey
    from socialdesk.networks.oauth import OUT_OF_BAND, MastodonApp, register_mastodon_app

    key = CredentialKey(Network.MASTODON, f"app@{server}", "client_secret")
    try:
        kept = json.loads(networks.store.load(key) or "{}")
    except ValueError:
        kept = {}
    if redirect_uri in kept.get("redirect_uris", []) and kept.get("client_id"):
        return MastodonApp(kept["client_id"], kept.get("client_secret", ""))
    usual = f"http://127.0.0.1:{MASTODON_PORT}/callback"
    redirects = list(dict.fromkeys([redirect_uri, usual, OUT_OF_BAND]))
    app = register_mastodon_app(transport, redirects)
    networks.store.save(key, json.dumps({
        "client_id": app.client_id, "client_secret": app.client_secret,
        "redirect_uris": redirects,
    }))  # fmt: skip
    return app


def _mastodon_secrets(app: MastodonApp, token: str) -> dict[str, str]:
    # The app's id travels with its secret: both are needed to revoke the token on sign-out.
    client = json.dumps({"client_id": app.client_id, "client_secret": app.client_secret})
    return {"access_token": token, "client_secret": client}


def connect_x(
    networks: LiveNetworks,
    client_id: str,
    open_url: Callable[[str], object],
    *,
    port: int,
    now: datetime,
    post_only: bool = False,
    timeout: float = 300.0,
    cancelled: threading.Event | None = None,
) -> dict[str, str]:
    """Sign in with the user's own X app (its client ID; X apps for desktops have no secret)
    through the browser, back to ``http://127.0.0.1:PORT/callback`` — the exact address
    registered in that app. Returns the account's secrets, not yet stored anywhere."""
    from socialdesk.networks.oauth import LoopbackReceiver, Pkce, new_state
    from socialdesk.networks.x import API as X_API
    from socialdesk.networks.x import authorize_url as x_authorize_url
    from socialdesk.networks.x import exchange_code as x_exchange_code

    client_id = client_id.strip()
    if not client_id:
        raise ValueError("Paste the client ID of your X app (developer.x.com → your app).")
    pkce, state = Pkce.new(), new_state()
    receiver = LoopbackReceiver(state, port)
    try:
        url = x_authorize_url(client_id, receiver.redirect_uri, state, pkce, networks.x_authorize)
        open_url(url)
        code = receiver.wait(timeout, cancelled)
    finally:
        receiver.close()
    transport = networks.transport(Network.X, X_API)
    secrets = x_exchange_code(transport, client_id, receiver.redirect_uri, code, pkce, now)
    if post_only:
        secrets["session"] = json.dumps({**json.loads(secrets["session"]), "post_only": True})
    return secrets
