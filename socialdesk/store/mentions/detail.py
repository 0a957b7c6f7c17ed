"""One mention in full, for the detail pane: its conversation, its author and what we sent."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from socialdesk.core.models import OutboxState
from socialdesk.store.db import Database
from socialdesk.store.mentions.rows import (
    ORDER,
    REPEAT_COMPLAINER,
    ROW_SELECT,
    MentionRow,
    mention_row,
    to_row,
)
from socialdesk.store.values import from_ms, to_ms

THREAD_LIMIT = 20  # earlier messages shown with a mention
HISTORY_LIMIT = 50  # an author's earlier mentions shown in the author panel


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


def mention_detail(db: Database, mention_id: int) -> MentionDetail | None:
    row = mention_row(db, mention_id)
    if row is None:
        return None
    thread: list[MentionRow] = []
    if row.conversation_id:
        earlier = db.query(
            ROW_SELECT + " WHERE m.account_id = ? AND m.conversation_id = ?"
            " AND (m.created_at, m.id) < (?, ?)" + ORDER["newest"] + " LIMIT ?",
            (row.account_id, row.conversation_id, to_ms(row.created_at), row.id, THREAD_LIMIT),
        )
        thread = [to_row(r) for r in reversed(earlier)]
    history = db.query(
        ROW_SELECT
        + " WHERE m.author_id = ? AND a.client_id = ? AND m.id != ?"
        + ORDER["newest"]
        + " LIMIT ?",
        (row.author_id, row.client_id, row.id, HISTORY_LIMIT),
    )
    notes, count = db.query(
        "SELECT notes, (SELECT count(*) FROM mention WHERE author_id = ?) FROM author WHERE id = ?",
        (row.author_id, row.author_id),
    )[0]
    repeat = db.query(
        f"SELECT {REPEAT_COMPLAINER} FROM mention m JOIN account a ON a.id = m.account_id"
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
        [to_row(r) for r in history],
        [(from_ms(t), x) for t, x in sent],
        bool(repeat),
    )
