"""Domain vocabulary shared by every layer: networks, triage categories, mention states.

Plain Python only. The store keeps these as strings, so each enum is a ``StrEnum``.
"""

from __future__ import annotations

from enum import StrEnum


class Network(StrEnum):
    X = "x"
    MASTODON = "mastodon"
    BLUESKY = "bluesky"

    @property
    def label(self) -> str:
        return {"x": "X", "mastodon": "Mastodon", "bluesky": "Bluesky"}[self.value]

    @property
    def hides_replies(self) -> bool:
        """Whether an account may hide a reply in a conversation it started (Mastodon has no
        such thing: there one mutes, blocks or reports)."""
        return self is not Network.MASTODON


def network_label(value: str) -> str:
    """ "Mastodon" for "mastodon"; an unknown value is shown as it is rather than failing."""
    try:
        return Network(value).label
    except ValueError:
        return value


class Category(StrEnum):
    """Triage categories and their meaning: customer-care.md, "Triage"."""

    QUESTION = "question"
    COMPLAINT = "complaint"
    CRITICISM = "criticism"
    FEEDBACK = "feedback"
    PRAISE = "praise"
    ABUSE = "abuse"
    SPAM = "spam"
    OTHER = "other"


class Priority(StrEnum):
    """How soon a mention needs an answer (customer-care.md, "Triage"), most pressing first."""

    URGENT = "urgent"
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"


class MentionStatus(StrEnum):
    NEW = "new"  # not yet looked at
    OPEN = "open"  # looked at, still needs something
    REPLIED = "replied"
    DONE = "done"
    IGNORED = "ignored"
    SNOOZED = "snoozed"  # out of the inbox until a chosen time; the clock keeps running

    @property
    def awaits_reply(self) -> bool:
        """Whether the response clock is still running for a mention in this state."""
        return self in (MentionStatus.NEW, MentionStatus.OPEN, MentionStatus.SNOOZED)


class DraftState(StrEnum):
    EDITING = "editing"
    READY = "ready"  # ready for review
    APPROVED = "approved"  # handed to the outbox
    DISCARDED = "discarded"


class OutboxState(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    PAUSED = "paused"
    CANCELLED = "cancelled"

    @property
    def waiting(self) -> bool:
        """Not out yet and not given up: queued, being sent, or held by a paused outbox."""
        return self in (OutboxState.QUEUED, OutboxState.SENDING, OutboxState.PAUSED)


class AuthorFlag(StrEnum):
    TROLL = "troll"
    VIP = "vip"
