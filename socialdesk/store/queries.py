"""Reads and writes the rest of the app uses, in plain ``sqlite3`` (the feed and sync are hot paths;
an ORM round trip per row would cost more than the query).

Results are frozen dataclasses with timezone-aware UTC datetimes; the store's INTEGER milliseconds
never leave this module.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from socialdesk.core.mentions import FetchedMention
from socialdesk.core.models import MentionStatus, Network
from socialdesk.core.service_hours import ServiceHours, ServiceHoursError
from socialdesk.core.sla import overdue_before
from socialdesk.store.db import Database

log = logging.getLogger(__name__)

AWAITING = tuple(s.value for s in MentionStatus if s.awaits_reply)
THREAD_LIMIT = 20  # earlier messages shown with a mention; older ones are one click away later


# -- time ----------------------------------------------------------------------------------------
def to_ms(moment: datetime) -> int:
    if moment.tzinfo is None:
        raise ValueError("the store only takes timezone-aware datetimes")
    return int(moment.timestamp() * 1000)


def from_ms(ms: int | None) -> datetime | None:
    return None if ms is None else datetime.fromtimestamp(ms / 1000, UTC)


def clean_text(text: str) -> str:
    """Text SQLite can store: a lone surrogate (from a broken JSON escape) becomes U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


# -- result types --------------------------------------------------------------------------------
@dataclass(frozen=True)
class AccountSummary:
    id: int
    client_id: int
    network: str
    handle: str
    display_name: str
    server_url: str | None
    remote_id: str | None
    sync_cursor: str | None
    sync_state: str
    last_synced_at: datetime | None
    last_error: str | None
    unread: int = 0
    overdue: int = 0


@dataclass(frozen=True)
class ClientSummary:
    id: int
    name: str
    colour: str
    response_target_minutes: int
    service_hours: dict | None
    timezone: str
    unread: int = 0
    overdue: int = 0
    accounts: list[AccountSummary] = field(default_factory=list)


@dataclass(frozen=True)
class MentionFilter:
    client_id: int | None = None
    account_id: int | None = None
    statuses: tuple[str, ...] | None = None  # None: every status
    awaiting_reply_only: bool = False


@dataclass(frozen=True)
class MentionRow:
    """One feed card's worth of a mention."""

    id: int
    account_id: int
    client_id: int
    client_name: str
    client_colour: str
    network: str
    account_handle: str
    author_name: str
    author_handle: str
    author_flags: frozenset[str]
    text: str
    created_at: datetime
    status: str
    category: str | None
    priority: str | None
    first_response_at: datetime | None
    response_target_minutes: int
    in_reply_to_remote_id: str | None
    conversation_id: str | None
    url: str | None
    remote_id: str


@dataclass(frozen=True)
class MentionDetail:
    row: MentionRow
    thread: list[MentionRow]  # earlier mentions in the same conversation, oldest first
    author_notes: str
    author_mention_count: int


@dataclass(frozen=True)
class EventRecord:
    id: int
    kind: str
    at: datetime
    client_id: int | None
    account_id: int | None
    mention_id: int | None
    detail: dict


# -- clients and accounts ------------------------------------------------------------------------
def add_client(
    db: Database,
    name: str,
    colour: str = "#5B6CFF",
    *,
    response_target_minutes: int = 60,
    service_hours: dict | None = None,
    timezone: str = "UTC",
    at: datetime | None = None,
) -> int:
    with db.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO client (name, colour, response_target_minutes, service_hours, timezone,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                name,
                colour,
                response_target_minutes,
                json.dumps(service_hours) if service_hours is not None else None,
                timezone,
                to_ms(at or datetime.now(UTC)),
            ),
        )
        return cur.lastrowid


def add_account(
    db: Database,
    client_id: int,
    network: str,
    handle: str,
    display_name: str = "",
    *,
    server_url: str | None = None,
    remote_id: str | None = None,
    at: datetime | None = None,
) -> int:
    Network(network)  # ValueError for anything but x, mastodon, bluesky
    with db.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO account (client_id, network, handle, display_name, server_url, remote_id,"
            " sync_state, created_at) VALUES (?, ?, ?, ?, ?, ?, 'idle', ?)",
            (
                client_id,
                network,
                handle,
                display_name,
                server_url,
                remote_id,
                to_ms(at or datetime.now(UTC)),
            ),
        )
        return cur.lastrowid


