"""The feed's reads: which mentions a filter matches, counted or one page at a time.

A page chooses its ids on ``mention`` alone, walking the index of its order, and only then joins
those few rows to their account, client and author (``rows.ROW_SELECT``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from socialdesk.core.inbox import overdue_sql
from socialdesk.core.models import MentionStatus
from socialdesk.store.db import Database
from socialdesk.store.mentions.rows import ORDER, ROW_SELECT, MentionRow, sql_in, to_row
from socialdesk.store.values import AWAITING, to_ms


@dataclass(frozen=True)
class MentionFilter:
    client_id: int | None = None
    account_id: int | None = None
    network: str | None = None
    statuses: tuple[str, ...] | None = None  # None: all but snoozed
    categories: tuple[str, ...] | None = None
    priorities: tuple[str, ...] | None = None
    overdue_only: bool = False
    awaiting_reply_only: bool = False
    sort: str = "urgent"
    text: str = ""  # words that must all appear (prefixes, any case, accents ignored)
    conversation_of: int | None = None  # only the conversation of this mention (any status)
    # Left out: the accounts of archived and deleted clients (the controller fills it in).
    hidden_accounts: tuple[int, ...] = ()
    unsure_only: bool = False  # only the calls triage was not sure of, and nobody refiled


# Triage was not sure of the category, and the manager has not filed it (MentionRow.triage_sure).
_UNSURE = "{walk}m.triage_sure = 0 AND m.category_override IS NULL"


_Clause = tuple[str, list[Any]]  # SQL and its parameters


def _where(flt: MentionFilter, now: datetime | None, paging: bool = False) -> _Clause:
    """The WHERE of a filter's query, and its parameters. ``paging``: for a page rather than a
    count, which changes which index each test should walk (the "+" marks below)."""
    clauses = [*_scope(flt, paging), *_status(flt)]
    # A page in the most-urgent order walks the urgency index and checks these on each row ("+"):
    # their own indexes (0013) are for counting, and would make every page sort all matches.
    walk = "+" if paging and flt.sort == "urgent" else ""
    clauses += _triage(flt, walk)
    if flt.overdue_only:
        clauses += _overdue(now, walk)
    match = search_expression(flt.text)
    if match:
        clauses.append(
            ("m.id IN (SELECT rowid FROM mention_fts WHERE mention_fts MATCH ?)", [match])
        )
    sql = " AND ".join(c for c, _ in clauses)
    return (" WHERE " + sql) if sql else "", [p for _, ps in clauses for p in ps]


def _scope(flt: MentionFilter, paging: bool) -> list[_Clause]:
    """Which accounts and conversation the filter looks at."""
    clauses: list[_Clause] = []
    # Scope by account ids, so counting and paging need no join at all. A page walks its
    # order's index and checks the accounts on each row ("+"): the per-account indexes would
    # list each account's rows, then sort all of a client's together for every page.
    scope = "+" if paging else ""
    if flt.client_id is not None:
        clauses.append((
            f"{scope}m.account_id IN (SELECT id FROM account WHERE client_id = ?)",
            [flt.client_id],
        ))  # fmt: skip
    if flt.hidden_accounts:
        marks = ",".join("?" * len(flt.hidden_accounts))
        clauses.append((f"{scope}m.account_id NOT IN ({marks})", list(flt.hidden_accounts)))
    if flt.account_id is not None:
        one = "+" if paging and flt.sort == "urgent" else ""  # (account, time) is an index
        clauses.append((f"{one}m.account_id = ?", [flt.account_id]))
    if flt.network is not None:
        clauses.append((
            f"{scope}m.account_id IN (SELECT id FROM account WHERE network = ?)", [flt.network]
        ))  # fmt: skip
    if flt.conversation_of is not None:
        one = "(SELECT {} FROM mention WHERE id = ?)"
        clauses.append((
            f"m.account_id = {one.format('account_id')} AND (m.id = ? OR m.conversation_id ="
            f" {one.format('coalesce(conversation_id, remote_id)')})",
            [flt.conversation_of] * 3,
        ))  # fmt: skip
    return clauses


def _status(flt: MentionFilter) -> list[_Clause]:
    clauses: list[_Clause] = []
    if flt.statuses is not None:
        clauses.append(sql_in("m.status", flt.statuses))
    elif flt.conversation_of is None:
        clauses.append((f"m.status != '{MentionStatus.SNOOZED}'", []))  # out of sight until awake
    if flt.awaiting_reply_only:
        clauses.append(sql_in("m.status", AWAITING))
    return clauses


def _triage(flt: MentionFilter, walk: str) -> list[_Clause]:
    """What triage (or the manager) decided: category, priority, unsure calls."""
    clauses: list[_Clause] = []
    if flt.categories is not None:
        clauses.append(sql_in(f"{walk}coalesce(m.category_override, m.category)", flt.categories))
    if flt.priorities is not None:
        clauses.append(sql_in(f"{walk}m.priority", flt.priorities))
    if flt.unsure_only:
        clauses.append((_UNSURE.format(walk=walk), []))
    return clauses


def _overdue(now: datetime | None, walk: str) -> list[_Clause]:
    if now is None:
        raise ValueError("overdue_only needs the current time")
    if walk:
        # Walk the urgency index in order; status and due time checked on each row ("+").
        # (A count is quicker on the due index, which holds both.)
        status, params = sql_in("+m.status", AWAITING)
        return [
            overdue_sql("m.urgency", to_ms(now)),
            (status, params),
            ("+m.due_at < ?", [to_ms(now)]),
        ]
    return [sql_in("m.status", AWAITING), ("m.due_at < ?", [to_ms(now)])]


_SEARCH_WORD = re.compile(r"\w+")


def search_expression(text: str) -> str:
    """An FTS5 query for the words in ``text``: each a quoted prefix, all required. Whatever the
    user typed — quotes, operators, a lone ``*`` — is only ever words, so it cannot be malformed.
    (History search, with its operators, is issue 8's.)"""
    words = _SEARCH_WORD.findall(text[:1_000])[:20]
    return " AND ".join(f'"{word}"*' for word in words)


def count_mentions(
    db: Database, flt: MentionFilter = MentionFilter(), now: datetime | None = None
) -> int:
    where, params = _where(flt, now)
    count: int = db.query("SELECT count(*) FROM mention m" + where, params)[0][0]
    return count


def mention_rows(
    db: Database,
    flt: MentionFilter = MentionFilter(),
    offset: int = 0,
    limit: int = 200,
    now: datetime | None = None,
) -> list[MentionRow]:
    """One page of the feed in the filter's order.

    The page's ids are chosen on ``mention`` alone, walking the sort's index; only those rows are
    joined to their account, client and author."""
    where, params = _where(flt, now, paging=True)
    order = ORDER[flt.sort]
    page = f"SELECT m.id FROM mention m{where}{order} LIMIT ? OFFSET ?"
    sql = f"{ROW_SELECT} WHERE m.id IN ({page}){order}"
    return [to_row(r) for r in db.query(sql, (*params, limit, offset))]


def mention_ids(
    db: Database, flt: MentionFilter, limit: int, now: datetime | None = None
) -> list[int]:
    """The first ``limit`` ids in the filter's order: where new mentions go among the rows a feed
    holds, without reading those rows again."""
    where, params = _where(flt, now, paging=True)
    sql = f"SELECT m.id FROM mention m{where}{ORDER[flt.sort]} LIMIT ?"
    return [r[0] for r in db.query(sql, (*params, limit))]


def mention_rows_after(
    db: Database,
    flt: MentionFilter,
    last: MentionRow,
    limit: int = 200,
    now: datetime | None = None,
) -> list[MentionRow]:
    """The page that follows ``last`` in the filter's order. Keyset paging: it walks the sort's
    index from ``last`` on, so the page at row 90,000 costs what the first one does (OFFSET
    would step over every row before it)."""
    after = _after(flt.sort, last)
    if after is None:
        return []
    where, params = _where(flt, now, paging=True)
    where = f"{where} AND {after[0]}" if where else f" WHERE {after[0]}"
    order = ORDER[flt.sort]
    page = f"SELECT m.id FROM mention m{where}{order} LIMIT ?"
    sql = f"{ROW_SELECT} WHERE m.id IN ({page}){order}"
    return [to_row(r) for r in db.query(sql, (*params, *after[1], limit))]


def _after(sort: str, last: MentionRow) -> _Clause | None:
    if sort == "urgent":
        if last.urgency is None:
            return None
        # urgency ascending, id descending; the range on urgency keeps the index in use.
        return "m.urgency >= ? AND (m.urgency > ? OR m.id < ?)", [last.urgency] * 2 + [last.id]
    created = to_ms(last.created_at)
    if sort == "newest":
        return "(m.created_at, m.id) < (?, ?)", [created, last.id]
    return "(m.created_at, m.id) > (?, ?)", [created, last.id]


def went_overdue(db: Database, since: datetime, now: datetime) -> list[MentionRow]:
    """Mentions still waiting whose clock ran out in (since, now]."""
    where, params = sql_in("m.status", AWAITING)
    sql = ROW_SELECT + f" WHERE {where} AND m.due_at > ? AND m.due_at <= ?" + ORDER["urgent"]
    return [to_row(r) for r in db.query(sql, (*params, to_ms(since), to_ms(now)))]
