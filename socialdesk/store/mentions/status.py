"""A mention's status as the manager changes it (open, done, snoozed, hidden…), and undo.

Every status change logs an event and keeps the row's ``urgency`` current, so the inbox's order
stays right without a second pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from socialdesk.core.inbox import urgency
from socialdesk.core.models import MentionStatus
from socialdesk.store.db import Database
from socialdesk.store.events import log_event
from socialdesk.store.mentions.categories import write_override
from socialdesk.store.mentions.rows import sql_in
from socialdesk.store.values import to_ms


@dataclass(frozen=True)
class MentionState:
    """What an action on a mention may change: read before the action, restored by undo."""

    id: int
    status: str
    snoozed_until: int | None
    category_override: str | None


def mention_states(db: Database, ids: Sequence[int]) -> list[MentionState]:
    where, params = sql_in("id", ids)
    rows = db.query(
        f"SELECT id, status, snoozed_until, category_override FROM mention WHERE {where}", params
    )
    return [MentionState(*r) for r in rows]


def restore_states(db: Database, states: Sequence[MentionState], *, at: datetime) -> None:
    """Put mentions back as ``mention_states`` read them (undo)."""
    with db.transaction():
        for s in states:
            write_statuses(db, [s.id], s.status, at=at, snoozed_until=s.snoozed_until)
            write_override(db, [s.id], s.category_override)


def set_mention_status(
    db: Database,
    ids: int | Sequence[int],
    status: str,
    *,
    at: datetime | None = None,
    snoozed_until: datetime | None = None,
) -> None:
    """Change the status of one or many mentions, logging each change. Snoozing needs a time."""
    status = MentionStatus(status).value
    if (status == MentionStatus.SNOOZED) != (snoozed_until is not None):
        raise ValueError("a snoozed mention needs the time it wakes up, and only a snoozed one")
    ids = [ids] if isinstance(ids, int) else list(ids)
    until = to_ms(snoozed_until) if snoozed_until else None
    with db.transaction():
        write_statuses(db, ids, status, at=at or datetime.now(UTC), snoozed_until=until)


def write_statuses(
    db: Database, ids: Sequence[int], status: str, *, at: datetime, snoozed_until: int | None
) -> None:
    """Set the status inside the caller's transaction, so a reply sent (store.outbox) or a crisis
    covered (store.crises) changes its mentions in the same commit as its own rows."""
    where, params = sql_in("id", ids)
    conn = db.connection()
    rows = conn.execute(
        f"SELECT id, status, priority, due_at, created_at FROM mention WHERE {where}", params
    ).fetchall()
    when = to_ms(at)
    for mid, old, priority, due, created in rows:
        conn.execute(
            "UPDATE mention SET status = ?, snoozed_until = ?, status_changed_at = ?, urgency = ?"
            " WHERE id = ?",
            (status, snoozed_until, when, urgency(status, priority, due, created), mid),
        )
        if old != status:
            log_event(
                db, "mention.status", mention_id=mid, detail={"from": old, "to": status}, at=at
            )


def set_hidden(db: Database, mention_id: int, hidden: bool, *, at: datetime) -> None:
    """Record that the brand hid this reply on its network (or showed it again). Hiding one that
    waits for an answer also ignores it: a hidden troll gets no public answer (customer-care.md),
    so its clock stops."""
    with db.transaction() as conn:
        conn.execute(
            "UPDATE mention SET hidden_at = ? WHERE id = ?",
            (to_ms(at) if hidden else None, mention_id),
        )
        row = conn.execute("SELECT status FROM mention WHERE id = ?", (mention_id,)).fetchone()
        if hidden and row and MentionStatus(row[0]).awaits_reply:
            write_statuses(db, [mention_id], MentionStatus.IGNORED, at=at, snoozed_until=None)
        log_event(db, "mention.hidden" if hidden else "mention.shown", mention_id=mention_id, at=at)


def wake_snoozed(db: Database, now: datetime) -> list[int]:
    """Snoozed mentions whose time has come go back to open; returns their ids."""
    ids = [r[0] for r in db.query(
        f"SELECT id FROM mention WHERE status = '{MentionStatus.SNOOZED}' AND snoozed_until <= ?",
        (to_ms(now),),
    )]  # fmt: skip
    if ids:
        with db.transaction():
            write_statuses(db, ids, MentionStatus.OPEN, at=now, snoozed_until=None)
    return ids


def set_outcomes(
    db: Database, outcomes: Iterable[tuple[int, str, datetime | None]], *, at: datetime
) -> None:
    """Bulk-set (mention id, status, first response time) — for imports and the demo's history."""
    outcomes = list(outcomes)
    with db.transaction() as conn:
        for mid, status, first in outcomes:
            write_statuses(db, [mid], MentionStatus(status).value, at=at, snoozed_until=None)
            if first is not None:
                conn.execute(
                    "UPDATE mention SET first_response_at = ? WHERE id = ?", (to_ms(first), mid)
                )