def count_accounts(db: Database) -> int:
    return db.query("SELECT count(*) FROM account")[0][0]


_ACCOUNT_COLUMNS = (
    "a.id, a.client_id, a.network, a.handle, a.display_name, a.server_url, a.remote_id,"
    " a.sync_cursor, a.sync_state, a.last_synced_at, a.last_error"
)


def _account(row: Sequence, unread: int = 0, overdue: int = 0) -> AccountSummary:
    *head, synced_at, last_error = row
    return AccountSummary(*head, from_ms(synced_at), last_error, unread, overdue)


def list_accounts(db: Database) -> list[AccountSummary]:
    rows = db.query(f"SELECT {_ACCOUNT_COLUMNS} FROM account a ORDER BY a.client_id, a.id")
    return [_account(r) for r in rows]


def get_account(db: Database, account_id: int) -> AccountSummary | None:
    rows = db.query(f"SELECT {_ACCOUNT_COLUMNS} FROM account a WHERE a.id = ?", (account_id,))
    return _account(rows[0]) if rows else None


def list_clients(db: Database, now: datetime) -> list[ClientSummary]:
    """Every client with its accounts and their unread (new) and overdue counts. Overdue respects
    each client's service hours: the clock pauses outside them."""
    clients = db.query(
        "SELECT id, name, colour, response_target_minutes, service_hours, timezone FROM client"
        " ORDER BY name COLLATE NOCASE, id"
    )
    result = []
    for cid, name, colour, target, hours_json, tz in clients:
        hours = json.loads(hours_json) if hours_json else None
        cutoff = overdue_before(now, target, client_hours(hours, tz))
        accounts = _accounts_with_counts(db, cid, to_ms(cutoff))
        result.append(
            ClientSummary(
                cid,
                name,
                colour,
                target,
                hours,
                tz,
                unread=sum(a.unread for a in accounts),
                overdue=sum(a.overdue for a in accounts),
                accounts=accounts,
            )
        )
    return result


def client_hours(hours: dict | None, timezone: str) -> ServiceHours | None:
    """A client's usable service hours; hours that cannot be used count as around the clock (the
    client editor refuses them; this guards files edited by hand)."""
    try:
        return ServiceHours.parse(hours, timezone)
    except ServiceHoursError as exc:
        log.warning("Ignoring service hours: %s", exc)
        return None


def _accounts_with_counts(db: Database, client_id: int, cutoff_ms: int) -> list[AccountSummary]:
    placeholders = ",".join("?" * len(AWAITING))
    rows = db.query(
        f"SELECT {_ACCOUNT_COLUMNS},"
        " coalesce(sum(m.status = 'new'), 0), coalesce(sum(m.created_at < ?), 0)"
        " FROM account a LEFT JOIN mention m ON m.account_id = a.id"
        f"  AND m.status IN ({placeholders}) AND m.first_response_at IS NULL"
        " WHERE a.client_id = ? GROUP BY a.id ORDER BY a.id",
        (cutoff_ms, *AWAITING, client_id),
    )
    return [_account(r[:-2], r[-2], r[-1]) for r in rows]


def set_sync_state(
    db: Database,
    account_id: int,
    *,
    state: str,
    cursor: Any = ...,
    error: str | None = None,
    at: datetime | None = None,
) -> None:
    """Record a sync's outcome. ``cursor`` left out keeps the stored one."""
    sets, params = ["sync_state = ?", "last_error = ?"], [state, error]
    if cursor is not ...:
        sets.append("sync_cursor = ?")
        params.append(cursor)
    if at is not None:
        sets.append("last_synced_at = ?")
        params.append(to_ms(at))
    with db.transaction() as conn:
        conn.execute(f"UPDATE account SET {', '.join(sets)} WHERE id = ?", (*params, account_id))


