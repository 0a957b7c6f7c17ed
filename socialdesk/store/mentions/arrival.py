"""Storing what a sync fetched: new mentions with their triage, their authors, their conversation.

Each mention is stored with the two derived columns the inbox's order needs, ``due_at`` (when its
clock runs out, service hours included) and ``urgency`` (core/inbox.py), so that order is indexed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from socialdesk.core.inbox import urgency
from socialdesk.core.mentions import FetchedMention
from socialdesk.core.models import Category, MentionStatus
from socialdesk.core.sla import due_at
from socialdesk.store.clients import client_hours
from socialdesk.store.db import Database
from socialdesk.store.mentions.priority import weighed
from socialdesk.store.values import clean_text, from_ms, to_ms


@dataclass(frozen=True)
class TriageFields:
    """What triage decided for a mention, as the store keeps it."""

    category: str
    sentiment: float
    priority: str
    reasons: tuple[str, ...] = ()
    sure: bool = True  # False: no word list decided (core.triage.Triage.sure); shown as "check"


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
            parent = m.in_reply_to_remote_id
            conversation = (conversations.get(parent) if parent else None) or m.conversation_id
            conversations[m.remote_id] = conversation
            created = to_ms(m.created_at)
            due = to_ms(due_at(m.created_at, target, hours))
            author_id, flags = authors[m.author.remote_id]
            priority = t.priority if t else None
            if weigh and t is not None:
                first = complained.get(author_id)
                priority = weighed(
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


def _known_conversations(
    conn: sqlite3.Connection, account_id: int, mentions: list[FetchedMention]
) -> dict[str, str | None]:
    """remote id → conversation, for what these mentions answer that the store already has: a
    stored mention, or a reply we sent (it belongs to the conversation of what it answered)."""
    parents = list({m.in_reply_to_remote_id for m in mentions if m.in_reply_to_remote_id})
    found: dict[str, str | None] = {}
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
    conn: sqlite3.Connection, network: str, mentions: list[FetchedMention]
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
    conn: sqlite3.Connection,
    client_id: int,
    account_id: int,
    mentions: list[FetchedMention],
    triage: list[TriageFields | None],
    authors: dict[str, tuple[int, str]],
) -> dict[int, int]:
    """author id → when (ms) they first complained to this client: in the store, or among the
    mentions about to be stored (``REPEAT_COMPLAINER``'s question, for a whole batch at once)."""
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
        some = author_ids[start : start + 500]
        marks = ",".join("?" * len(some))
        first.update(conn.execute(
            "SELECT m.author_id, min(m.created_at) FROM mention m"
            " JOIN account a ON a.id = m.account_id"
            f" WHERE a.client_id = ? AND m.author_id IN ({marks})"
            f" AND coalesce(m.category_override, m.category) = '{Category.COMPLAINT}'"
            " GROUP BY m.author_id",
            (client_id, *some),
        ).fetchall())  # fmt: skip
    for m, t in zip(mentions, triage, strict=True):
        if t is None or t.category != Category.COMPLAINT or m.remote_id in stored:
            continue  # only what will be stored as a complaint (a stored one was read above)
        stored.add(m.remote_id)  # the first of a repeated remote id is the one stored
        author_id, created = authors[m.author.remote_id][0], to_ms(m.created_at)
        first[author_id] = min(first.get(author_id, created), created)
    return first


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
