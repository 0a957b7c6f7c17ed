"""Mentions: the feed's pages, the detail of one, and every change the manager makes to them.

Plain ``sqlite3``: the feed and sync are hot paths, where an ORM round trip per row costs more than
the query. Each mention carries two derived columns kept current on every write: ``due_at`` (when
its clock runs out, service hours included) and ``urgency`` (its place in "most urgent first",
core/inbox.py), so the inbox's order and "overdue only" are indexed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from functools import lru_cache
from sys import intern

from socialdesk.core.inbox import overdue_sql, urgency
from socialdesk.core.mentions import FetchedMention
from socialdesk.core.models import (
    AuthorFlag,
    Category,
    DraftState,
    MentionStatus,
    OutboxState,
    Priority,
)
from socialdesk.core.priority import mention_priority
from socialdesk.core.service_hours import ServiceHours
from socialdesk.core.sla import due_at, response_clock
from socialdesk.store.clients import client_hours
from socialdesk.store.db import Database
from socialdesk.store.events import log_event
from socialdesk.store.values import AWAITING, clean_text, from_ms, to_ms

THREAD_LIMIT = 20  # earlier messages shown with a mention
HISTORY_LIMIT = 50  # an author's earlier mentions shown in the author panel


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


@dataclass(frozen=True)
class TriageFields:
    """What triage decided for a mention, as the store keeps it."""

    category: str
    sentiment: float
    priority: str
    reasons: tuple[str, ...] = ()
    sure: bool = True  # False: no word list decided (core.triage.Triage.sure); shown as "check"


@dataclass(frozen=True, slots=True)
class MentionRow:
    """One feed card's worth of a mention. Slots: a feed scrolled to its end holds 100,000 of
    these, and an instance dict (1.6 KB) would be most of their memory."""

    id: int
    account_id: int
    client_id: int
    client_name: str
    client_colour: str
    network: str
    account_handle: str
    author_id: int
    author_name: str
    author_handle: str
    author_flags: frozenset[str]
    text: str
    created_at: datetime
    status: str
    category: str | None
    category_overridden: bool
    triage_reasons: tuple[str, ...]
    sentiment: float | None
    priority: str | None
    first_response_at: datetime | None
    due_at: datetime | None
    snoozed_until: datetime | None
    response_target_minutes: int
    in_reply_to_remote_id: str | None
    conversation_id: str | None
    url: str | None
    remote_id: str
    urgency: int | None = None  # its place in the "most urgent" order (core/inbox.py)
    hidden: bool = False  # hidden by the brand on its network
    visibility: str | None = None  # who could see it (core.mentions.VISIBILITIES); None: all
    # Whether the category is a sure call: triage was sure, or the manager filed it (which always
    # wins). False: the card marks it "check" and the detail offers the category change.
    triage_sure: bool = True
    # Its reply being written ("editing") or waiting in review ("ready"); None: no live draft.
    draft: str | None = None


@dataclass(frozen=True)
class MentionDetail:
    row: MentionRow
    thread: list[MentionRow]  # earlier mentions in the same conversation, oldest first
    author_notes: str
    author_mention_count: int
    author_history: list[MentionRow] = field(default_factory=list)  # with this client, newest first
    # What SocialDesk posted in this conversation: (when, text), oldest first.
    sent_replies: list[tuple[datetime, str]] = field(default_factory=list)
    repeat_complainer: bool = False  # the author complained to this client before this mention


# -- reading -------------------------------------------------------------------------------------
# MentionRow's fields in order, each with the SQL that reads it.
_ROW_COLUMNS = {
    "id": "m.id",
    "account_id": "m.account_id",
    "client_id": "a.client_id",
    "client_name": "c.name",
    "client_colour": "c.colour",
    "network": "a.network",
    "account_handle": "a.handle",
    "author_id": "m.author_id",
    "author_name": "coalesce(nullif(au.display_name, ''), au.handle)",
    "author_handle": "au.handle",
    "author_flags": "au.flags",
    "text": "m.text",
    "created_at": "m.created_at",
    "status": "m.status",
    "category": "coalesce(m.category_override, m.category)",  # the manager's override wins
    "category_overridden": "m.category_override IS NOT NULL",
    "triage_reasons": "m.triage_reasons",
    "sentiment": "m.sentiment",
    "priority": "m.priority",
    "first_response_at": "m.first_response_at",
    "due_at": "m.due_at",
    "snoozed_until": "m.snoozed_until",
    "response_target_minutes": "c.response_target_minutes",
    "in_reply_to_remote_id": "m.in_reply_to_remote_id",
    "conversation_id": "m.conversation_id",
    "url": "m.url",
    "remote_id": "m.remote_id",
    "urgency": "m.urgency",
    "hidden": "m.hidden_at IS NOT NULL",
    "visibility": "m.visibility",
    "triage_sure": "m.triage_sure OR m.category_override IS NOT NULL",
    # One lookup in ix_draft_mention_state per card shown.
    "draft": (
        "(SELECT d.state FROM draft d WHERE d.mention_id = m.id"
        f" AND d.state IN ('{DraftState.EDITING}', '{DraftState.READY}')"
        " ORDER BY d.updated_at DESC LIMIT 1)"
    ),
}
_FROM = (
    " FROM mention m JOIN account a ON a.id = m.account_id JOIN client c ON c.id = a.client_id"
    " JOIN author au ON au.id = m.author_id"
)
_ROW_SELECT = f"SELECT {', '.join(_ROW_COLUMNS.values())}" + _FROM
# Whether mention m's author complained to the same client before it (SQL, with m and a in scope).
_REPEAT_COMPLAINER = (
    "EXISTS (SELECT 1 FROM mention e JOIN account ea ON ea.id = e.account_id"
    " WHERE e.author_id = m.author_id AND ea.client_id = a.client_id"
    f" AND coalesce(e.category_override, e.category) = '{Category.COMPLAINT}'"
    " AND e.created_at < m.created_at)"
)
# Triage was not sure of the category, and the manager has not filed it (MentionRow.triage_sure).
_UNSURE = "{walk}m.triage_sure = 0 AND m.category_override IS NULL"
_ORDER = {
    "urgent": " ORDER BY m.urgency, m.id DESC",
    "newest": " ORDER BY m.created_at DESC, m.id DESC",
    "oldest": " ORDER BY m.created_at, m.id",
}


@lru_cache(maxsize=1024)
def _flags(flags: str) -> frozenset[str]:
    return frozenset(filter(None, flags.split(",")))


@lru_cache(maxsize=4096)
def _reasons(reasons: str | None) -> tuple[str, ...]:
    return tuple(json.loads(reasons)) if reasons else ()


_CONVERT = {
    "author_flags": _flags,  # few distinct values: each read once
    "category_overridden": bool,
    "hidden": bool,
    "triage_sure": bool,
    "triage_reasons": _reasons,
    "created_at": from_ms,
    "first_response_at": from_ms,
    "due_at": from_ms,
    "snoozed_until": from_ms,
}
assert list(_ROW_COLUMNS) == [f.name for f in fields(MentionRow)]


def _shared(text: str | None) -> str | None:
    """One string object for the values many rows repeat (client, network, status, author…)."""
    return None if text is None else intern(text)


for _name in (
    "client_name", "client_colour", "network", "account_handle", "author_name", "author_handle",
    "status", "category", "priority", "visibility", "draft",
):  # fmt: skip
    _CONVERT[_name] = _shared
_CONVERTED = tuple((i, _CONVERT[name]) for i, name in enumerate(_ROW_COLUMNS) if name in _CONVERT)


def _row(r: Sequence) -> MentionRow:
    """A card from its SQL row, converting only the columns that need it."""
    values = list(r)
    for i, convert in _CONVERTED:
        values[i] = convert(values[i])
    return MentionRow(*values)


def _in(column: str, values: Sequence) -> tuple[str, list]:
    return f"{column} IN ({','.join('?' * len(values))})", list(values)


def _where(flt: MentionFilter, now: datetime | None, paging: bool = False) -> tuple[str, list]:
    clauses: list[tuple[str, list]] = []
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
    if flt.statuses is not None:
        clauses.append(_in("m.status", flt.statuses))
    elif flt.conversation_of is None:
        clauses.append((f"m.status != '{MentionStatus.SNOOZED}'", []))  # out of sight until awake
    if flt.awaiting_reply_only:
        clauses.append(_in("m.status", AWAITING))
    # A page in the most-urgent order walks the urgency index and checks these on each row ("+"):
    # their own indexes (0013) are for counting, and would make every page sort all matches.
    walk = "+" if paging and flt.sort == "urgent" else ""
    if flt.categories is not None:
        clauses.append(_in(f"{walk}coalesce(m.category_override, m.category)", flt.categories))
    if flt.priorities is not None:
        clauses.append(_in(f"{walk}m.priority", flt.priorities))
    if flt.unsure_only:
        clauses.append((_UNSURE.format(walk=walk), []))
    if flt.overdue_only:
        if now is None:
            raise ValueError("overdue_only needs the current time")
        if walk:
            # Walk the urgency index in order; status and due time checked on each row ("+").
            # (A count is quicker on the due index, which holds both.)
            clauses.append(overdue_sql("m.urgency", to_ms(now)))
            status, params = _in("+m.status", AWAITING)
            clauses += [(status, params), ("+m.due_at < ?", [to_ms(now)])]
        else:
            clauses.append(_in("m.status", AWAITING))
            clauses.append(("m.due_at < ?", [to_ms(now)]))
    match = search_expression(flt.text)
    if match:
        clauses.append(
            ("m.id IN (SELECT rowid FROM mention_fts WHERE mention_fts MATCH ?)", [match])
        )
    sql = " AND ".join(c for c, _ in clauses)
    return (" WHERE " + sql) if sql else "", [p for _, ps in clauses for p in ps]


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
    return db.query("SELECT count(*) FROM mention m" + where, params)[0][0]


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
    order = _ORDER[flt.sort]
    page = f"SELECT m.id FROM mention m{where}{order} LIMIT ? OFFSET ?"
    sql = f"{_ROW_SELECT} WHERE m.id IN ({page}){order}"
    return [_row(r) for r in db.query(sql, (*params, limit, offset))]


def mention_ids(
    db: Database, flt: MentionFilter, limit: int, now: datetime | None = None
) -> list[int]:
    """The first ``limit`` ids in the filter's order: where new mentions go among the rows a feed
    holds, without reading those rows again."""
    where, params = _where(flt, now, paging=True)
    sql = f"SELECT m.id FROM mention m{where}{_ORDER[flt.sort]} LIMIT ?"
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
    order = _ORDER[flt.sort]
    page = f"SELECT m.id FROM mention m{where}{order} LIMIT ?"
    sql = f"{_ROW_SELECT} WHERE m.id IN ({page}){order}"
    return [_row(r) for r in db.query(sql, (*params, *after[1], limit))]


def _after(sort: str, last: MentionRow) -> tuple[str, list] | None:
    if sort == "urgent":
        if last.urgency is None:
            return None
        # urgency ascending, id descending; the range on urgency keeps the index in use.
        return "m.urgency >= ? AND (m.urgency > ? OR m.id < ?)", [last.urgency] * 2 + [last.id]
    created = to_ms(last.created_at)
    if sort == "newest":
        return "(m.created_at, m.id) < (?, ?)", [created, last.id]
    return "(m.created_at, m.id) > (?, ?)", [created, last.id]


def rows_by_id(db: Database, ids: Sequence[int]) -> list[MentionRow]:
    where, params = _in("m.id", ids)
    return [_row(r) for r in db.query(_ROW_SELECT + " WHERE " + where, params)]


def went_overdue(db: Database, since: datetime, now: datetime) -> list[MentionRow]:
    """Mentions still waiting whose clock ran out in (since, now]."""
    where, params = _in("m.status", AWAITING)
    sql = _ROW_SELECT + f" WHERE {where} AND m.due_at > ? AND m.due_at <= ?" + _ORDER["urgent"]
    return [_row(r) for r in db.query(sql, (*params, to_ms(since), to_ms(now)))]


def mention_row(db: Database, mention_id: int) -> MentionRow | None:
    rows = db.query(_ROW_SELECT + " WHERE m.id = ?", (mention_id,))
    return _row(rows[0]) if rows else None


def mention_detail(db: Database, mention_id: int) -> MentionDetail | None:
    row = mention_row(db, mention_id)
    if row is None:
        return None
    thread: list[MentionRow] = []
    if row.conversation_id:
        earlier = db.query(
            _ROW_SELECT + " WHERE m.account_id = ? AND m.conversation_id = ?"
            " AND (m.created_at, m.id) < (?, ?)" + _ORDER["newest"] + " LIMIT ?",
            (row.account_id, row.conversation_id, to_ms(row.created_at), row.id, THREAD_LIMIT),
        )
        thread = [_row(r) for r in reversed(earlier)]
    history = db.query(
        _ROW_SELECT
        + " WHERE m.author_id = ? AND a.client_id = ? AND m.id != ?"
        + _ORDER["newest"]
        + " LIMIT ?",
        (row.author_id, row.client_id, row.id, HISTORY_LIMIT),
    )
    notes, count = db.query(
        "SELECT notes, (SELECT count(*) FROM mention WHERE author_id = ?) FROM author WHERE id = ?",
        (row.author_id, row.author_id),
    )[0]
    repeat = db.query(
        f"SELECT {_REPEAT_COMPLAINER} FROM mention m JOIN account a ON a.id = m.account_id"
        " WHERE m.id = ?",
        (row.id,),
    )[0][0]
    sent = db.query(
        "SELECT sent_at, text FROM outbox_item WHERE account_id = ?"
        f" AND state = '{OutboxState.SENT}' AND (mention_id = ? OR conversation_id = ?)"
        " ORDER BY sent_at",
        (row.account_id, row.id, row.conversation_id or row.remote_id),
    )
    return MentionDetail(
        row,
        thread,
        notes,
        count,
        [_row(r) for r in history],
        [(from_ms(t), x) for t, x in sent],
        bool(repeat),
    )


# -- storing what sync fetched -------------------------------------------------------------------
def upsert_mentions(
    db: Database,
    account_id: int,
    mentions: Iterable[FetchedMention],
    received_at: datetime,
    triage: Sequence[TriageFields | None] | None = None,
    *,
    weigh: bool = False,
) -> list[int]:
    """Store what a sync fetched, with its triage (``triage[i]`` for ``mentions[i]``). A mention
    already stored is left as it is (statuses, triage and all). Returns the ids of the mentions that
    were new, oldest first.

    ``weigh``: each new mention's priority is weighed at ``received_at`` as ``reprioritise`` would
    weigh it right after (its author's flags, an earlier complaint to the client, its clock), in
    the same pass: what reprioritise reads back and updates is known here already."""
    mentions = list(mentions)
    if not mentions:
        return []
    triage = list(triage) if triage is not None else [None] * len(mentions)
    received = to_ms(received_at)
    with db.transaction() as conn:
        found = conn.execute(
            "SELECT a.network, c.response_target_minutes, c.service_hours, c.timezone, c.id"
            " FROM account a JOIN client c ON c.id = a.client_id WHERE a.id = ?",
            (account_id,),
        ).fetchone()
        if found is None:
            raise ValueError(f"no account with id {account_id}")
        network, target, hours_json, tz, client_id = found
        hours = client_hours(json.loads(hours_json) if hours_json else None, tz)
        authors = _upsert_authors(conn, network, mentions)
        conversations = _known_conversations(conn, account_id, mentions)
        if weigh:
            complained = _first_complaints(conn, client_id, account_id, mentions, triage, authors)
        before = conn.execute("SELECT coalesce(max(id), 0) FROM mention").fetchone()[0]
        rows = []
        for m, t in zip(mentions, triage, strict=True):
            # A reply joins the conversation of what it answers, when that is known here: the
            # network may name only the parent (Mastodon), which would split one thread in two.
            conversation = conversations.get(m.in_reply_to_remote_id) or m.conversation_id
            conversations[m.remote_id] = conversation
            created = to_ms(m.created_at)
            due = to_ms(due_at(m.created_at, target, hours))
            author_id, flags = authors[m.author.remote_id]
            priority = t.priority if t else None
            if weigh and t is not None:
                first = complained.get(author_id)
                priority = _weighed(
                    t.category, t.sentiment, created, flags, first is not None and first < created,
                    target, hours, received_at,
                )  # fmt: skip
            rows.append((
                account_id, m.remote_id, author_id, clean_text(m.text), created,
                received, m.url, m.in_reply_to_remote_id, conversation, due,
                urgency(MentionStatus.NEW, priority, due, created),
                t.category if t else None, t.sentiment if t else None, priority,
                json.dumps(t.reasons) if t else None, m.visibility, t.sure if t else True,
            ))  # fmt: skip
        conn.executemany(
            "INSERT INTO mention (account_id, remote_id, author_id, text, created_at, received_at,"
            " url, in_reply_to_remote_id, conversation_id, status, due_at, urgency, category,"
            " sentiment, priority, triage_reasons, visibility, triage_sure)"
            f" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '{MentionStatus.NEW}', ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (account_id, remote_id) DO NOTHING",
            rows,
        )
        # Ids only grow, and we hold the write lock: everything past ``before`` is ours.
        new = conn.execute(
            "SELECT id FROM mention WHERE id > ? AND account_id = ? ORDER BY id",
            (before, account_id),
        ).fetchall()
    return [r[0] for r in new]


def stored_remote_ids(db: Database, account_id: int, remote_ids: Sequence[str]) -> set[str]:
    """Which of ``remote_ids`` this account's store already holds (a sync re-reads a window)."""
    found: set[str] = set()
    for start in range(0, len(remote_ids), 500):  # SQLite's bound-parameter limit
        chunk = list(remote_ids[start : start + 500])
        found.update(r[0] for r in db.query(
            f"SELECT remote_id FROM mention WHERE account_id = ?"
            f" AND remote_id IN ({','.join('?' * len(chunk))})",
            (account_id, *chunk),
        ))  # fmt: skip
    return found


def _known_conversations(conn, account_id: int, mentions: list[FetchedMention]) -> dict[str, str]:
    """remote id → conversation, for what these mentions answer that the store already has: a
    stored mention, or a reply we sent (it belongs to the conversation of what it answered)."""
    parents = list({m.in_reply_to_remote_id for m in mentions if m.in_reply_to_remote_id})
    found: dict[str, str] = {}
    for start in range(0, len(parents), 500):  # SQLite's bound-parameter limit
        chunk = parents[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(conn.execute(
            f"SELECT remote_id, conversation_id FROM mention WHERE account_id = ?"
            f" AND remote_id IN ({marks}) AND conversation_id IS NOT NULL"
            f" UNION ALL SELECT o.remote_id, m.conversation_id FROM outbox_item o"
            f" JOIN mention m ON m.id = o.mention_id WHERE o.account_id = ?"
            f" AND o.remote_id IN ({marks}) AND m.conversation_id IS NOT NULL",
            (account_id, *chunk, account_id, *chunk),
        ).fetchall())  # fmt: skip
    return found


def _upsert_authors(
    conn, network: str, mentions: list[FetchedMention]
) -> dict[str, tuple[int, str]]:
    """remote id → (author id, flags) for the authors of ``mentions``, stored or updated."""
    latest = {m.author.remote_id: m.author for m in mentions}  # the newest name wins
    ids = {}
    for remote_id, author in latest.items():
        ids[remote_id] = conn.execute(
            "INSERT INTO author (network, remote_id, handle, display_name, flags, notes)"
            " VALUES (?, ?, ?, ?, '', '') ON CONFLICT (network, remote_id) DO UPDATE SET"
            " handle = excluded.handle, display_name = excluded.display_name"
            " RETURNING id, flags",
            (network, remote_id, clean_text(author.handle), clean_text(author.display_name)),
        ).fetchone()
    return ids


def _first_complaints(
    conn,
    client_id: int,
    account_id: int,
    mentions: list[FetchedMention],
    triage: list[TriageFields | None],
    authors: dict[str, tuple[int, str]],
) -> dict[int, int]:
    """author id → when (ms) they first complained to this client: in the store, or among the
    mentions about to be stored (``_REPEAT_COMPLAINER``'s question, for a whole batch at once)."""
    remote_ids = [m.remote_id for m in mentions]
    stored: set[str] = set()
    first: dict[int, int] = {}
    for start in range(0, len(mentions), 500):  # SQLite's bound-parameter limit
        chunk = remote_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        stored.update(r[0] for r in conn.execute(
            f"SELECT remote_id FROM mention WHERE account_id = ? AND remote_id IN ({marks})",
            (account_id, *chunk),
        ))  # fmt: skip
    author_ids = list({author_id for author_id, _flags in authors.values()})
    for start in range(0, len(author_ids), 500):
        chunk = author_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        first.update(conn.execute(
            "SELECT m.author_id, min(m.created_at) FROM mention m"
            " JOIN account a ON a.id = m.account_id"
            f" WHERE a.client_id = ? AND m.author_id IN ({marks})"
            f" AND coalesce(m.category_override, m.category) = '{Category.COMPLAINT}'"
            " GROUP BY m.author_id",
            (client_id, *chunk),
        ).fetchall())  # fmt: skip
    for m, t in zip(mentions, triage, strict=True):
        if t is None or t.category != Category.COMPLAINT or m.remote_id in stored:
            continue  # only what will be stored as a complaint (a stored one was read above)
        stored.add(m.remote_id)  # the first of a repeated remote id is the one stored
        author_id, created = authors[m.author.remote_id][0], to_ms(m.created_at)
        first[author_id] = min(first.get(author_id, created), created)
    return first


def _weighed(
    category: str,
    sentiment: float | None,
    created: int,
    flags: str,
    repeat: bool,
    target: int,
    hours: ServiceHours | None,
    now: datetime,
) -> Priority:
    """A waiting mention's priority with what arrival triage cannot weigh (reprioritise)."""
    clock = response_clock(from_ms(created), target, now, awaiting_reply=True, hours=hours)
    level, _why = mention_priority(
        category, sentiment, author_flags=_flags(flags), repeat_complainer=repeat, clock=clock
    )
    return level


def fill_due_times(db: Database) -> int:
    """Give rows stored before due times existed their ``due_at`` and ``urgency``; returns how
    many. Quick when there are none (a partial index finds them)."""
    with db.transaction() as conn:
        rows = conn.execute(
            "SELECT m.id, m.status, m.priority, m.created_at, c.response_target_minutes,"
            " c.service_hours, c.timezone FROM mention m JOIN account a ON a.id = m.account_id"
            " JOIN client c ON c.id = a.client_id WHERE m.due_at IS NULL"
        ).fetchall()
        updates = []
        for mid, status, priority, created, target, hours_json, tz in rows:
            hours = client_hours(json.loads(hours_json) if hours_json else None, tz)
            due = to_ms(due_at(from_ms(created), target, hours))
            updates.append((due, urgency(status, priority, due, created), mid))
        conn.executemany("UPDATE mention SET due_at = ?, urgency = ? WHERE id = ?", updates)
    return len(updates)


# -- priority after arrival ---------------------------------------------------------------------
def reprioritise(db: Database, ids: Sequence[int], now: datetime) -> list[int]:
    """Weigh again what triage at arrival could not know: the author's flags (VIP), a repeat
    complainer (an earlier complaint to the same client), the manager's category, and the response
    clock (due soon or overdue). Updates priority and the inbox order of the waiting ones among
    ``ids``; returns those whose priority changed."""
    if not ids:
        return []
    where, params = _in("m.id", ids)
    waiting, wparams = _in("m.status", AWAITING)
    rows = db.query(
        "SELECT m.id, m.status, coalesce(m.category_override, m.category), m.sentiment,"
        " m.priority, m.created_at, m.due_at, au.flags, c.response_target_minutes,"
        f" c.service_hours, c.timezone, {_REPEAT_COMPLAINER}"
        f"{_FROM} WHERE {where} AND {waiting}",
        [*params, *wparams],
    )
    changed = []
    clients_hours: dict[tuple[str | None, str], ServiceHours | None] = {}  # each client's, once
    for (
        mid,
        status,
        category,
        sentiment,
        old,
        created,
        due,
        flags,
        target,
        hours,
        tz,
        repeat,
    ) in rows:
        if category is None:
            continue
        if (hours, tz) not in clients_hours:
            clients_hours[hours, tz] = client_hours(json.loads(hours) if hours else None, tz)
        level = _weighed(
            category, sentiment, created, flags, bool(repeat), target, clients_hours[hours, tz], now
        )
        if level != old:
            changed.append((level, urgency(status, level, due, created), mid))
    if changed:
        with db.transaction() as conn:
            conn.executemany("UPDATE mention SET priority = ?, urgency = ? WHERE id = ?", changed)
    return [mid for *_, mid in changed]


def coming_due(db: Database, now: datetime) -> list[int]:
    """Waiting questions and complaints not yet urgent whose clock may be in its last
    quarter or past: the candidates ``reprioritise`` turns urgent. (Wall-clock minutes overstate
    the service minutes left, so this may include a few too many, never too few.)"""
    waiting, params = _in("m.status", AWAITING)
    return [r[0] for r in db.query(
        "SELECT m.id FROM mention m JOIN account a ON a.id = m.account_id"
        " JOIN client c ON c.id = a.client_id"
        f" WHERE {waiting} AND m.priority IN ('{Priority.HIGH}', '{Priority.NORMAL}')"
        " AND coalesce(m.category_override, m.category)"
        f" IN ('{Category.QUESTION}', '{Category.COMPLAINT}')"
        " AND m.due_at <= ? + c.response_target_minutes * 15000",  # a quarter of the target, in ms
        [*params, to_ms(now)],
    )]  # fmt: skip


def author_mention_ids(db: Database, author_id: int) -> list[int]:
    return [r[0] for r in db.query("SELECT id FROM mention WHERE author_id = ?", (author_id,))]


# -- the manager's changes -----------------------------------------------------------------------
@dataclass(frozen=True)
class MentionState:
    """What an action on a mention may change: read before the action, restored by undo."""

    id: int
    status: str
    snoozed_until: int | None
    category_override: str | None


def mention_states(db: Database, ids: Sequence[int]) -> list[MentionState]:
    where, params = _in("id", ids)
    rows = db.query(
        f"SELECT id, status, snoozed_until, category_override FROM mention WHERE {where}", params
    )
    return [MentionState(*r) for r in rows]


def restore_states(db: Database, states: Sequence[MentionState], *, at: datetime) -> None:
    """Put mentions back as ``mention_states`` read them (undo)."""
    with db.transaction():
        for s in states:
            _set_statuses(db, [s.id], s.status, at=at, snoozed_until=s.snoozed_until)
            _set_override(db, [s.id], s.category_override)


def set_mention_status(
    db: Database,
    ids: int | Sequence[int],
    status: str,
    *,
    at: datetime | None = None,
    snoozed_until: datetime | None = None,
) -> None:
    """Change the status of one or many mentions, logging each change. Snoozing needs a time."""
    status = MentionStatus(status).value
    if (status == MentionStatus.SNOOZED) != (snoozed_until is not None):
        raise ValueError("a snoozed mention needs the time it wakes up, and only a snoozed one")
    ids = [ids] if isinstance(ids, int) else list(ids)
    until = to_ms(snoozed_until) if snoozed_until else None
    with db.transaction():
        _set_statuses(db, ids, status, at=at or datetime.now(UTC), snoozed_until=until)


def _set_statuses(
    db: Database, ids: Sequence[int], status: str, *, at: datetime, snoozed_until: int | None
) -> None:
    where, params = _in("id", ids)
    conn = db.connection()
    rows = conn.execute(
        f"SELECT id, status, priority, due_at, created_at FROM mention WHERE {where}", params
    ).fetchall()
    when = to_ms(at)
    for mid, old, priority, due, created in rows:
        conn.execute(
            "UPDATE mention SET status = ?, snoozed_until = ?, status_changed_at = ?, urgency = ?"
            " WHERE id = ?",
            (status, snoozed_until, when, urgency(status, priority, due, created), mid),
        )
        if old != status:
            log_event(
                db, "mention.status", mention_id=mid, detail={"from": old, "to": status}, at=at
            )


def set_hidden(db: Database, mention_id: int, hidden: bool, *, at: datetime) -> None:
    """Record that the brand hid this reply on its network (or showed it again). Hiding one that
    waits for an answer also ignores it: a hidden troll gets no public answer (customer-care.md),
    so its clock stops."""
    with db.transaction() as conn:
        conn.execute(
            "UPDATE mention SET hidden_at = ? WHERE id = ?",
            (to_ms(at) if hidden else None, mention_id),
        )
        row = conn.execute("SELECT status FROM mention WHERE id = ?", (mention_id,)).fetchone()
        if hidden and row and MentionStatus(row[0]).awaits_reply:
            _set_statuses(db, [mention_id], MentionStatus.IGNORED, at=at, snoozed_until=None)
        log_event(db, "mention.hidden" if hidden else "mention.shown", mention_id=mention_id, at=at)


def wake_snoozed(db: Database, now: datetime) -> list[int]:
    """Snoozed mentions whose time has come go back to open; returns their ids."""
    ids = [r[0] for r in db.query(
        f"SELECT id FROM mention WHERE status = '{MentionStatus.SNOOZED}' AND snoozed_until <= ?",
        (to_ms(now),),
    )]  # fmt: skip
    if ids:
        with db.transaction():
            _set_statuses(db, ids, MentionStatus.OPEN, at=now, snoozed_until=None)
    return ids


def set_category(db: Database, ids: Sequence[int], category: str | None) -> None:
    """The manager's category for these mentions (None: back to triage's); it wins over triage."""
    if category is not None:
        Category(category)
    with db.transaction():
        _set_override(db, ids, category)


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


def _set_override(db: Database, ids: Sequence[int], category: str | None) -> None:
    where, params = _in("id", ids)
    db.connection().execute(
        f"UPDATE mention SET category_override = ? WHERE {where}", [category, *params]
    )


def set_author_flags(db: Database, author_id: int, flags: Iterable[str]) -> None:
    value = ",".join(sorted(AuthorFlag(f).value for f in flags))
    with db.transaction() as conn:
        conn.execute("UPDATE author SET flags = ? WHERE id = ?", (value, author_id))


def set_author_notes(db: Database, author_id: int, notes: str) -> None:
    with db.transaction() as conn:
        conn.execute("UPDATE author SET notes = ? WHERE id = ?", (clean_text(notes), author_id))


def set_outcomes(
    db: Database, outcomes: Iterable[tuple[int, str, datetime | None]], *, at: datetime
) -> None:
    """Bulk-set (mention id, status, first response time) — for imports and the demo's history."""
    outcomes = list(outcomes)
    with db.transaction() as conn:
        for mid, status, first in outcomes:
            _set_statuses(db, [mid], MentionStatus(status).value, at=at, snoozed_until=None)
            if first is not None:
                conn.execute(
                    "UPDATE mention SET first_response_at = ? WHERE id = ?", (to_ms(first), mid)
                )
