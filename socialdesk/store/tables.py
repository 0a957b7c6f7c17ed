"""The SocialDesk schema as SQLModel tables.

These classes describe the schema for Alembic (which alone creates and upgrades it) and for ORM use
where convenience beats speed. The hot paths (feed pages, sync upserts) are plain ``sqlite3`` in
``clients.py`` and ``mentions.py``.

Every moment is stored as INTEGER milliseconds since the Unix epoch, UTC: one unambiguous, compact,
indexable form that sorts correctly and needs no time-zone parsing on the feed's hot path.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, ForeignKey, Index, Integer, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from socialdesk.core.models import DraftState, MentionStatus, OutboxState


def _fk(target: str, *, nullable: bool = False, ondelete: str = "CASCADE") -> Column[Any]:
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True)


class Client(SQLModel, table=True):
    """A brand the manager runs accounts for."""

    id: int | None = Field(default=None, primary_key=True)
    name: str
    colour: str = "#5B6CFF"  # "#RRGGBB", the client's chip in every list
    response_target_minutes: int = 60
    # JSON: {"mon": [["09:00", "17:00"]], ...}; NULL means around the clock.
    service_hours: str | None = None
    timezone: str = "UTC"  # IANA name; service hours are in this zone
    # JSON lists for the tone checks: [{"phrase", "message", "suggestion"}] and ["support@…", …]
    banned_phrases: str | None = None
    brand_contacts: str | None = None
    notifications_muted: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    # Nothing of this client's is posted while set (crisis mode); approved replies wait, paused.
    outbox_paused: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    created_at: int
    # Put away: hidden from the sidebar and the inbox, not synced, everything kept (0015).
    archived_at: int | None = None
    # Deleted, still undoable: hidden like an archived client until it is removed for good.
    deleted_at: int | None = None


class Account(SQLModel, table=True):
    """One of a client's accounts on a network. Never holds a secret: those live in the keyring."""

    __table_args__ = (UniqueConstraint("client_id", "network", "handle", "server_url"),)

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(sa_column=_fk("client.id"))
    network: str  # core.models.Network
    handle: str
    display_name: str = ""
    server_url: str | None = None  # Mastodon instance or Bluesky PDS
    remote_id: str | None = None
    sync_cursor: str | None = None  # opaque, from the provider
    sync_state: str = "idle"  # idle | syncing | ok | error
    last_synced_at: int | None = None
    sync_after: int | None = None  # rate limited: no sync of this account before then
    last_error: str | None = None
    created_at: int


class MentionArrival(SQLModel, table=True):
    """For each run of 512 mention ids (``id >> 9``), the latest ``created_at`` in it or any run
    below, kept by a trigger (migration 0012): where the history's newest-first walk by id may
    stop."""

    __tablename__ = "mention_arrival"

    run: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    latest: int


class Author(SQLModel, table=True):
    """A person who wrote to a client, per network, with what the manager knows about them."""

    __table_args__ = (UniqueConstraint("network", "remote_id"),)

    id: int | None = Field(default=None, primary_key=True)
    network: str
    remote_id: str
    handle: str
    display_name: str = ""
    flags: str = ""  # comma-separated core.models.AuthorFlag values
    notes: str = ""


