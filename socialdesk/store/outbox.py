"""The outbox: approved replies waiting to be posted, and every state change the sender and the
manager make to them.

Exactly-once rests on three things kept here: the idempotency key fixed at approval, ``claim``
marking an item ``sending`` and ``unconfirmed`` *before* the request leaves (so a crash mid-send
is known afterwards), and ``mark_sent`` recording the post and the mention's first response in
one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from socialdesk.core.models import DraftState, MentionStatus, OutboxState
from socialdesk.store.client_lifecycle import OUTBOX_HELD, hold_outbox, release_outbox
from socialdesk.store.db import Database
from socialdesk.store.events import log_event
from socialdesk.store.mentions.status import write_statuses
from socialdesk.store.values import from_ms, to_ms

# States the sender still has work in; an item in one of these holds back later replies of its
# conversation, so they go out in order.
PENDING = (
    OutboxState.QUEUED.value,
    OutboxState.SENDING.value,
    OutboxState.FAILED.value,
    OutboxState.PAUSED.value,
)
# How long a claim holds an item against every other sender: far longer than one send can take
# (connect, a two-minute read deadline, a look for an earlier post), so a sender that is merely
# slow is never doubled; a crashed one's leases are released at the next start.
LEASE = timedelta(minutes=10)
SENT_SHOWN_DAYS = 7  # sent and cancelled items stay listed this long
# Whether the item's client holds its outbox (SQL, in an UPDATE of outbox_item).
_PAUSED = (
    f"(SELECT {OUTBOX_HELD} FROM account a JOIN client c ON c.id = a.client_id"
    " WHERE a.id = outbox_item.account_id)"
)
# Back to waiting: paused if the client's outbox is, else queued.
_WAITING = f"CASE WHEN {_PAUSED} THEN '{OutboxState.PAUSED}' ELSE '{OutboxState.QUEUED}' END"


@dataclass(frozen=True)
class OutboxEntry:
    id: int
    account_id: int
    client_id: int
    client_name: str
    network: str
    account_handle: str
    mention_id: int | None
    draft_id: int | None
    text: str
    in_reply_to_remote_id: str | None
    idempotency_key: str
    state: str
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None
    send_at: datetime | None
    created_at: datetime
    sent_at: datetime | None
    remote_id: str | None
    url: str | None
    conversation_id: str | None
    unconfirmed: bool
    reply_to_handle: str | None = None  # the author of the mention answered
    client_archived: bool = False  # why it is paused: its client is archived (Restore sends it)


_SELECT = (
    "SELECT o.id, o.account_id, a.client_id, c.name, a.network, a.handle, o.mention_id,"
    " o.draft_id, o.text, o.in_reply_to_remote_id, o.idempotency_key, o.state, o.attempts,"
    " o.last_error, o.next_attempt_at, o.send_at, o.created_at, o.sent_at, o.remote_id, o.url,"
    " o.conversation_id, o.unconfirmed, au.handle, c.archived_at IS NOT NULL"
    " FROM outbox_item o JOIN account a ON a.id = o.account_id JOIN client c ON c.id = a.client_id"
    " LEFT JOIN mention m ON m.id = o.mention_id LEFT JOIN author au ON au.id = m.author_id"
)
_TIMES = {14, 15, 16, 17}  # positions of the moments in _SELECT
_FLAGS = (21, 23)  # unconfirmed, client_archived: 0 or 1 in SQLite


def _entry(row: Sequence[Any]) -> OutboxEntry:
    values = [from_ms(v) if i in _TIMES else v for i, v in enumerate(row)]
    for i in _FLAGS:
        values[i] = bool(values[i])
    return OutboxEntry(*values)


def get_item(db: Database, item_id: int) -> OutboxEntry | None:
    rows = db.query(_SELECT + " WHERE o.id = ?", (item_id,))
    return _entry(rows[0]) if rows else None


def list_items(db: Database, now: datetime) -> list[OutboxEntry]:
    """What the Outbox view shows: everything pending, then the last week's sent and cancelled."""
    since = to_ms(now) - SENT_SHOWN_DAYS * 86_400_000
    rows = db.query(
        _SELECT + f" WHERE o.state IN ({','.join('?' * len(PENDING))})"
        " OR coalesce(o.sent_at, o.created_at) >= ? ORDER BY o.id",
        (*PENDING, since),
    )
    return [_entry(r) for r in rows]


