"""What a client report reads (core/report.py computes it): the client's mentions of a period, and
the terms it agreed. Plain ``sqlite3``: a year of a busy client is 100,000 rows, so only the
columns the report needs are read, and a mention's text only when it is a complaint (the report
counts the words of complaints and nothing else)."""

from __future__ import annotations

import json
from datetime import datetime

from socialdesk.core.report import COMPLAINT, ClientTerms, ReportRow
from socialdesk.store.clients import client_hours
from socialdesk.store.db import Database
from socialdesk.store.values import to_ms

_CATEGORY = "coalesce(m.category_override, m.category)"  # the manager's override wins
_ROWS = (
    "SELECT m.id, m.created_at, a.network, a.handle, au.handle,"
    f" {_CATEGORY}, m.sentiment, m.status, m.first_response_at,"
    f" CASE WHEN {_CATEGORY} = ? OR ? THEN m.text ELSE '' END"
    " FROM mention m JOIN account a ON a.id = m.account_id JOIN author au ON au.id = m.author_id"
    " WHERE m.account_id IN (SELECT id FROM account WHERE client_id = ?)"
    " AND m.created_at >= ? AND m.created_at < ?"
    " ORDER BY m.created_at, m.id"
)


def report_rows(
    db: Database, client_id: int, start: datetime, end: datetime, *, every_text: bool = False
) -> list[ReportRow]:
    """The client's mentions created in ``start`` ≤ created < ``end`` (aware datetimes), oldest
    first; the text only of complaints, '' for the rest — unless ``every_text`` (the CSV)."""
    found = db.query(_ROWS, (COMPLAINT, every_text, client_id, to_ms(start), to_ms(end)))
    return list(map(ReportRow._make, found))  # the columns are ReportRow's, in its order


def client_terms(db: Database, client_id: int) -> ClientTerms:
    """The client's name, response target, time zone and service hours (unusable hours count as
    around the clock, as everywhere else). ValueError if there is no such client."""
    found = db.query(
        "SELECT name, response_target_minutes, timezone, service_hours FROM client WHERE id = ?",
        (client_id,),
    )
    if not found:
        raise ValueError(f"no client with id {client_id}")
    name, target, timezone, hours_json = found[0]
    hours = client_hours(json.loads(hours_json) if hours_json else None, timezone)
    return ClientTerms(name, target, timezone, hours)