class Mention(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("account_id", "remote_id"),
        Index("ix_mention_feed", "created_at", "id"),
        Index("ix_mention_account_feed", "account_id", "created_at"),
        Index("ix_mention_waiting", "account_id", "status", "due_at", "first_response_at"),
        Index("ix_mention_conversation", "account_id", "conversation_id"),
        Index("ix_mention_due", "status", "due_at"),
        Index("ix_mention_urgency", "urgency", "id"),
        Index("ix_mention_due_missing", "id", sqlite_where=text("due_at IS NULL")),
        Index("ix_mention_category", text("coalesce(category_override, category)"), "status"),
        Index("ix_mention_priority", "priority", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(
        sa_column=Column(Integer, ForeignKey("account.id", ondelete="CASCADE"), nullable=False)
    )
    remote_id: str
    author_id: int = Field(sa_column=_fk("author.id", ondelete="RESTRICT"))
    text: str
    created_at: int
    received_at: int
    url: str | None = None
    in_reply_to_remote_id: str | None = None
    conversation_id: str | None = None
    # Triage: the classifier's verdict, the manager's override (which wins), and why.
    category: str | None = None
    category_override: str | None = None
    sentiment: float | None = None
    priority: str | None = None  # core.models.Priority
    triage_reasons: str | None = None  # JSON list of plain-words reasons
    # False when no word list decided the category: the feed marks the call "check".
    triage_sure: bool = Field(default=True, sa_column_kwargs={"server_default": "1"})
    status: str = MentionStatus.NEW.value
    status_changed_at: int | None = None
    first_response_at: int | None = None  # stops the response clock
    due_at: int | None = None  # overdue after this, under the client's target and service hours
    snoozed_until: int | None = None  # hidden from the inbox until then
    urgency: int | None = None  # sort key of "most urgent first" (core.inbox.urgency)
    hidden_at: int | None = None  # when the brand hid this reply on its network
    crisis_id: int | None = None  # covered by that crisis's public statement
    visibility: str | None = None  # core.mentions.VISIBILITIES (Mastodon); None: one audience


class Crisis(SQLModel, table=True):
    """A client's crisis (core/crisis.py decides when one starts and ends)."""

    __table_args__ = (Index("ix_crisis_client", "client_id", "ended_at"),)

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(
        sa_column=Column(Integer, ForeignKey("client.id", ondelete="CASCADE"), nullable=False)
    )
    started_at: int
    ended_at: int | None = None
    about: str = Field(default="[]", sa_column_kwargs={"server_default": "[]"})  # JSON terms
    outbox_paused_by_crisis: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})


class Draft(SQLModel, table=True):
    __table_args__ = (Index("ix_draft_mention_state", "mention_id", "state"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=_fk("account.id"))
    mention_id: int | None = Field(default=None, sa_column=_fk("mention.id", nullable=True))
    text: str = ""
    cursor_position: int = 0
    state: str = DraftState.EDITING.value
    review_note: str | None = None
    created_at: int
    updated_at: int


class OutboxItem(SQLModel, table=True):
    """An approved reply waiting to be posted. ``idempotency_key`` makes sending exactly-once."""

    __tablename__ = "outbox_item"
    __table_args__ = (Index("ix_outbox_due", "state", "next_attempt_at"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=_fk("account.id"))
    draft_id: int | None = Field(
        default=None, sa_column=_fk("draft.id", nullable=True, ondelete="SET NULL")
    )
    mention_id: int | None = Field(
        default=None, sa_column=_fk("mention.id", nullable=True, ondelete="SET NULL")
    )
    text: str
    in_reply_to_remote_id: str | None = None
    idempotency_key: str = Field(unique=True)
    state: str = OutboxState.QUEUED.value
    attempts: int = 0
    last_error: str | None = None
    next_attempt_at: int | None = None
    remote_id: str | None = None
    url: str | None = None
    created_at: int
    sent_at: int | None = None
    send_at: int | None = None  # a scheduled post waits until then
    conversation_id: str | None = None  # replies in one conversation go out in approval order
    # A request may have reached the network: look for the post before sending again (X).
    unconfirmed: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    # While ``sending``: no other sender may take it before this time (store.outbox.claim).
    lease_until: int | None = None


class SavedReply(SQLModel, table=True):
    """A reusable reply; ``client_id`` NULL means the shared library."""

    __tablename__ = "saved_reply"

    id: int | None = Field(default=None, primary_key=True)
    client_id: int | None = Field(default=None, sa_column=_fk("client.id", nullable=True))
    name: str
    body: str
    built_in: bool = False
    created_at: int
    updated_at: int


class SavedView(SQLModel, table=True):
    """A named inbox filter ("Complaints overdue"), shown in the sidebar."""

    __tablename__ = "saved_view"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    filter: str  # JSON of mentions.MentionFilter's fields
    position: int = 0


class Event(SQLModel, table=True):
    """What happened, when: the audit trail reports and diagnostics read."""

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(index=True)
    at: int = Field(index=True)
    client_id: int | None = None
    account_id: int | None = None
    mention_id: int | None = None
    detail: str | None = None  # JSON object


# Every table above, for Alembic's autogenerate (``schema.new_revision``).
metadata = SQLModel.metadata