def due_items(db: Database, now: datetime) -> list[OutboxEntry]:
    """Items to try now, in approval order, holding back any reply whose conversation has an earlier
    item not yet sent (so a thread never reads out of order)."""
    rows = db.query(
        _SELECT + f" WHERE o.state IN ({','.join('?' * len(PENDING))}) ORDER BY o.id", PENDING
    )
    due, blocked = [], set()
    for item in map(_entry, rows):
        thread = (item.account_id, item.conversation_id) if item.conversation_id else None
        ready = item.state in (OutboxState.QUEUED, OutboxState.SENDING) and all(
            t is None or t <= now for t in (item.next_attempt_at, item.send_at)
        )
        if ready and thread not in blocked:
            due.append(item)
        if thread:
            blocked.add(thread)
    return due


def claim(db: Database, item_id: int, now: datetime) -> bool:
    """Mark the item as going out *before* the request leaves, and hold it for this sender until
    ``LEASE`` has passed. False when it was cancelled or paused meanwhile, its client's outbox is
    paused (it is then set paused), or another sender holds it: the sender leaves it alone. One
    UPDATE checks and takes it, so two senders can never both have it."""
    with db.transaction() as conn:
        conn.execute(
            f"UPDATE outbox_item SET state = '{OutboxState.PAUSED}'"
            f" WHERE id = ? AND state = '{OutboxState.QUEUED}' AND {_PAUSED}",
            (item_id,),
        )
        taken = conn.execute(
            "UPDATE outbox_item SET state = ?, attempts = attempts + 1, unconfirmed = 1,"
            " lease_until = ? WHERE id = ? AND (state = ? OR (state = ?"
            " AND coalesce(lease_until, 0) <= ?)) RETURNING id",
            (
                OutboxState.SENDING.value, to_ms(now + LEASE), item_id, OutboxState.QUEUED,
                OutboxState.SENDING, to_ms(now),
            ),
        ).fetchone()  # fmt: skip
        return taken is not None


def release_leases(db: Database) -> int:
    """Every sender that held an item is gone (called at start-up, with the data folder's lock
    held): their items may be taken again at once — as unconfirmed, so a post that did go out is
    looked for, or its key recognised, before anything is sent again."""
    with db.transaction() as conn:
        return conn.execute(
            "UPDATE outbox_item SET lease_until = NULL WHERE lease_until IS NOT NULL"
        ).rowcount


def mark_sent(db: Database, item_id: int, remote_id: str, url: str | None, at: datetime) -> None:
    """The post exists: record it, and the mention it answers is replied with its first response
    (which stops its clock) — all in one transaction."""
    with db.transaction() as conn:
        account_id, mention_id = conn.execute(
            "UPDATE outbox_item SET state = ?, remote_id = ?, url = ?, sent_at = ?,"
            " unconfirmed = 0, last_error = NULL, next_attempt_at = NULL, lease_until = NULL"
            " WHERE id = ?"
            " RETURNING account_id, mention_id",
            (OutboxState.SENT.value, remote_id, url, to_ms(at), item_id),
        ).fetchone()
        if mention_id is not None:
            conn.execute(
                "UPDATE mention SET first_response_at = coalesce(first_response_at, ?)"
                " WHERE id = ?",
                (to_ms(at), mention_id),
            )
            write_statuses(db, [mention_id], MentionStatus.REPLIED.value, at=at, snoozed_until=None)
        log_event(
            db, "reply.sent", account_id=account_id, mention_id=mention_id,
            detail={"outbox_item": item_id, "remote_id": remote_id}, at=at,
        )  # fmt: skip


def mark_retry(
    db: Database,
    item_id: int,
    reason: str,
    next_attempt_at: datetime,
    *,
    unconfirmed: bool,
    count_attempt: bool = True,
) -> None:
    """Back to the queue until ``next_attempt_at``, with the reason shown beside it.
    ``unconfirmed`` says whether the request may have reached the network."""
    with db.transaction() as conn:
        conn.execute(
            f"UPDATE outbox_item SET state = {_WAITING}, last_error = ?, next_attempt_at = ?,"
            " unconfirmed = ?, attempts = attempts - ?, lease_until = NULL"
            " WHERE id = ? AND state = ?",
            (
                reason, to_ms(next_attempt_at), int(unconfirmed), int(not count_attempt), item_id,
                OutboxState.SENDING.value,
            ),
        )  # fmt: skip


def mark_failed(db: Database, item_id: int, reason: str, *, unconfirmed: bool) -> None:
    with db.transaction() as conn:
        conn.execute(
            "UPDATE outbox_item SET state = ?, last_error = ?, next_attempt_at = NULL,"
            " unconfirmed = ?, lease_until = NULL WHERE id = ?",
            (OutboxState.FAILED.value, reason, int(unconfirmed), item_id),
        )


