"""A mention as a network reported it: what providers return and the store keeps.

Here in ``core`` because both sides of the sync use it and neither may depend on the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class RemoteAuthor:
    remote_id: str
    handle: str
    display_name: str


@dataclass(frozen=True)
class FetchedMention:
    """A mention or reply to one of our accounts, as the network reported it (text is plain
    text)."""

    remote_id: str
    author: RemoteAuthor
    text: str
    created_at: datetime  # timezone-aware, UTC
    url: str | None = None
    in_reply_to_remote_id: str | None = None
    conversation_id: str | None = None
