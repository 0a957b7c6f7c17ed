"""The protocol every network provider implements — the demo network and the real X, Mastodon and
Bluesky clients alike — and the plain data types that cross it.

Providers never touch the store or Qt: the sync service moves what they return into the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol, runtime_checkable

from socialdesk.core.limits import NetworkLimits
from socialdesk.core.mentions import FetchedMention, RemoteAuthor

__all__ = [
    "AccountRef",
    "FetchedMention",
    "MentionBatch",
    "NetworkLimits",
    "PostedReply",
    "Provider",
    "RemoteAuthor",
    "Secrets",
]


@dataclass(frozen=True)
class AccountRef:
    """What a provider needs to know about one of our accounts (never a secret)."""

    id: int
    network: str  # core.models.Network value
    handle: str
    server_url: str | None = None
    remote_id: str | None = None


@dataclass(frozen=True)
class MentionBatch:
    """Everything new since a cursor, all pages walked. ``cursor`` is opaque: store it, pass it
    back."""

    mentions: list[FetchedMention] = field(default_factory=list)
    cursor: str | None = None
    # Something the person should know although the sync went through (plain words): a server
    # that misbehaved in a way that may have left mentions out.
    warning: str | None = None


@dataclass(frozen=True)
class PostedReply:
    remote_id: str
    url: str | None
    posted_at: datetime


class Secrets(Protocol):
    """One account's secrets, by kind ("access_token", "refresh_token", "app_password",
    "client_secret", "session"). The services layer backs this with the OS keyring; a provider
    never stores a secret anywhere else. Both methods may raise ``errors.SecretsUnavailable``."""

    def get(self, kind: str) -> str | None: ...

    def put(self, kind: str, value: str) -> None: ...


@runtime_checkable
class Provider(Protocol):
    """One network connection. Every method may block on I/O: call it from a worker thread.

    Methods raise only ``networks.errors.NetworkError`` subclasses.
    """

    # Whether ``post_reply`` honours its idempotency key on the network's side (Mastodon's
    # Idempotency-Key, Bluesky's record key). When False (X), the outbox calls ``find_reply``
    # after a failure that may have posted, before posting again — and also when the network
    # forgets keys after ``idempotency_window`` (Mastodon: an hour); None means never.
    idempotent: bool

    @property
    def idempotency_window(self) -> timedelta | None:
        """Read-only, so a provider's own may be narrower (always a timedelta, always None)."""
        ...

    def verify(self, account: AccountRef) -> RemoteAuthor:
        """Check the credentials work; return the account as the network sees it."""
        ...

    def fetch_mentions(self, account: AccountRef, cursor: str | None) -> MentionBatch:
        """Mentions and replies newer than ``cursor`` (all of the recent ones when None), oldest
        first."""
        ...

    def fetch_thread(self, account: AccountRef, remote_id: str) -> list[FetchedMention]:
        """The conversation around a mention, oldest first."""
        ...

    def post_reply(
        self, account: AccountRef, text: str, in_reply_to: str | None, idempotency_key: str
    ) -> PostedReply:
        """Post ``text``. The same ``idempotency_key`` never posts twice."""
        ...

    def find_reply(
        self, account: AccountRef, text: str, in_reply_to: str | None, since: datetime
    ) -> PostedReply | None:
        """The account's own post with ``text`` (replying to ``in_reply_to``) made after ``since``,
        if there is one."""
        ...

    def hide_reply(self, account: AccountRef, remote_id: str, hidden: bool = True) -> None:
        """Hide (or show again) someone's reply in a conversation the account started, where the
        network has such a thing (``Network.hides_replies``); raises ``errors.Refused`` where it
        does not, or when the conversation is someone else's."""
        ...

    def limits(self, account: AccountRef) -> NetworkLimits: ...

    def close(self) -> None:
        """Let go of the connections it holds (its HTTP clients and their sockets); the one
        who made the provider calls it when done with it."""
        ...