# -- mentions ------------------------------------------------------------------------------------
# MentionRow's fields in order, each with the SQL that reads it.
_ROW_COLUMNS = {
    "id": "m.id",
    "account_id": "m.account_id",
    "client_id": "a.client_id",
    "client_name": "c.name",
    "client_colour": "c.colour",
    "network": "a.network",
    "account_handle": "a.handle",
    "author_name": "coalesce(nullif(au.display_name, ''), au.handle)",
    "author_handle": "au.handle",
    "author_flags": "au.flags",
    "text": "m.text",
    "created_at": "m.created_at",
    "status": "m.status",
    "category": "coalesce(m.category_override, m.category)",  # the manager's override wins
    "priority": "m.priority",
    "first_response_at": "m.first_response_at",
    "response_target_minutes": "c.response_target_minutes",
    "in_reply_to_remote_id": "m.in_reply_to_remote_id",
    "conversation_id": "m.conversation_id",
    "url": "m.url",
    "remote_id": "m.remote_id",
}
_ROW_SELECT = (
    f"SELECT {', '.join(_ROW_COLUMNS.values())}"
    " FROM mention m JOIN account a ON a.id = m.account_id JOIN client c ON c.id = a.client_id"
    " JOIN author au ON au.id = m.author_id"
)
_NEWEST_FIRST = " ORDER BY m.created_at DESC, m.id DESC"
_CONVERT = {
    "author_flags": lambda flags: frozenset(filter(None, flags.split(","))),
    "created_at": from_ms,
    "first_response_at": from_ms,
}


def _row(r: Sequence) -> MentionRow:
    values = zip(_ROW_COLUMNS, r, strict=True)
    return MentionRow(**{name: _CONVERT[name](v) if name in _CONVERT else v for name, v in values})


def _where(flt: MentionFilter) -> tuple[str, list]:
    clauses, params = [], []
    if flt.client_id is not None:
        clauses.append("a.client_id = ?")
        params.append(flt.client_id)
    if flt.account_id is not None:
        clauses.append("m.account_id = ?")
        params.append(flt.account_id)
    statuses = AWAITING if flt.awaiting_reply_only else flt.statuses
    if statuses is not None:
        clauses.append(f"m.status IN ({','.join('?' * len(statuses))})")
        params.extend(statuses)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def count_mentions(db: Database, flt: MentionFilter = MentionFilter()) -> int:
    where, params = _where(flt)
    if not where:
        return db.query("SELECT count(*) FROM mention")[0][0]
    sql = "SELECT count(*) FROM mention m JOIN account a ON a.id = m.account_id" + where
    return db.query(sql, params)[0][0]


def mention_rows(
    db: Database, flt: MentionFilter = MentionFilter(), offset: int = 0, limit: int = 200
) -> list[MentionRow]:
    """One page of the feed, newest first."""
    where, params = _where(flt)
    sql = _ROW_SELECT + where + _NEWEST_FIRST + " LIMIT ? OFFSET ?"
    return [_row(r) for r in db.query(sql, (*params, limit, offset))]


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
            " AND (m.created_at, m.id) < (?, ?)" + _NEWEST_FIRST + " LIMIT ?",
            (row.account_id, row.conversation_id, to_ms(row.created_at), row.id, THREAD_LIMIT),
        )
        thread = [_row(r) for r in reversed(earlier)]
    notes, count = db.query(
        "SELECT au.notes, (SELECT count(*) FROM mention WHERE author_id = au.id)"
        " FROM mention m JOIN author au ON au.id = m.author_id WHERE m.id = ?",
        (mention_id,),
    )[0]
    return MentionDetail(row, thread, notes, count)


def set_mention_status(
    db: Database, mention_id: int, status: str, *, at: datetime | None = None
) -> None:
    status = MentionStatus(status).value
    when = to_ms(at or datetime.now(UTC))
    with db.transaction() as conn:
        old = conn.execute("SELECT status FROM mention WHERE id = ?", (mention_id,)).fetchone()
        if old is None or old[0] == status:
            return
        conn.execute(
            "UPDATE mention SET status = ?, status_changed_at = ? WHERE id = ?",
            (status, when, mention_id),
        )
        log_event(
            db,
            "mention.status",
            mention_id=mention_id,
            detail={"from": old[0], "to": status},
            at=from_ms(when),
        )


def set_outcomes(
    db: Database, outcomes: Iterable[tuple[int, str, datetime | None]], *, at: datetime
) -> None:
    """Bulk-set (mention id, status, first response time) — for imports and the demo's history."""
    when = to_ms(at)
    with db.transaction() as conn:
        conn.executemany(
            "UPDATE mention SET status = ?, first_response_at = ?, status_changed_at = ?"
            " WHERE id = ?",
            [
                (MentionStatus(status).value, to_ms(first) if first else None, when, mid)
                for mid, status, first in outcomes
            ],
        )


