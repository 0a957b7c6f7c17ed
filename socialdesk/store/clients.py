"""Clients and their accounts: what the sidebar lists, with unread and overdue counts, and each
account's sync state. Never a secret: those live in the keyring."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from socialdesk.core.brand_voice import BannedPhrase
from socialdesk.core.models import MentionStatus, Network
from socialdesk.core.service_hours import ServiceHours, ServiceHoursError
from socialdesk.store.db import Database, inserted_id
from socialdesk.store.values import AWAITING, from_ms, to_ms

log = logging.getLogger(__name__)


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
    service_hours: dict[str, Any] | None
    timezone: str
    unread: int = 0
    overdue: int = 0
    accounts: list[AccountSummary] = field(default_factory=list)
    notifications_muted: bool = False
    banned_phrases: tuple[BannedPhrase, ...] = ()  # the client's brand voice
    brand_contacts: tuple[str, ...] = ()  # its public email, hotline, help URL
    outbox_paused: bool = False  # nothing of this client's is posted until resumed
    archived_at: datetime | None = None  # put away: hidden from the sidebar and the inbox


class ClientNameError(ValueError):
    """A client's name that cannot be used, in plain words."""


def add_client(
    db: Database,
    name: str,
    colour: str = "#5B6CFF",
    *,
    response_target_minutes: int = 60,
    service_hours: dict[str, Any] | None = None,
    timezone: str = "UTC",
    at: datetime | None = None,
) -> int:
    name = _usable_name(db, name)
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
        return inserted_id(cur)


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
        return inserted_id(cur)


def account_by_remote_id(db: Database, network: str, remote_id: str) -> AccountSummary | None:
    rows = db.query(
        f"SELECT {_ACCOUNT_COLUMNS} FROM account a WHERE a.network = ? AND a.remote_id = ?",
        (network, remote_id),
    )
    return _account(rows[0]) if rows else None


def client_id_by_name(db: Database, name: str) -> int | None:
    """The client of that name (any case), archived ones included; never one being deleted."""
    rows = db.query(
        "SELECT id FROM client WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL",
        (name.strip(),),
    )
    return rows[0][0] if rows else None


def _usable_name(db: Database, name: str, client_id: int | None = None) -> str:
    """``name`` trimmed, or ClientNameError when it is empty or another client has it."""
    name = " ".join(name.split())
    if not name:
        raise ClientNameError("Give the client a name.")
    if len(name) > 100:
        raise ClientNameError("A client's name can be at most 100 characters long.")
    rows = db.query(
        "SELECT archived_at FROM client WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL"
        " AND id IS NOT ?",
        (name, client_id),
    )
    if rows:
        where = " among the archived clients (Workspace → Clients…)" if rows[0][0] else ""
        raise ClientNameError(f"There is already a client called “{name}”{where}.")
    return name


def update_client(
    db: Database,
    client_id: int,
    *,
    name: str,
    colour: str,
    response_target_minutes: int,
    service_hours: dict[str, Any] | None,
    timezone: str,
) -> None:
    """Rename the client and set its colour, response target and service hours. The due times of
    its waiting mentions are not recomputed here (the caller reprioritises)."""
    name = _usable_name(db, name, client_id)
    with db.transaction() as conn:
        conn.execute(
            "UPDATE client SET name = ?, colour = ?, response_target_minutes = ?,"
            " service_hours = ?, timezone = ? WHERE id = ?",
            (
                name,
                colour,
                response_target_minutes,
                json.dumps(service_hours) if service_hours is not None else None,
                timezone,
                client_id,
            ),
        )


def reset_due_times(db: Database, client_id: int) -> list[int]:
    """Forget the due times of the client's mentions, after its target or hours changed, for
    ``mentions.fill_due_times`` to compute again; the ids of those still waiting for a reply."""
    accounts = "SELECT id FROM account WHERE client_id = ?"
    placeholders = ",".join("?" * len(AWAITING))
    with db.transaction() as conn:
        conn.execute(
            f"UPDATE mention SET due_at = NULL WHERE account_id IN ({accounts})", (client_id,)
        )
        rows = conn.execute(
            f"SELECT id FROM mention WHERE account_id IN ({accounts})"
            f" AND status IN ({placeholders})",
            (client_id, *AWAITING),
        ).fetchall()
    return [r[0] for r in rows]


