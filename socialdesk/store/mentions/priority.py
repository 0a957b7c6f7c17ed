"""A waiting mention's priority, weighed again after arrival with what triage could not know."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from socialdesk.core.inbox import urgency
from socialdesk.core.models import Category, Priority
from socialdesk.core.priority import mention_priority
from socialdesk.core.service_hours import ServiceHours
from socialdesk.core.sla import response_clock
from socialdesk.store.clients import client_hours
from socialdesk.store.db import Database
from socialdesk.store.mentions.rows import REPEAT_COMPLAINER, ROW_FROM, parse_flags, sql_in
from socialdesk.store.values import AWAITING, from_ms, to_ms


def weighed(
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
        category, sentiment, author_flags=parse_flags(flags), repeat_complainer=repeat, clock=clock
    )
    return level


# -- priority after arrival ---------------------------------------------------------------------
def reprioritise(db: Database, ids: Sequence[int], now: datetime) -> list[int]:
    """Weigh again what triage at arrival could not know: the author's flags (VIP), a repeat
    complainer (an earlier complaint to the same client), the manager's category, and the response
    clock (due soon or overdue). Updates priority and the inbox order of the waiting ones among
    ``ids``; returns those whose priority changed."""
    if not ids:
        return []
    where, params = sql_in("m.id", ids)
    waiting, wparams = sql_in("m.status", AWAITING)
    rows = db.query(
        "SELECT m.id, m.status, coalesce(m.category_override, m.category), m.sentiment,"
        " m.priority, m.created_at, m.due_at, au.flags, c.response_target_minutes,"
        f" c.service_hours, c.timezone, {REPEAT_COMPLAINER}"
        f"{ROW_FROM} WHERE {where} AND {waiting}",
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
        level = weighed(
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
    waiting, params = sql_in("m.status", AWAITING)
    return [r[0] for r in db.query(
        "SELECT m.id FROM mention m JOIN account a ON a.id = m.account_id"
        " JOIN client c ON c.id = a.client_id"
        f" WHERE {waiting} AND m.priority IN ('{Priority.HIGH}', '{Priority.NORMAL}')"
        " AND coalesce(m.category_override, m.category)"
        f" IN ('{Category.QUESTION}', '{Category.COMPLAINT}')"
        " AND m.due_at <= ? + c.response_target_minutes * 15000",  # a quarter of the target, in ms
        [*params, to_ms(now)],
    )]  # fmt: skip