def retry(db: Database, ids: Sequence[int]) -> None:
    """The manager asks for failed (or waiting) items to be tried again now."""
    with db.transaction() as conn:
        conn.executemany(
            f"UPDATE outbox_item SET state = {_WAITING}, attempts = 0, next_attempt_at = NULL"
            " WHERE id = ? AND state IN (?, ?)",
            [(i, OutboxState.FAILED, OutboxState.QUEUED) for i in ids],
        )


def cancel(db: Database, ids: Sequence[int], now: datetime) -> list[int]:
    """Take items out of the outbox before they are sent; their drafts go back to editing so no
    text is lost. Returns the ids actually cancelled (one being sent or sent cannot be). An
    ``unconfirmed`` item may already be on the network: the Outbox view says so before."""
    cancelled = []
    with db.transaction() as conn:
        for item_id in ids:
            row = conn.execute(
                "UPDATE outbox_item SET state = ? WHERE id = ? AND state IN (?, ?, ?)"
                " RETURNING draft_id",
                (
                    OutboxState.CANCELLED.value, item_id,
                    OutboxState.QUEUED, OutboxState.FAILED, OutboxState.PAUSED,
                ),
            ).fetchone()  # fmt: skip
            if row is None:
                continue
            cancelled.append(item_id)
            if row[0] is not None:
                conn.execute(
                    "UPDATE draft SET state = ?, updated_at = ? WHERE id = ?",
                    (DraftState.EDITING.value, to_ms(now), row[0]),
                )
    return cancelled


def restore(db: Database, ids: Sequence[int], now: datetime) -> list[int]:
    """Undo ``cancel`` (``now`` is the cancel's): the items wait in the outbox again (paused, if
    their client's outbox is) and their drafts are approved again. Returns the ids that stay
    cancelled because their draft was edited since."""
    kept: list[int] = []
    with db.transaction() as conn:
        for item_id in ids:
            # Only while the draft is as the cancel left it: edited (or approved again) since,
            # it is a new reply, and bringing the old one back would post both.
            row = conn.execute(
                f"UPDATE outbox_item SET next_attempt_at = NULL, state = {_WAITING}"
                " WHERE id = ? AND state = ? AND (draft_id IS NULL OR EXISTS (SELECT 1 FROM draft"
                " d WHERE d.id = outbox_item.draft_id AND d.state = ? AND d.updated_at = ?))"
                " RETURNING draft_id",
                (item_id, OutboxState.CANCELLED, DraftState.EDITING, to_ms(now)),
            ).fetchone()
            if row is None:
                kept.append(item_id)
            elif row[0] is not None:
                conn.execute(
                    "UPDATE draft SET state = ?, updated_at = ? WHERE id = ?",
                    (DraftState.APPROVED.value, to_ms(now), row[0]),
                )
    return kept


def hold_account(db: Database, account_id: int, reason: str, until: datetime) -> None:
    """Every waiting item of an account waits until ``until`` (its rate limit's reset, or the
    next look for a sign-in), with the reason shown beside it: no request per item meanwhile."""
    with db.transaction() as conn:
        conn.execute(
            "UPDATE outbox_item SET last_error = ?,"
            " next_attempt_at = max(coalesce(next_attempt_at, 0), ?)"
            " WHERE account_id = ? AND state = ?",
            (reason, to_ms(until), account_id, OutboxState.QUEUED.value),
        )


def set_client_paused(db: Database, client_id: int, paused: bool) -> list[int]:
    """Pause (or resume) a client's outbox — crisis mode's "pause scheduled posts": its waiting
    items, and those approved while it is paused. An item being sent right now finishes. Returns
    the ids changed. Resuming leaves an archived client's items paused: restoring it sends them."""
    with db.transaction() as conn:
        conn.execute("UPDATE client SET outbox_paused = ? WHERE id = ?", (int(paused), client_id))
        return hold_outbox(conn, client_id) if paused else release_outbox(conn, client_id)


def sent_replies(db: Database, account_id: int, conversation_id: str) -> list[OutboxEntry]:
    """The brand's replies SocialDesk posted in a conversation, for the conversation view."""
    rows = db.query(
        _SELECT + " WHERE o.account_id = ? AND o.conversation_id = ? AND o.state = ?"
        " ORDER BY o.sent_at",
        (account_id, conversation_id, OutboxState.SENT.value),
    )
    return [_entry(r) for r in rows]


def recent_texts(db: Database, account_id: int, since: datetime) -> tuple[str, ...]:
    """What the account posted through SocialDesk since ``since`` (the repetition check)."""
    rows = db.query(
        "SELECT text FROM outbox_item WHERE account_id = ? AND state = ? AND sent_at >= ?"
        " ORDER BY sent_at DESC LIMIT 200",
        (account_id, OutboxState.SENT.value, to_ms(since)),
    )
    return tuple(r[0] for r in rows)