def delete_account(db: Database, account_id: int) -> None:
    """The account and everything stored for it (mentions, drafts, outbox), in one transaction."""
    with db.transaction() as conn:
        conn.execute("DELETE FROM account WHERE id = ?", (account_id,))


def count_accounts(db: Database) -> int:
    accounts: int = db.query("SELECT count(*) FROM account")[0][0]
    return accounts


_ACCOUNT_COLUMNS = (
    "a.id, a.client_id, a.network, a.handle, a.display_name, a.server_url, a.remote_id,"
    " a.sync_cursor, a.sync_state, a.last_synced_at, a.last_error"
)


def _account(row: Sequence[Any], unread: int = 0, overdue: int = 0) -> AccountSummary:
    (account_id, client_id, network, handle, display_name, server_url, remote_id, cursor, state,
     synced_at, last_error) = row  # fmt: skip
    return AccountSummary(
        account_id, client_id, network, handle, display_name, server_url, remote_id, cursor, state,
        from_ms(synced_at), last_error, unread, overdue,
    )  # fmt: skip


def list_accounts(db: Database) -> list[AccountSummary]:
    """The accounts of the clients in use: not those of archived or deleted clients."""
    rows = db.query(
        f"SELECT {_ACCOUNT_COLUMNS} FROM account a JOIN client c ON c.id = a.client_id"
        f" WHERE {_ACTIVE} ORDER BY a.client_id, a.id"
    )
    return [_account(r) for r in rows]


_ACTIVE = "c.archived_at IS NULL AND c.deleted_at IS NULL"


def hidden_account_ids(db: Database) -> list[int]:
    """The accounts of archived and deleted clients, whose mentions the inbox leaves out."""
    rows = db.query(
        "SELECT a.id FROM account a JOIN client c ON c.id = a.client_id"
        f" WHERE NOT ({_ACTIVE}) ORDER BY a.id"
    )
    return [r[0] for r in rows]


def get_account(db: Database, account_id: int) -> AccountSummary | None:
    rows = db.query(f"SELECT {_ACCOUNT_COLUMNS} FROM account a WHERE a.id = ?", (account_id,))
    return _account(rows[0]) if rows else None


def list_clients(db: Database, now: datetime, *, archived: bool = False) -> list[ClientSummary]:
    """Every client in use (or, with ``archived``, every archived one) with its accounts and their
    unread (new) and overdue counts. Overdue respects each client's service hours: the clock
    pauses outside them. Clients being deleted are in neither list."""
    which = "c.archived_at IS NOT NULL" if archived else "c.archived_at IS NULL"
    clients = db.query(
        "SELECT id, name, colour, response_target_minutes, service_hours, timezone,"
        " notifications_muted, banned_phrases, brand_contacts, outbox_paused, archived_at"
        f" FROM client c WHERE {which} AND c.deleted_at IS NULL ORDER BY name COLLATE NOCASE, id"
    )
    now_ms = to_ms(now)
    result = []
    for (
        cid,
        name,
        colour,
        target,
        hours_json,
        tz,
        muted,
        banned,
        contacts,
        paused,
        put_away,
    ) in clients:
        accounts = _accounts_with_counts(db, cid, now_ms)
        result.append(
            ClientSummary(
                cid,
                name,
                colour,
                target,
                json.loads(hours_json) if hours_json else None,
                tz,
                unread=sum(a.unread for a in accounts),
                overdue=sum(a.overdue for a in accounts),
                accounts=accounts,
                notifications_muted=bool(muted),
                banned_phrases=_banned_phrases(banned, cid),
                brand_contacts=tuple(str(c) for c in _json_list(contacts, cid)),
                outbox_paused=bool(paused),
                archived_at=from_ms(put_away),
            )
        )
    return result


