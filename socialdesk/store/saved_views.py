"""Saved inbox views ("Complaints overdue"): a name and a filter, listed in the sidebar."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields

from socialdesk.store.db import Database
from socialdesk.store.mentions import MentionFilter

_TUPLES = {f.name for f in fields(MentionFilter) if "tuple" in str(f.type)}


@dataclass(frozen=True)
class SavedView:
    id: int
    name: str
    filter: MentionFilter


def save_view(db: Database, name: str, flt: MentionFilter) -> int:
    """Create the view, or replace the filter of the one with this name."""
    name = name.strip()
    if not name:
        raise ValueError("A saved view needs a name.")
    with db.transaction() as conn:
        position = conn.execute("SELECT coalesce(max(position), 0) + 1 FROM saved_view").fetchone()
        view_id: int = conn.execute(
            "INSERT INTO saved_view (name, filter, position) VALUES (?, ?, ?)"
            " ON CONFLICT (name) DO UPDATE SET filter = excluded.filter RETURNING id",
            (name, json.dumps(asdict(flt)), position[0]),
        ).fetchone()[0]
        return view_id


def list_views(db: Database) -> list[SavedView]:
    rows = db.query("SELECT id, name, filter FROM saved_view ORDER BY position, id")
    return [SavedView(vid, name, _filter(raw)) for vid, name, raw in rows]


def delete_view(db: Database, view_id: int) -> None:
    with db.transaction() as conn:
        conn.execute("DELETE FROM saved_view WHERE id = ?", (view_id,))


def _filter(raw: str) -> MentionFilter:
    """Back from JSON; fields a later version dropped are ignored, new ones take defaults."""
    known = {f.name for f in fields(MentionFilter)}
    values = {k: v for k, v in json.loads(raw).items() if k in known}
    for name in _TUPLES & values.keys():
        if values[name] is not None:
            values[name] = tuple(values[name])
    return MentionFilter(**values)
