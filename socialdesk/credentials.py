"""Secrets — OAuth tokens, app passwords, a Mastodon app's client secret — live only in the OS
keyring (Secret Service, KWallet, macOS Keychain, Windows Credential Manager). Nothing else in
SocialDesk stores one: not the database, not settings, not the log.

Every keyring failure becomes one ``CredentialsUnavailable`` whose message tells the user what to
do; there is no fallback to plain text.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from types import TracebackType
from typing import Literal

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, KeyringLocked, NoKeyringError

log = logging.getLogger(__name__)

SERVICE = "SocialDesk"
KINDS = ("access_token", "refresh_token", "app_password", "client_secret", "session")

NO_KEYRING = (
    "No system keyring was found. SocialDesk keeps passwords and tokens only in the system "
    "keyring (GNOME Keyring or KWallet on Linux, Keychain on macOS, Credential Manager on "
    "Windows): install or start one, then try again."
)
LOCKED = (
    "Your system keyring is locked. Unlock it (it usually opens when you log in) and try again."
)


class CredentialsUnavailable(Exception):
    """The keyring cannot be used right now; the message is for the user."""


@dataclass(frozen=True)
class CredentialKey:
    network: str
    account: str  # handle (plus server for Mastodon): whatever identifies the account there
    kind: str

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown credential kind {self.kind!r}; expected one of {KINDS}")

    @property
    def username(self) -> str:
        return f"{self.network}:{self.account}:{self.kind}"


class CredentialStore:
    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    def save(self, key: CredentialKey, secret: str) -> None:
        with self._errors("save"):
            self._keyring().set_password(SERVICE, key.username, secret)
        log.info("Saved %s to the keyring", key.username)  # the key's name, never the secret

    def load(self, key: CredentialKey) -> str | None:
        with self._errors("read"):
            return self._keyring().get_password(SERVICE, key.username)

    def delete(self, key: CredentialKey) -> None:
        with self._errors("delete"):
            backend = self._keyring()
            if backend.get_password(SERVICE, key.username) is not None:
                backend.delete_password(SERVICE, key.username)
        log.info("Removed %s from the keyring", key.username)

    def delete_account(self, network: str, account: str) -> None:
        """Sign out: every secret of one account."""
        for kind in KINDS:
            self.delete(CredentialKey(network, account, kind))

    def check(self) -> str | None:
        """None when the keyring works; otherwise what to tell the user."""
        try:
            with self._errors("check"):
                self._keyring().get_password(SERVICE, "socialdesk:check:session")
        except CredentialsUnavailable as exc:
            return str(exc)
        return None

    def round_trip(self) -> str | None:
        """Store, read back and remove a throwaway secret: None when the keyring works end to
        end (for a Secret Service, that is its encrypted session too); otherwise what to tell
        the user. ``socialdesk --check-keyring`` runs it."""
        key = CredentialKey("socialdesk", "check", "session")
        written = secrets.token_urlsafe(24)
        try:
            self.save(key, written)
            read = self.load(key)
            self.delete(key)
        except CredentialsUnavailable as exc:
            return str(exc)
        if read != written:
            return "The system keyring gave back something else than was stored in it."
        return None

    def _keyring(self) -> KeyringBackend:
        backend = self._backend or keyring.get_keyring()
        # keyring's last resorts — "fail" and plain-text files — are never acceptable for secrets.
        name = f"{type(backend).__module__}.{type(backend).__name__}".lower()
        if backend.priority <= 0 or "fail" in name or "plaintext" in name:
            raise CredentialsUnavailable(NO_KEYRING)
        return backend

    def _errors(self, action: str) -> _Translate:
        return _Translate(action)


class _Translate:
    """Turn keyring's exceptions into CredentialsUnavailable, never carrying a secret along."""

    def __init__(self, action: str) -> None:
        self._action = action

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> Literal[False]:  # never swallows: lets it through, or raises CredentialsUnavailable
        if exc is None or isinstance(exc, CredentialsUnavailable):
            return False
        if isinstance(exc, KeyringLocked):
            message = LOCKED
        elif isinstance(exc, NoKeyringError) or _no_service(exc):
            message = NO_KEYRING
        elif isinstance(exc, KeyringError):
            message = (
                f"The system keyring refused to {self._action} a password ({type(exc).__name__})."
            )
        else:
            return False
        log.warning("Keyring %s failed: %s", self._action, type(exc).__name__)
        # ``from None``: the original exception may quote what was being stored.
        raise CredentialsUnavailable(message) from None


def _no_service(exc: BaseException) -> bool:
    """secretstorage raises its own errors when no Secret Service answers on D-Bus."""
    return type(exc).__module__.startswith(("secretstorage", "jeepney")) or isinstance(
        exc, ConnectionError | OSError
    )
