"""The one small tree of errors every provider raises (Mastodon.py's pattern).

Messages are plain words for the person using the app; they never carry a token or password.
"""

from __future__ import annotations

from datetime import datetime


class NetworkError(Exception):
    """Base of every provider failure. ``transient`` tells the outbox whether a retry may help."""

    transient = False


class AuthError(NetworkError):
    """The credentials were refused: expired or revoked. The user must sign in again."""


class RateLimited(NetworkError):
    transient = True

    def __init__(self, message: str, reset_at: datetime | None = None) -> None:
        super().__init__(message)
        self.reset_at = reset_at


class NetworkUnreachable(NetworkError):
    transient = True


class ServerError(NetworkError):
    transient = True


class BadResponse(NetworkError):
    """The server answered with something we cannot read (malformed JSON, missing fields, too
    large)."""
