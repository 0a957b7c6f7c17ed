"""Connecting real accounts: the keyring behind each provider's secrets, the provider for each
network, and adding, testing, signing out and removing accounts.

The database records which account a secret belongs to (network, handle, server), never the
secret: that goes only to the keyring through ``credentials.CredentialStore``.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime

from socialdesk.core.models import Network
from socialdesk.credentials import KINDS, CredentialKey, CredentialStore, CredentialsUnavailable
from socialdesk.networks.base import AccountRef, Provider, RemoteAuthor
from socialdesk.networks.bluesky import BlueskyProvider
from socialdesk.networks.errors import AuthError, SecretsUnavailable
from socialdesk.networks.mastodon import MastodonProvider
from socialdesk.services.sync import account_ref
from socialdesk.store import clients
from socialdesk.store.db import Database

log = logging.getLogger(__name__)


def keyring_name(network: str, handle: str, server_url: str | None) -> str:
    """Whose secrets these are, as the keyring entry names them: the handle, and the server for
    Mastodon (the same handle can exist on two servers)."""
    handle = handle.lstrip("@").lower()
    if network == Network.MASTODON and server_url:
        host = server_url.split("://", 1)[-1].rstrip("/").lower()
        return f"{handle}@{host}"
    return handle


class KeyringSecrets:
    """One account's secrets in the OS keyring (``networks.base.Secrets``)."""

    def __init__(self, store: CredentialStore, network: str, name: str) -> None:
        self._store, self._network, self._name = store, network, name

    def get(self, kind: str) -> str | None:
        try:
            return self._store.load(CredentialKey(self._network, self._name, kind)) or None
        except CredentialsUnavailable as exc:
            raise SecretsUnavailable(str(exc)) from None

    def put(self, kind: str, value: str) -> None:
        key = CredentialKey(self._network, self._name, kind)
        try:
            if value:
                self._store.save(key, value)
            else:
                self._store.delete(key)
        except CredentialsUnavailable as exc:
            raise SecretsUnavailable(str(exc)) from None

    def clear(self) -> None:
        for kind in KINDS:
            self.put(kind, "")


class LiveNetworks:
    """The providers of a live workspace, one per network, sharing the keyring."""

    def __init__(self, store: CredentialStore | None = None, transports=None) -> None:
        self.store = store or CredentialStore()
        self._lock = threading.Lock()
        self._providers: dict[str, Provider] = {}
        self._transports = transports or {}  # network -> transport factory (tests)

    def secrets_for(self, account: AccountRef) -> KeyringSecrets:
        name = keyring_name(account.network, account.handle, account.server_url)
        return KeyringSecrets(self.store, account.network, name)

    def provider(self, network: str) -> Provider:
        with self._lock:
            if network not in self._providers:
                self._providers[network] = self._make(network)
            return self._providers[network]

    def provider_for(self, account: clients.AccountSummary) -> Provider:
        return self.provider(account.network)

    def _make(self, network: str) -> Provider:
        extra = {"transport_for": self._transports[network]} if network in self._transports else {}
        if network == Network.MASTODON:
            return MastodonProvider(self.secrets_for, **extra)
        if network == Network.BLUESKY:
            return BlueskyProvider(self.secrets_for, **extra)
        raise AuthError("Connecting X accounts is not available in this version yet.")


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
    """Store ``secrets`` in the keyring, check they work, then record the account. Nothing is
    kept when the check fails: the keyring entries are removed again."""
    handle = handle.strip().lstrip("@")
    ref = AccountRef(0, network, handle, server_url=server_url)
    keyring = networks.secrets_for(ref)
    for kind, value in secrets.items():
        keyring.put(kind, value)
    try:
        who: RemoteAuthor = networks.provider(network).verify(ref)
    except Exception:
        keyring.clear()
        raise
    return clients.add_account(
        db, client_id, network, handle, who.display_name, server_url=server_url,
        remote_id=who.remote_id, at=at,
    )  # fmt: skip


def test_connection(db: Database, networks: LiveNetworks, account_id: int) -> RemoteAuthor:
    account = clients.get_account(db, account_id)
    if account is None:
        raise ValueError(f"no account {account_id}")
    return networks.provider_for(account).verify(account_ref(account))


def sign_out(db: Database, networks: LiveNetworks, account_id: int) -> None:
    """Forget the account's secrets; the account and its history stay, disconnected."""
    account = clients.get_account(db, account_id)
    if account is not None:
        networks.secrets_for(account_ref(account)).clear()
        clients.set_sync_state(db, account_id, state="error", error="Signed out: sign in again.")


def remove_account(db: Database, networks: LiveNetworks, account_id: int) -> None:
    """Sign out and delete the account with everything stored for it."""
    sign_out(db, networks, account_id)
    clients.delete_account(db, account_id)
