"""The manager's category for a mention, which wins over triage's; what triage learns from it."""

from __future__ import annotations

from collections.abc import Sequence

from socialdesk.core.models import Category
from socialdesk.store.db import Database
from socialdesk.store.mentions.rows import sql_in


def set_category(db: Database, ids: Sequence[int], category: str | None) -> None:
    """The manager's category for these mentions (None: back to triage's); it wins over triage."""
    if category is not None:
        Category(category)
    with db.transaction():
        write_override(db, ids, category)


def refiled(db: Database, client_id: int, limit: int = 500) -> list[tuple[str, str]]:
    """(text, category) of the client's mentions the manager filed otherwise than triage did,
    newest first: what triage learns from (core.classifier.Memory)."""
    return [
        (text, category)
        for text, category in db.query(
            "SELECT m.text, m.category_override FROM mention m JOIN account a"
            " ON a.id = m.account_id WHERE a.client_id = ? AND m.category_override IS NOT NULL"
            " AND m.category_override != coalesce(m.category, '') ORDER BY m.id DESC LIMIT ?",
            (client_id, limit),
        )
    ]


def write_override(db: Database, ids: Sequence[int], category: str | None) -> None:
    """Inside the caller's transaction: undo restores a status and a category in one commit."""
    where, params = sql_in("id", ids)
    db.connection().execute(
        f"UPDATE mention SET category_override = ? WHERE {where}", [category, *params]
    )
