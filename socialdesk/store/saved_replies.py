"""Saved replies: a library per client and a shared one (``client_id`` NULL), the two built-in
replies among them (written by migration 0006, editable like any other)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from socialdesk.core.replies import SavedReply
from socialdesk.store.db import Database
from socialdesk.store.values import clean_text, to_ms


def list_replies(db: Database, client_id: int | None = None) -> list[SavedReply]:
    """The shared library, plus ``client_id``'s own when given (every client's when None)."""
    sql = "SELECT id, name, body, client_id, built_in FROM saved_reply"
    params: tuple[Any, ...] = ()
    if client_id is not None:
        sql += " WHERE client_id IS NULL OR client_id = ?"
        params = (client_id,)
    rows = db.query(sql + " ORDER BY client_id IS NOT NULL DESC, name COLLATE NOCASE", params)
    return [SavedReply(i, n, b, c, bool(built)) for i, n, b, c, built in rows]


def save_reply(
    db: Database,
    *,
    name: str,
    body: str,
    client_id: int | None,
    now: datetime,
    reply_id: int | None = None,
) -> int:
    name, body = clean_text(name.strip()), clean_text(body)
    if not name:
        raise ValueError("A saved reply needs a name, so it can be found by typing ;name.")
    with db.transaction() as conn:
        if reply_id is None:
            new_id: int = conn.execute(
                "INSERT INTO saved_reply (client_id, name, body, built_in, created_at, updated_at)"
                " VALUES (?, ?, ?, 0, ?, ?) RETURNING id",
                (client_id, name, body, to_ms(now), to_ms(now)),
            ).fetchone()[0]
            return new_id
        conn.execute(
            "UPDATE saved_reply SET name = ?, body = ?, client_id = ?, updated_at = ? WHERE id = ?",
            (name, body, client_id, to_ms(now), reply_id),
        )
        return reply_id


def delete_reply(db: Database, reply_id: int) -> None:
    with db.transaction() as conn:
        conn.execute("DELETE FROM saved_reply WHERE id = ?", (reply_id,))
