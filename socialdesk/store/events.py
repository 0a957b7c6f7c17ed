"""The event log (what happened, when — the audit trail reports read) and workspace figures for
diagnostics."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from socialdesk.store.db import Database, inserted_id
from socialdesk.store.values import from_ms, to_ms


@dataclass(frozen=True)
class EventRecord:
    id: int
    kind: str
    at: datetime
    client_id: int | None
    account_id: int | None
    mention_id: int | None
    detail: dict[str, Any]


def log_event(
    db: Database,
    kind: str,
    *,
    client_id: int | None = None,
    account_id: int | None = None,
    mention_id: int | None = None,
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> int:
    with db.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO event (kind, at, client_id, account_id, mention_id, detail)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                kind,
                to_ms(at or datetime.now(UTC)),
                client_id,
                account_id,
                mention_id,
                json.dumps(detail) if detail is not None else None,
            ),
        )
        return inserted_id(cursor)


def last_event(db: Database, kind: str) -> EventRecord | None:
    rows = db.query(
        "SELECT id, kind, at, client_id, account_id, mention_id, detail FROM event"
        " WHERE kind = ? ORDER BY at DESC, id DESC LIMIT 1",
        (kind,),
    )
    if not rows:
        return None
    eid, kind, at, client_id, account_id, mention_id, detail = rows[0]
    return EventRecord(
        eid,
        kind,
        from_ms(at),
        client_id,
        account_id,
        mention_id,
        json.loads(detail) if detail else {},
    )


def workspace_stats(db: Database) -> dict[str, int | str]:
    """Figures for "Copy diagnostics": sizes only, never content."""
    counts = {
        table: db.query(f"SELECT count(*) FROM {table}")[0][0]
        for table in ("client", "account", "author", "mention", "draft", "outbox_item", "event")
    }
    size = sum(p.stat().st_size for p in db.path.parent.glob(db.path.name + "*") if p.is_file())
    revision = db.query("SELECT version_num FROM alembic_version")[0][0]
    return {
        **{f"{k} rows": v for k, v in counts.items()},
        "database size": f"{size / 1_048_576:.1f} MB",
        "schema": revision,
    }
