"""A client's life after it is set up: archived and restored, deleted with an undo and purged once
the undo is over. While a client is archived or deleted, or paused in a crisis, it holds its outbox:
nothing of it is posted, and nothing is lost."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from socialdesk.core.models import OutboxState
from socialdesk.store.db import Database
from socialdesk.store.values import to_ms


@dataclass(frozen=True)
class ClientFootprint:
    """What deleting a client takes with it, counted so the question can say so."""

    accounts: int = 0
    mentions: int = 0
    drafts: int = 0  # replies being written or waiting for review
    outbox: int = 0  # approved replies and posts not sent yet

    @property
    def is_empty(self) -> bool:
        return not (self.accounts or self.mentions or self.drafts or self.outbox)


# Whether a client (``c``) holds its outbox, in SQL: paused (crisis mode), archived, or deleted
# and still undoable. Nothing of such a client is posted; its replies wait, paused.
OUTBOX_HELD = "(c.outbox_paused OR c.archived_at IS NOT NULL OR c.deleted_at IS NOT NULL)"


def archive_client(db: Database, client_id: int, *, at: datetime) -> None:
    """Hide the client from the sidebar and the inbox and stop syncing it; keep everything. Its
    approved replies wait in the outbox, paused, until it is restored."""
    with db.transaction() as conn:
        conn.execute("UPDATE client SET archived_at = ? WHERE id = ?", (to_ms(at), client_id))
        hold_outbox(conn, client_id)


def restore_client(db: Database, client_id: int) -> None:
    """Back in the sidebar and the inbox; its paused replies go out (unless its outbox was
    paused for itself, in a crisis)."""
    with db.transaction() as conn:
        conn.execute("UPDATE client SET archived_at = NULL WHERE id = ?", (client_id,))
        release_outbox(conn, client_id)


def hold_outbox(conn: sqlite3.Connection, client_id: int) -> list[int]:
    """Inside a transaction that made the client hold its outbox (``OUTBOX_HELD``): its queued
    replies wait, paused. Their ids."""
    rows = conn.execute(
        "UPDATE outbox_item SET state = ? WHERE state = ?"
        " AND account_id IN (SELECT id FROM account WHERE client_id = ?) RETURNING id",
        (OutboxState.PAUSED.value, OutboxState.QUEUED.value, client_id),
    ).fetchall()
    return [r[0] for r in rows]


def release_outbox(conn: sqlite3.Connection, client_id: int) -> list[int]:
    """Inside a transaction that changed what holds the client's outbox: its paused replies are
    queued again, unless something still holds it. Their ids."""
    rows = conn.execute(
        "UPDATE outbox_item SET state = ? WHERE state = ?"
        " AND account_id IN (SELECT id FROM account WHERE client_id = ?)"
        f" AND NOT (SELECT {OUTBOX_HELD} FROM client c WHERE c.id = ?) RETURNING id",
        (OutboxState.QUEUED.value, OutboxState.PAUSED.value, client_id, client_id),
    ).fetchall()
    return [r[0] for r in rows]


def mark_deleted(db: Database, client_id: int, *, at: datetime) -> None:
    """The first half of deleting: hidden at once, removed by ``purge_deleted`` once the undo is
    over (or at the next start, if the app closed first). Nothing of it is posted meanwhile."""
    with db.transaction() as conn:
        conn.execute("UPDATE client SET deleted_at = ? WHERE id = ?", (to_ms(at), client_id))
        hold_outbox(conn, client_id)


def undelete(db: Database, client_id: int) -> None:
    with db.transaction() as conn:
        conn.execute("UPDATE client SET deleted_at = NULL WHERE id = ?", (client_id,))
        release_outbox(conn, client_id)


def deleted_account_ids(db: Database, client_id: int | None = None) -> list[int]:
    """The accounts of clients marked deleted (of one of them, or of all)."""
    rows = db.query(
        "SELECT a.id FROM account a JOIN client c ON c.id = a.client_id"
        " WHERE c.deleted_at IS NOT NULL AND (? IS NULL OR c.id = ?) ORDER BY a.id",
        (client_id, client_id),
    )
    return [r[0] for r in rows]


def purge_deleted(db: Database, client_id: int | None = None) -> list[int]:
    """Remove clients marked deleted (one, or all) with everything stored for them: accounts,
    mentions, drafts, outbox, saved replies, crises. Their ids."""
    rows = db.query(
        "SELECT id FROM client WHERE deleted_at IS NOT NULL AND (? IS NULL OR id = ?)",
        (client_id, client_id),
    )
    ids = [r[0] for r in rows]
    for cid in ids:
        delete_client(db, cid)
    return ids


def delete_client(db: Database, client_id: int) -> None:
    """The client and everything stored for it, in one transaction (the foreign keys cascade)."""
    with db.transaction() as conn:
        conn.execute("DELETE FROM client WHERE id = ?", (client_id,))


def client_footprint(db: Database, client_id: int) -> ClientFootprint:
    accounts = "SELECT id FROM account WHERE client_id = ?"
    counts = db.query(
        f"SELECT (SELECT count(*) FROM account WHERE client_id = ?),"
        f" (SELECT count(*) FROM mention WHERE account_id IN ({accounts})),"
        f" (SELECT count(*) FROM draft WHERE account_id IN ({accounts})"
        "   AND state IN ('editing', 'ready')),"
        f" (SELECT count(*) FROM outbox_item WHERE account_id IN ({accounts})"
        "   AND state NOT IN ('sent', 'cancelled'))",
        (client_id, client_id, client_id, client_id),
    )[0]
    return ClientFootprint(*counts)
