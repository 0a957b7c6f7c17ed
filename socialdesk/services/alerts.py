"""What deserves a desktop notification: an urgent mention arriving, or mentions whose response
clock just ran out. Per-client mute is respected; the wording is for a glance."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from socialdesk.core.models import Priority
from socialdesk.store import mentions
from socialdesk.store.db import Database
from socialdesk.store.mentions import MentionRow

PREVIEW = 120


@dataclass(frozen=True)
class Alert:
    title: str
    body: str
    mention_id: int  # the one to show when the notification is clicked


def urgent_arrivals(db: Database, new_ids: Iterable[int], muted: set[int]) -> list[Alert]:
    rows = [r for r in mentions.rows_by_id(db, list(new_ids)) if r.priority == Priority.URGENT]
    return [
        Alert(
            f"Urgent: {row.client_name}",
            f"@{row.author_handle}: {_preview(row.text)}",
            row.id,
        )
        for row in rows
        if row.client_id not in muted
    ]


def newly_overdue(db: Database, since: datetime, now: datetime, muted: set[int]) -> list[Alert]:
    by_client: dict[str, list[MentionRow]] = defaultdict(list)
    for row in mentions.went_overdue(db, since, now):
        if row.client_id not in muted:
            by_client[row.client_name].append(row)
    alerts = []
    for client, rows in by_client.items():
        first = rows[0]
        if len(rows) == 1:
            body = f"@{first.author_handle}: {_preview(first.text)}"
            title = f"Overdue: {client}"
        else:
            body = f"{len(rows)} mentions passed the target; first @{first.author_handle}."
            title = f"{len(rows)} overdue: {client}"
        alerts.append(Alert(title, body, first.id))
    return alerts


def _preview(text: str) -> str:
    flat = " ".join(text[: PREVIEW * 2].split())
    return flat if len(flat) <= PREVIEW else flat[: PREVIEW - 1] + "…"
