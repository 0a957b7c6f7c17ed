"""Reply drafts: saved as the manager types, marked ready for review, approved into the outbox.

One live draft (editing or ready) per mention, so reopening a mention finds its draft, cursor and
all; a new post (no mention) has one live draft per account. Approving is one transaction: the draft
becomes ``approved`` and its outbox item exists, or neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from socialdesk.core.models import DraftState, OutboxState
from socialdesk.store.client_lifecycle import OUTBOX_HELD
from socialdesk.store.db import Database
from socialdesk.store.events import log_event
from socialdesk.store.mentions import MentionRow, rows_by_id
from socialdesk.store.values import clean_text, from_ms, to_ms

LIVE = (DraftState.EDITING.value, DraftState.READY.value)


class DraftGone(Exception):
    """The draft was approved or discarded elsewhere (another window, the review queue)."""


@dataclass(frozen=True)
class Draft:
    id: int
    account_id: int
    mention_id: int | None
    text: str
    cursor_position: int
    state: str
    review_note: str | None
    updated_at: datetime


@dataclass(frozen=True)
class ReviewItem:
    """A draft waiting for review, with what the reviewer needs to judge it."""

    draft: Draft
    client_id: int
    client_name: str
    network: str
    account_handle: str
    mention: MentionRow | None


_COLUMNS = "id, account_id, mention_id, text, cursor_position, state, review_note, updated_at"


def _draft(row: Sequence[Any]) -> Draft:
    draft_id, account_id, mention_id, text, cursor, state, note, updated = row
    return Draft(draft_id, account_id, mention_id, text, cursor, state, note, from_ms(updated))


def get_draft(db: Database, draft_id: int) -> Draft | None:
    rows = db.query(f"SELECT {_COLUMNS} FROM draft WHERE id = ?", (draft_id,))
    return _draft(rows[0]) if rows else None


def live_draft(db: Database, account_id: int, mention_id: int | None) -> Draft | None:
    """The draft being written for ``mention_id`` (or, with None, the account's new post)."""
    if mention_id is None:
        rows = db.query(
            f"SELECT {_COLUMNS} FROM draft WHERE account_id = ? AND mention_id IS NULL"
            " AND state IN (?, ?) ORDER BY updated_at DESC LIMIT 1",
            (account_id, *LIVE),
        )
    else:
        rows = db.query(
            f"SELECT {_COLUMNS} FROM draft WHERE mention_id = ? AND state IN (?, ?)"
            " ORDER BY updated_at DESC LIMIT 1",
            (mention_id, *LIVE),
        )
    return _draft(rows[0]) if rows else None


def save_draft(
    db: Database,
    *,
    account_id: int,
    mention_id: int | None,
    text: str,
    cursor: int,
    now: datetime,
    draft_id: int | None = None,
) -> int:
    """Store what the composer holds; returns the draft's id (a new draft when ``draft_id`` is
    None).

    Raises DraftGone when ``draft_id`` was approved or discarded meanwhile, rather than silently
    editing a reply that is already in the outbox."""
    text = clean_text(text)
    with db.transaction() as conn:
        # No id: a new draft, always. Taking over the mention's live draft here could overwrite a
        # reply in review (or one just cancelled) with what a stale composer holds.
        if draft_id is None:
            new_id: int = conn.execute(
                "INSERT INTO draft (account_id, mention_id, text, cursor_position, state,"
                f" created_at, updated_at) VALUES (?, ?, ?, ?, '{DraftState.EDITING}', ?, ?)"
                " RETURNING id",
                (account_id, mention_id, text, cursor, to_ms(now), to_ms(now)),
            ).fetchone()[0]
            return new_id
        changed = conn.execute(
            "UPDATE draft SET text = ?, cursor_position = ?, updated_at = ?"
            " WHERE id = ? AND state IN (?, ?)",
            (text, cursor, to_ms(now), draft_id, *LIVE),
        ).rowcount
        if not changed:
            raise DraftGone(f"Draft {draft_id} was already approved or discarded.")
        return draft_id


def set_state(
    db: Database,
    draft_id: int,
    state: str,
    *,
    now: datetime,
    expected: tuple[str, ...] = LIVE,
    note: str | None = None,
) -> str:
    """Move a draft to ``state`` if it is in one of the ``expected`` states (keeping its review
    note unless one is given); returns the state it had, so the change can be undone. Raises
    DraftGone otherwise: an approved draft never moves again, whatever a stale window asks."""
    state = DraftState(state).value
    with db.transaction() as conn:
        row = conn.execute("SELECT state FROM draft WHERE id = ?", (draft_id,)).fetchone()
        if row is None or row[0] not in expected:
            raise DraftGone("This draft was approved, discarded or changed meanwhile.")
        conn.execute(
            "UPDATE draft SET state = ?, review_note = coalesce(?, review_note), updated_at = ?"
            " WHERE id = ?",
            (state, note, to_ms(now), draft_id),
        )
        was: str = row[0]
        return was


def send_back(db: Database, draft_id: int, note: str, now: datetime) -> None:
    """The reviewer returns a draft to its writer with a note, shown in the composer."""
    set_state(
        db, draft_id, DraftState.EDITING, now=now, expected=(DraftState.READY.value,),
        note=note.strip() or None,
    )  # fmt: skip


def review_queue(db: Database) -> list[ReviewItem]:
    """Drafts ready for review, oldest first (the order they were handed in)."""
    rows = db.query(
        f"SELECT {', '.join('d.' + c.strip() for c in _COLUMNS.split(','))},"
        " c.id, c.name, a.network, a.handle FROM draft d JOIN account a ON a.id = d.account_id"
        " JOIN client c ON c.id = a.client_id WHERE d.state = ? ORDER BY d.updated_at, d.id",
        (DraftState.READY.value,),
    )
    drafts = [_draft(r[:8]) for r in rows]
    mentions = {m.id: m for m in rows_by_id(db, [d.mention_id for d in drafts if d.mention_id])}
    items = []
    for draft, row in zip(drafts, rows, strict=True):
        client_id, client_name, network, handle = row[8:]
        # No mention: a new post.
        mention = mentions.get(draft.mention_id) if draft.mention_id is not None else None
        items.append(ReviewItem(draft, client_id, client_name, network, handle, mention))
    return items


class DraftChanged(Exception):
    """The draft's stored text is not the text that was checked and approved."""


def approve(
    db: Database,
    draft_id: int,
    key: str,
    now: datetime,
    *,
    send_at: datetime | None = None,
    text: str | None = None,
) -> int:
    """Hand the draft to the outbox with its idempotency key; returns the outbox item's id.
    With ``text`` (what the approver saw and the checks passed), the stored draft must still say
    exactly that, or DraftChanged is raised and nothing is queued.

    The item of a client whose outbox is held (paused, archived) waits, paused, until it is
    resumed (restored)."""
    with db.transaction() as conn:
        found = conn.execute(
            "SELECT d.account_id, d.mention_id, d.text, d.state, m.remote_id, m.conversation_id,"
            " a.client_id FROM draft d JOIN account a ON a.id = d.account_id"
            " LEFT JOIN mention m ON m.id = d.mention_id WHERE d.id = ?",
            (draft_id,),
        ).fetchone()
        if found is None or found[3] not in LIVE:
            raise DraftGone("This draft was already approved or discarded.")
        account_id, mention_id, stored, _state, parent, conversation, client_id = found
        if text is not None and stored != clean_text(text):
            raise DraftChanged("The draft changed after it was checked: review it again.")
        text = stored
        paused = conn.execute(
            f"SELECT {OUTBOX_HELD} FROM client c WHERE c.id = ?", (client_id,)
        ).fetchone()[0]
        state = OutboxState.PAUSED if paused else OutboxState.QUEUED
        item_id: int = conn.execute(
            "INSERT INTO outbox_item (account_id, draft_id, mention_id, text,"
            " in_reply_to_remote_id, idempotency_key, state, attempts, created_at, send_at,"
            " conversation_id, unconfirmed) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 0)"
            " RETURNING id",
            (
                account_id, draft_id, mention_id, text, parent, key, state.value, to_ms(now),
                to_ms(send_at) if send_at else None, conversation or parent,
            ),
        ).fetchone()[0]  # fmt: skip
        conn.execute(
            "UPDATE draft SET state = ?, updated_at = ? WHERE id = ?",
            (DraftState.APPROVED.value, to_ms(now), draft_id),
        )
        log_event(
            db, "draft.approved", account_id=account_id, mention_id=mention_id,
            detail={"draft": draft_id, "outbox_item": item_id}, at=now,
        )  # fmt: skip
    return item_id
