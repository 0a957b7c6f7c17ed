"""Connecting real accounts: the keyring behind each provider's secrets, the provider for each
network, and adding, testing, signing out and removing accounts (the browser sign-ins that give
the secrets are in ``sign_in``).

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
from contextlib import closing
from datetime import datetime
from typing import TYPE_CHECKING

from socialdesk.core.models import Network
from socialdesk.services.sync import account_ref
from socialdesk.store import clients
from socialdesk.store.db import Database

if TYPE_CHECKING:
    from socialdesk.credentials import CredentialStore
    from socialdesk.networks.base import AccountRef, Provider, RemoteAuthor, Secrets
    from socialdesk.networks.http import Transport

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
        self,
        store: CredentialStore | None = None,
        transports: dict[str, Callable[[str], Transport]] | None = None,
        x_authorize: str | None = None,
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

    def close(self) -> None:
        """Close every provider made so far (their connections with them)."""
        with self._lock:
            providers, self._providers = list(self._providers.values()), {}
        for provider in providers:
            provider.close()

    def make(self, network: str, secrets_for: Callable[[AccountRef], Secrets]) -> Provider:
        """A provider for ``network`` whose secrets come from ``secrets_for``."""
        from socialdesk.networks.errors import AuthError

        transport_for = self._transports.get(network)
        if network == Network.MASTODON:
            from socialdesk.networks.mastodon import MastodonProvider

            return MastodonProvider(secrets_for, transport_for=transport_for)
        if network == Network.BLUESKY:
            from socialdesk.networks.bluesky import BlueskyProvider

            return BlueskyProvider(secrets_for, transport_for=transport_for)
        if network == Network.X:
            from socialdesk.networks.x import XProvider

            return XProvider(secrets_for, transport_for=transport_for)
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
    who: RemoteAuthor = _verify(networks.make(network, lambda _ref: memory), ref)
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
    who = _verify(networks.make(account.network, lambda _ref: memory), account_ref(account))
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


def _verify(provider: Provider, account: AccountRef) -> RemoteAuthor:
    """Who ``account`` is, asked by a provider made for this one question, then closed."""
    try:
        return provider.verify(account)
    finally:
        provider.close()


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
            with closing(networks.transport(Network.MASTODON, server)) as transport:
                transport.request(
                    "POST", "/oauth/revoke",
                    data={"client_id": app["client_id"],
                          "client_secret": app.get("client_secret", ""), "token": token},
                )  # fmt: skip
    except (NetworkError, ValueError) as exc:
        log.info("Could not revoke the Mastodon token on %s: %s", server, type(exc).__name__)


def remove_account(db: Database, networks: LiveNetworks, account_id: int) -> None:
    """Sign out and delete the account with everything stored for it."""
    sign_out(db, networks, account_id)
    clients.delete_account(db, account_id)
