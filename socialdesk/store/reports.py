"""What a client report reads (core/report.py computes it): the client's mentions of a period, and
the terms it agreed. Plain ``sqlite3``: a year of a busy client is 100,000 rows, so only the
columns the report needs are read, and a mention's text only when it is a complaint (the report
counts the words of complaints and nothing else)."""

from __future__ import annotations

import json
from datetime import datetime
from operator import itemgetter
from typing import Any

from socialdesk.core.models import AuthorFlag, Category
from socialdesk.core.report import COVERED, ClientTerms, ReportRows
from socialdesk.store.clients import client_hours
from socialdesk.store.db import Database
from socialdesk.store.values import from_ms, to_ms

_CATEGORY = "coalesce(category_override, category)"  # the manager's override wins
# One account's mentions of the period, oldest first straight from ix_mention_account_feed (an IN
# over the client's accounts made SQLite sort them again). In ReportRows' order: the account and
# author by id (joining each row to them took a fifth of the query's time), network's place NULL.
_ROWS = (
    f"SELECT id, created_at, NULL, account_id, author_id, {_CATEGORY}, sentiment,"
    f" CASE WHEN crisis_id IS NULL THEN status ELSE '{COVERED}' END,"
    f" first_response_at, CASE WHEN {_CATEGORY} = ? OR ? THEN text ELSE '' END"
    " FROM mention WHERE account_id = ? AND created_at >= ? AND created_at < ?"
    " ORDER BY created_at, id"
)
_AUTHORS = "SELECT id, handle, flags FROM author WHERE id IN (SELECT value FROM json_each(?))"
_BY_TIME = itemgetter(1, 0)  # created_at, id


def report_rows(
    db: Database, client_id: int, start: datetime, end: datetime, *, every_text: bool = False
) -> ReportRows:
    """The client's mentions created in ``start`` ≤ created < ``end`` (aware datetimes), oldest
    first; the text only of complaints, '' for the rest — unless ``every_text`` (the CSV)."""
    accounts = {
        account: (network, handle)
        for account, network, handle in db.query(
            "SELECT id, network, handle FROM account WHERE client_id = ?", (client_id,)
        )
    }
    first, after = to_ms(start), to_ms(end)
    found: list[tuple[Any, ...]] = []
    for account in accounts:
        found += db.query(_ROWS, (Category.COMPLAINT.value, every_text, account, first, after))
    if len(accounts) > 1:
        found.sort(key=_BY_TIME)  # merges the accounts' runs
    read = db.query(_AUTHORS, (json.dumps(list(set(map(itemgetter(4), found)))),))
    authors = {author: handle for author, handle, _flags in read}
    trolls = frozenset(a for a, _h, flags in read if AuthorFlag.TROLL in (flags or "").split(","))
    return ReportRows(found, accounts, authors, trolls)


def first_mention_at(db: Database, client_id: int) -> datetime | None:
    """When the client's oldest mention was written: a report needs no period before it."""
    found = db.query(
        "SELECT min(created_at) FROM mention WHERE account_id IN"
        " (SELECT id FROM account WHERE client_id = ?)",
        (client_id,),
    )
    return from_ms(found[0][0]) if found and found[0][0] is not None else None


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
