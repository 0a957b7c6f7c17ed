"""The one small tree of errors every provider raises (Mastodon.py's pattern).

Messages are plain words for the person using the app; they never carry a token or password.
"""

from __future__ import annotations

from datetime import datetime


class NetworkError(Exception):
    """Base of every provider failure. ``transient`` tells the outbox whether a retry may help;
    ``maybe_sent`` whether the request may have reached the network before it failed (so a post may
    exist: where the network has no idempotency key, look before posting again)."""

    transient = False
    maybe_sent = False
    status: int | None = None  # the HTTP status, when the server answered
    code: str | None = None  # the server's own error code ("ExpiredToken"), when it gave one


class AuthError(NetworkError):
    """The credentials were refused: expired or revoked. The user must sign in again."""


class SecretsUnavailable(AuthError):
    """The keyring could not be used (missing, locked, refusing); the message says how to fix it."""


class RateLimited(NetworkError):
    transient = True

    def __init__(self, message: str, reset_at: datetime | None = None) -> None:
        super().__init__(message)
        self.reset_at = reset_at


class NetworkUnreachable(NetworkError):
    transient = True


class ConnectionLost(NetworkUnreachable):
    """The connection broke or timed out after the request was sent."""

    maybe_sent = True


class ServerError(NetworkError):
    transient = True
    maybe_sent = True  # a 5xx from a proxy can hide a post the server made


class BadResponse(NetworkError):
    """The server answered with something we cannot read (malformed JSON, missing fields, too
    large)."""


class Refused(BadResponse):
    """The network understood and said no (a 403, or one of its own rules): not a lost sign-in,
    and trying again will not help."""
