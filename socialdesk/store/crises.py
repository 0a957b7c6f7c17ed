"""Crises in the store: each client's negative mentions as detection reads them, the crises it
started and ended, and the mentions a statement covered."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from socialdesk.core.crisis import NEGATIVE_CATEGORIES, Negative
from socialdesk.core.models import Category, MentionStatus, OutboxState
from socialdesk.store.db import Database
from socialdesk.store.events import log_event
from socialdesk.store.mentions.status import write_statuses
from socialdesk.store.values import from_ms, to_ms


@dataclass(frozen=True)
class CrisisRecord:
    id: int
    client_id: int
    started_at: datetime
    ended_at: datetime | None
    about: tuple[str, ...]
    outbox_paused_by_crisis: bool


def negatives(db: Database, client_id: int, since: datetime) -> list[Negative]:
    """The client's negative mentions since ``since``, oldest first: complaints, criticism, and
    abuse that reads negative."""
    categories = ",".join("?" * len(NEGATIVE_CATEGORIES))
    rows = db.query(
        "SELECT m.id, m.created_at, m.text, coalesce(m.conversation_id, m.remote_id)"
        " FROM mention m WHERE m.account_id IN (SELECT id FROM account WHERE client_id = ?)"
        " AND m.created_at >= ?"
        f" AND coalesce(m.category_override, m.category) IN ({categories})"
        f" AND (coalesce(m.category_override, m.category) != '{Category.ABUSE}' OR m.sentiment < 0)"
        " ORDER BY m.created_at",
        (client_id, to_ms(since), *NEGATIVE_CATEGORIES),
    )
    return [Negative(mid, from_ms(at), text, conversation) for mid, at, text, conversation in rows]


def open_crises(db: Database) -> dict[int, CrisisRecord]:
    """Client id → its crisis under way."""
    rows = db.query(f"SELECT {_COLUMNS} FROM crisis WHERE ended_at IS NULL")
    return {r.client_id: r for r in map(_record, rows)}


def last_crisis(db: Database, client_id: int) -> CrisisRecord | None:
    rows = db.query(
        f"SELECT {_COLUMNS} FROM crisis WHERE client_id = ? ORDER BY started_at DESC LIMIT 1",
        (client_id,),
    )
    return _record(rows[0]) if rows else None


def start(db: Database, client_id: int, at: datetime, about: tuple[str, ...]) -> int:
    with db.transaction() as conn:
        crisis_id: int = conn.execute(
            "INSERT INTO crisis (client_id, started_at, about) VALUES (?, ?, ?) RETURNING id",
            (client_id, to_ms(at), json.dumps(list(about))),
        ).fetchone()[0]
        log_event(db, "crisis.started", client_id=client_id, detail={"about": list(about)}, at=at)
    return crisis_id


def end(db: Database, crisis_id: int, at: datetime) -> None:
    with db.transaction() as conn:
        (client_id,) = conn.execute(
            "UPDATE crisis SET ended_at = ? WHERE id = ? AND ended_at IS NULL RETURNING client_id",
            (to_ms(at), crisis_id),
        ).fetchone() or (None,)
        if client_id is not None:
            log_event(db, "crisis.ended", client_id=client_id, at=at)


def set_outbox_paused(db: Database, crisis_id: int, paused: bool) -> None:
    with db.transaction() as conn:
        conn.execute(
            "UPDATE crisis SET outbox_paused_by_crisis = ? WHERE id = ?", (paused, crisis_id)
        )


def cover(db: Database, crisis_id: int, mention_ids: list[int], at: datetime) -> list[int]:
    """Mark the mentions answered by the crisis statement: done, with the crisis as the reason,
    so their clocks stop. Returns the ids changed (those still waiting for an answer)."""
    if not mention_ids:
        return []
    marks = ",".join("?" * len(mention_ids))
    waiting = [s.value for s in MentionStatus if s.awaits_reply]
    with db.transaction() as conn:
        ids = [r[0] for r in conn.execute(
            f"SELECT id FROM mention WHERE id IN ({marks})"
            f" AND status IN ({','.join('?' * len(waiting))})",
            (*mention_ids, *waiting),
        ).fetchall()]  # fmt: skip
        if ids:
            write_statuses(db, ids, MentionStatus.DONE, at=at, snoozed_until=None)
            conn.execute(
                f"UPDATE mention SET crisis_id = ? WHERE id IN ({','.join('?' * len(ids))})",
                (crisis_id, *ids),
            )
    return ids


def uncover(db: Database, ids: list[int], at: datetime) -> None:
    """Undo of ``cover``: back to open, no longer counted as covered."""
    if not ids:
        return
    with db.transaction() as conn:
        write_statuses(db, ids, MentionStatus.OPEN, at=at, snoozed_until=None)
        conn.execute(
            f"UPDATE mention SET crisis_id = NULL WHERE id IN ({','.join('?' * len(ids))})", ids
        )


def last_statement(db: Database, client_id: int, since: datetime) -> datetime | None:
    """When the client last approved a new post (a statement) since ``since``."""
    rows = db.query(
        "SELECT max(created_at) FROM outbox_item WHERE mention_id IS NULL AND created_at >= ?"
        f" AND state != '{OutboxState.CANCELLED}'"
        " AND account_id IN (SELECT id FROM account WHERE client_id = ?)",
        (to_ms(since), client_id),
    )
    return from_ms(rows[0][0]) if rows and rows[0][0] is not None else None


def outbox_paused(db: Database, client_id: int) -> bool:
    rows = db.query("SELECT outbox_paused FROM client WHERE id = ?", (client_id,))
    return bool(rows and rows[0][0])


_COLUMNS = "id, client_id, started_at, ended_at, about, outbox_paused_by_crisis"


def _record(row: Sequence[Any]) -> CrisisRecord:
    crisis_id, client_id, started, ended, about, paused = row
    return CrisisRecord(
        crisis_id, client_id, from_ms(started), from_ms(ended), tuple(json.loads(about or "[]")),
        bool(paused),
    )  # fmt: skip
