"""What the manager keeps about an author: flags (VIP…) and notes."""

from __future__ import annotations

from collections.abc import Iterable

from socialdesk.core.models import AuthorFlag
from socialdesk.store.db import Database
from socialdesk.store.values import clean_text


def author_mention_ids(db: Database, author_id: int) -> list[int]:
    """Every mention by this author: what to weigh again when their flags change (VIP)."""
    return [r[0] for r in db.query("SELECT id FROM mention WHERE author_id = ?", (author_id,))]


def set_author_flags(db: Database, author_id: int, flags: Iterable[str]) -> None:
    value = ",".join(sorted(AuthorFlag(f).value for f in flags))
    with db.transaction() as conn:
        conn.execute("UPDATE author SET flags = ? WHERE id = ?", (value, author_id))


def set_author_notes(db: Database, author_id: int, notes: str) -> None:
    with db.transaction() as conn:
        conn.execute("UPDATE author SET notes = ? WHERE id = ?", (clean_text(notes), author_id))
