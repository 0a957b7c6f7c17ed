"""A mention as a feed card (``MentionRow``): the SQL that reads one, and the card made of it.

Every read of mentions (the feed's pages, the detail, the history, the drafts in review) builds on
``ROW_SELECT`` and ``to_row`` here, so a card looks the same wherever it is read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from functools import lru_cache
from sys import intern
from typing import Any

from socialdesk.core.models import Category, DraftState
from socialdesk.store.db import Database
from socialdesk.store.values import from_ms


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
ROW_FROM = (
    " FROM mention m JOIN account a ON a.id = m.account_id JOIN client c ON c.id = a.client_id"
    " JOIN author au ON au.id = m.author_id"
)
ROW_SELECT = f"SELECT {', '.join(_ROW_COLUMNS.values())}" + ROW_FROM
# Whether mention m's author complained to the same client before it (SQL, with m and a in scope).
REPEAT_COMPLAINER = (
    "EXISTS (SELECT 1 FROM mention e JOIN account ea ON ea.id = e.account_id"
    " WHERE e.author_id = m.author_id AND ea.client_id = a.client_id"
    f" AND coalesce(e.category_override, e.category) = '{Category.COMPLAINT}'"
    " AND e.created_at < m.created_at)"
)
ORDER = {
    "urgent": " ORDER BY m.urgency, m.id DESC",
    "newest": " ORDER BY m.created_at DESC, m.id DESC",
    "oldest": " ORDER BY m.created_at, m.id",
}


@lru_cache(maxsize=1024)
def parse_flags(flags: str) -> frozenset[str]:
    return frozenset(filter(None, flags.split(",")))


@lru_cache(maxsize=4096)
def _reasons(reasons: str | None) -> tuple[str, ...]:
    return tuple(json.loads(reasons)) if reasons else ()


_CONVERT: dict[str, Callable[[Any], Any]] = {
    "author_flags": parse_flags,  # few distinct values: each read once
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


def to_row(r: Sequence[Any]) -> MentionRow:
    """A card from its SQL row, converting only the columns that need it."""
    values = list(r)
    for i, convert in _CONVERTED:
        values[i] = convert(values[i])
    return MentionRow(*values)


def sql_in(column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
    return f"{column} IN ({','.join('?' * len(values))})", list(values)


def rows_by_id(db: Database, ids: Sequence[int]) -> list[MentionRow]:
    where, params = sql_in("m.id", ids)
    return [to_row(r) for r in db.query(ROW_SELECT + " WHERE " + where, params)]


def mention_row(db: Database, mention_id: int) -> MentionRow | None:
    rows = db.query(ROW_SELECT + " WHERE m.id = ?", (mention_id,))
    return to_row(rows[0]) if rows else None
