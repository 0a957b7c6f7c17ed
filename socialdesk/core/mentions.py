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
    # Who could see it (Mastodon: "public", "unlisted", "private" — followers only — or
    # "direct"); None where the network has one audience. A reply keeps it: see reply_visibility.
    visibility: str | None = None


VISIBILITIES = ("public", "unlisted", "private", "direct")


def reply_visibility(mention_visibility: str | None) -> str | None:
    """The audience of a reply to a mention seen by ``mention_visibility``: never wider than the
    mention's. A customer who wrote privately (a direct message, or followers only) must never be
    answered in public; None (a network with one audience, or unknown) leaves it to the network."""
    if mention_visibility in VISIBILITIES:
        return mention_visibility
    return None