def upsert_mentions(
    db: Database, account_id: int, mentions: Iterable[FetchedMention], received_at: datetime
) -> list[int]:
    """Store what a sync fetched; a mention already stored is left as it is (statuses, triage and
    all). Returns the ids of the mentions that were new, oldest first."""
    mentions = list(mentions)
    if not mentions:
        return []
    received = to_ms(received_at)
    with db.transaction() as conn:
        network = conn.execute("SELECT network FROM account WHERE id = ?", (account_id,)).fetchone()
        if network is None:
            raise ValueError(f"no account with id {account_id}")
        authors = _upsert_authors(conn, network[0], mentions)
        before = conn.execute("SELECT coalesce(max(id), 0) FROM mention").fetchone()[0]
        conn.executemany(
            "INSERT INTO mention (account_id, remote_id, author_id, text, created_at, received_at,"
            " url, in_reply_to_remote_id, conversation_id, status)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'new')"
            " ON CONFLICT (account_id, remote_id) DO NOTHING",
            [
                (
                    account_id,
                    m.remote_id,
                    authors[m.author.remote_id],
                    clean_text(m.text),
                    to_ms(m.created_at),
                    received,
                    m.url,
                    m.in_reply_to_remote_id,
                    m.conversation_id,
                )
                for m in mentions
            ],
        )
        # Ids only grow, and we hold the write lock: everything past ``before`` is ours.
        new = conn.execute(
            "SELECT id FROM mention WHERE id > ? AND account_id = ? ORDER BY id",
            (before, account_id),
        ).fetchall()
    return [r[0] for r in new]


def _upsert_authors(conn, network: str, mentions: list[FetchedMention]) -> dict[str, int]:
    latest = {m.author.remote_id: m.author for m in mentions}  # the newest name wins
    ids = {}
    for remote_id, author in latest.items():
        ids[remote_id] = conn.execute(
            "INSERT INTO author (network, remote_id, handle, display_name, flags, notes)"
            " VALUES (?, ?, ?, ?, '', '') ON CONFLICT (network, remote_id) DO UPDATE SET"
            " handle = excluded.handle, display_name = excluded.display_name RETURNING id",
            (network, remote_id, clean_text(author.handle), clean_text(author.display_name)),
        ).fetchone()[0]
    return ids


# -- events and stats ----------------------------------------------------------------------------
def log_event(
    db: Database,
    kind: str,
    *,
    client_id: int | None = None,
    account_id: int | None = None,
    mention_id: int | None = None,
    detail: dict | None = None,
    at: datetime | None = None,
) -> int:
    with db.transaction() as conn:
        return conn.execute(
            "INSERT INTO event (kind, at, client_id, account_id, mention_id, detail)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                kind,
                to_ms(at or datetime.now(UTC)),
                client_id,
                account_id,
                mention_id,
                json.dumps(detail) if detail is not None else None,
            ),
        ).lastrowid


def last_event(db: Database, kind: str) -> EventRecord | None:
    rows = db.query(
        "SELECT id, kind, at, client_id, account_id, mention_id, detail FROM event"
        " WHERE kind = ? ORDER BY at DESC, id DESC LIMIT 1",
        (kind,),
    )
    if not rows:
        return None
    eid, kind, at, client_id, account_id, mention_id, detail = rows[0]
    return EventRecord(
        eid,
        kind,
        from_ms(at),
        client_id,
        account_id,
        mention_id,
        json.loads(detail) if detail else {},
    )


def workspace_stats(db: Database) -> dict[str, int | str]:
    """Figures for "Copy diagnostics": sizes only, never content."""
    counts = {
        table: db.query(f"SELECT count(*) FROM {table}")[0][0]
        for table in ("client", "account", "author", "mention", "draft", "outbox_item", "event")
    }
    size = sum(p.stat().st_size for p in db.path.parent.glob(db.path.name + "*") if p.is_file())
    revision = db.query("SELECT version_num FROM alembic_version")[0][0]
    return {
        **{f"{k} rows": v for k, v in counts.items()},
        "database size": f"{size / 1_048_576:.1f} MB",
        "schema": revision,
    }