def set_notifications_muted(db: Database, client_id: int, muted: bool) -> None:
    with db.transaction() as conn:
        conn.execute(
            "UPDATE client SET notifications_muted = ? WHERE id = ?", (int(muted), client_id)
        )


def set_brand_voice(
    db: Database,
    client_id: int,
    banned_phrases: Sequence[BannedPhrase],
    brand_contacts: Sequence[str],
) -> None:
    """Store the client's banned phrases (with its own messages) and public contact points."""
    rules = [
        {"phrase": r.phrase, "message": r.message, "suggestion": r.suggestion}
        for r in banned_phrases
        if r.phrase.strip()
    ]
    contacts = [c.strip() for c in brand_contacts if c.strip()]
    with db.transaction() as conn:
        conn.execute(
            "UPDATE client SET banned_phrases = ?, brand_contacts = ? WHERE id = ?",
            (json.dumps(rules) if rules else None, json.dumps(contacts) if contacts else None,
             client_id),
        )  # fmt: skip


def _banned_phrases(raw: str | None, client_id: int) -> tuple[BannedPhrase, ...]:
    rules = []
    for item in _json_list(raw, client_id):
        if isinstance(item, str):  # a bare phrase, as 0001 described the column
            rules.append(BannedPhrase(item))
        elif isinstance(item, dict) and isinstance(item.get("phrase"), str):
            suggestion = item.get("suggestion")
            rules.append(
                BannedPhrase(
                    item["phrase"],
                    str(item.get("message") or ""),
                    suggestion if isinstance(suggestion, str) and suggestion else None,
                )
            )
    return tuple(rules)


def _json_list(raw: str | None, client_id: int) -> list[Any]:
    """A JSON list column; a value edited by hand into something else is logged and ignored."""
    if not raw:
        return []
    try:
        value = json.loads(raw)
    except ValueError:
        value = None
    if not isinstance(value, list):
        log.warning("client %s: ignoring an unreadable brand-voice setting", client_id)
        return []
    return value


def client_hours(hours: dict[str, Any] | None, timezone: str) -> ServiceHours | None:
    """A client's usable service hours; hours that cannot be used count as around the clock (the
    client editor refuses them; this guards files edited by hand)."""
    try:
        return ServiceHours.parse(hours, timezone)
    except ServiceHoursError as exc:
        log.warning("Ignoring service hours: %s", exc)
        return None


def _accounts_with_counts(db: Database, client_id: int, now_ms: int) -> list[AccountSummary]:
    placeholders = ",".join("?" * len(AWAITING))
    rows = db.query(
        f"SELECT {_ACCOUNT_COLUMNS},"
        f" coalesce(sum(m.status = '{MentionStatus.NEW}'), 0), coalesce(sum(m.due_at < ?), 0)"
        " FROM account a LEFT JOIN mention m ON m.account_id = a.id"
        f"  AND m.status IN ({placeholders}) AND m.first_response_at IS NULL"
        " WHERE a.client_id = ? GROUP BY a.id ORDER BY a.id",
        (now_ms, *AWAITING, client_id),
    )
    return [_account(r[:-2], r[-2], r[-1]) for r in rows]


def hold_sync(db: Database, account_id: int, until: datetime | None) -> None:
    """No sync of the account before ``until`` (its rate limit's reset); None lifts the hold."""
    with db.transaction() as conn:
        conn.execute(
            "UPDATE account SET sync_after = ? WHERE id = ?",
            (to_ms(until) if until else None, account_id),
        )


def sync_held_until(db: Database, account_id: int) -> datetime | None:
    rows = db.query("SELECT sync_after FROM account WHERE id = ?", (account_id,))
    return from_ms(rows[0][0]) if rows else None


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
    sets = ["sync_state = ?", "last_error = ?"]
    params: list[Any] = [state, error]
    if cursor is not ...:
        sets.append("sync_cursor = ?")
        params.append(cursor)
    if at is not None:
        sets.append("last_synced_at = ?")
        params.append(to_ms(at))
    with db.transaction() as conn:
        conn.execute(f"UPDATE account SET {', '.join(sets)} WHERE id = ?", (*params, account_id))
