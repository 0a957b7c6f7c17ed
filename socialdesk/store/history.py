"""The history: every mention received and every reply drafted or sent, newest first, found with
``core.search``'s language. Three arms — mentions, outbox items, drafts — each filtered on its own
indexes and full-text table, each read newest first in its own order and merged by time.

With words, the mentions come newest first from FTS5 itself (``ORDER BY rowid DESC LIMIT n``: ids
rise with time), so a word in most of a million mentions costs what the index takes to list it,
never a sort of every match. Each page goes on where every arm stopped (keyset, never OFFSET), and
nothing is counted until someone asks."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import islice
from typing import Any

from socialdesk.core.models import DraftState, MentionStatus, OutboxState
from socialdesk.core.search import Query
from socialdesk.store import mentions
from socialdesk.store.db import Database
from socialdesk.store.mentions import MentionRow
from socialdesk.store.values import from_ms, to_ms

MENTION, REPLY, DRAFT = "mention", "reply", "draft"
_RANK = {MENTION: 0, REPLY: 1, DRAFT: 2}
# What ``status:`` picks among the replies; cancelled items are not history (their draft is).
_REPLY_STATES = {
    "sent": (OutboxState.SENT.value,),
    "queued": tuple(state.value for state in OutboxState if state.waiting),
    "failed": (OutboxState.FAILED.value,),
}
_SHOWN_REPLY_STATES = tuple(state for states in _REPLY_STATES.values() for state in states)
# approved ones are outbox items now
_SHOWN_DRAFT_STATES = (DraftState.EDITING.value, DraftState.READY.value)
# Where each arm stopped: the (time in ms, id) of the last item it gave, by rank; None: not yet.
_Position = tuple[tuple[int, int] | None, ...]
_START: _Position = (None, None, None)
# A WHERE condition and the values of its placeholders.
_Clause = tuple[str, list[Any]]
# An item an arm found: (id, time in ms).
_Hit = tuple[int, int]
# An item the merge took: (rank, id, time in ms, where each arm stands once it is shown).
_Found = tuple[int, int, int, _Position]
ARRIVAL_RUN_BITS = 9  # mention_arrival's runs of ids (migration 0012)
_UNKNOWN = 1 << 62  # a run mention_arrival does not know: nothing below it can be ruled out


@dataclass(frozen=True)
class HistoryItem:
    kind: str  # MENTION, REPLY (an outbox item) or DRAFT
    id: int  # of the mention, outbox item or draft
    at: datetime  # received, sent (or approved), last edited
    row: MentionRow  # the card: for a reply, the account is the author and its state the status
    # Where each arm stands once this item is shown: the next page starts there.
    position: _Position = field(default=_START, compare=False, repr=False)

    @property
    def mention_id(self) -> int | None:
        """The conversation it belongs to, to open."""
        return self.row.id or None


def search(
    db: Database, query: Query, *, after: HistoryItem | None = None, limit: int = 200
) -> list[HistoryItem]:
    """The newest ``limit`` items matching ``query``, those after ``after`` when given.

    Each arm reads its own newest ``limit`` from where it stopped, walking an index (or the
    full-text list) in its order, and the merge takes from the arms in turn by time. An arm's
    items are taken in its own order, so paging never skips or repeats one, even where a mention
    arrived later than it was written."""
    position = after.position if after is not None else _START
    arms: list[list[tuple[int, int, int]]] = []
    for arm in _arms(query):
        rank = _RANK[arm.kind]
        arms.append([(at, -rank, i) for i, at in arm.newest(db, position[rank], limit)])
    merged = islice(heapq.merge(*arms, key=lambda r: r[:2], reverse=True), limit)
    found: list[_Found] = []
    stands = list(position)
    for at, rank, i in merged:
        stands[-rank] = (at, i)
        found.append((-rank, i, at, tuple(stands)))
    return _items(db, found)


def count(db: Database, query: Query) -> int:
    """How many items match: asked for, not shown by default (every one of 800,000 mentions
    with a common word costs more than finding the first page)."""
    total = 0
    for arm in _arms(query):
        sql, params = arm.count()
        total += db.query(sql, params)[0][0]
    return total


# -- the three arms -------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Arm:
    kind: str
    source: str  # "mention m", "outbox_item o", "draft d"
    at: str  # the column (or expression) of its time
    id: str
    where: list[_Clause]
    match: str = ""  # FTS5 expression that drives the arm, newest rowid first ("": none)
    fts: str = ""

    def newest(self, db: Database, stood: tuple[int, int] | None, limit: int) -> list[_Hit]:
        """The next ``limit`` (id, time) after ``stood``, newest first (time, then id)."""
        where = list(self.where)
        if stood is not None:
            where.append((f"({self.at}, {self.id}) < (?, ?)", list(stood)))
        if self.match:
            return _newest_matches(db, *self._joined(where), limit)
        sql, params = _select(self.id, self.at, self.source, where)
        sql += f" ORDER BY {self.at} DESC, {self.id} DESC LIMIT ?"
        return db.query(sql, [*params, limit])

    def count(self) -> tuple[str, list[Any]]:
        if self.match and not self.where:
            return f"SELECT count(*) FROM {self.fts} WHERE {self.fts} MATCH ?", [self.match]
        if self.match:
            sql, params = self._joined(self.where)
        else:
            sql, params = _select(self.id, self.at, self.source, self.where)
        return f"SELECT count(*) FROM ({sql})", params

    def _joined(self, where: list[_Clause]) -> tuple[str, list[Any]]:
        alias = self.id.split(".")[0]
        return _select(
            "f.rowid",
            self.at,
            f"{self.fts} f CROSS JOIN {self.source} ON {alias}.id = f.rowid",
            [(f"{self.fts} MATCH ?", [self.match]), *where],
        )


def _newest_matches(db: Database, sql: str, params: list[Any], limit: int) -> list[_Hit]:
    """The newest ``limit`` of the (id, time) rows ``sql`` lists, read newest id first from
    FTS5 (no sort, no list of every match). Ids rise as mentions arrive, which is nearly time
    order: the walk stops once no earlier id can be written later than the page's oldest item
    (``mention_arrival``: the latest time at or below each run of ids)."""
    latest_below: dict[int, int] = {}
    best: list[tuple[int, int]] = []  # a min-heap of (time, id): the page so far
    with db.errors():
        conn = db.connection()
        cursor = conn.execute(f"{sql} ORDER BY f.rowid DESC", params)
        try:
            for row_id, at in cursor:
                if len(best) < limit:
                    heapq.heappush(best, (at, row_id))
                    if len(best) < limit:
                        continue
                elif (at, row_id) > best[0]:
                    heapq.heapreplace(best, (at, row_id))
                run = row_id >> ARRIVAL_RUN_BITS
                if run not in latest_below:
                    found = conn.execute(
                        "SELECT latest FROM mention_arrival WHERE run = ?", (run,)
                    ).fetchone()
                    latest_below[run] = found[0] if found else _UNKNOWN
                if latest_below[run] <= best[0][0]:
                    break
        finally:
            cursor.close()
    return [(row_id, at) for at, row_id in sorted(best, reverse=True)]


def _arms(q: Query) -> list[_Arm]:
    return [arm for arm in (_mention_arm(q), _reply_arm(q), _draft_arm(q)) if arm is not None]


def _select(id_: str, at: str, source: str, where: list[_Clause]) -> tuple[str, list[Any]]:
    sql = f"SELECT {id_}, {at} FROM {source}"
    if where:
        sql += " WHERE " + " AND ".join(c for c, _ in where)
    return sql, [p for _, ps in where for p in ps]


def _mention_arm(q: Query) -> _Arm | None:
    if q.status and q.status not in set(MentionStatus):
        return None  # status:sent and the like: replies only
    where: list[_Clause] = []
    if q.author:
        where.append(
            ("m.author_id IN (SELECT id FROM author"
             " WHERE handle LIKE ? ESCAPE '\\' OR handle LIKE ? ESCAPE '\\')",
             [_like(q.author), _like(q.author) + "@%"])
        )  # fmt: skip
    where += _scope("m", q)
    if q.category:
        where.append(("coalesce(m.category_override, m.category) = ?", [q.category]))
    if q.status:
        where.append(("m.status = ?", [q.status]))
    where += _time("m.created_at", q)
    if match := _driving(q):
        return _Arm(MENTION, "mention m", "m.created_at", "m.id", where, match, "mention_fts")
    where += _text("m.id", "mention_fts", q)
    return _Arm(MENTION, "mention m", "m.created_at", "m.id", where)


def _reply_arm(q: Query) -> _Arm | None:
    if q.status and q.status not in _REPLY_STATES:
        return None
    states = _REPLY_STATES[q.status] if q.status else _SHOWN_REPLY_STATES
    where = [(f"o.state IN ({','.join('?' * len(states))})", list(states))]
    where += _ours("o", q) + _scope("o", q) + _of_category("o", q)
    at = "coalesce(o.sent_at, o.created_at)"
    where += _time(at, q) + _text("o.id", "outbox_fts", q)
    return _Arm(REPLY, "outbox_item o", at, "o.id", where)


def _draft_arm(q: Query) -> _Arm | None:
    if q.status and q.status != "draft":
        return None
    states = _SHOWN_DRAFT_STATES
    where = [(f"d.state IN ({','.join('?' * len(states))}) AND d.text != ''", list(states))]
    where += _ours("d", q) + _scope("d", q) + _of_category("d", q)
    where += _time("d.updated_at", q) + _text("d.id", "draft_fts", q)
    return _Arm(DRAFT, "draft d", "d.updated_at", "d.id", where)


def _scope(alias: str, q: Query) -> list[_Clause]:
    """client:, account: and network: narrow the accounts searched."""
    parts: list[_Clause] = []
    if q.client:
        parts.append(("c.name LIKE ? ESCAPE '\\'", [_like(q.client) + "%"]))
    if q.account:
        parts.append(("a.handle LIKE ? ESCAPE '\\'", [_like(q.account)]))
    if q.network:
        parts.append(("a.network = ?", [q.network]))
    if not parts:
        return []
    sql = (
        f"{alias}.account_id IN (SELECT a.id FROM account a JOIN client c ON c.id = a.client_id"
        f" WHERE {' AND '.join(c for c, _ in parts)})"
    )
    return [(sql, [p for _, ps in parts for p in ps])]


def _ours(alias: str, q: Query) -> list[_Clause]:
    """from:@brand finds what the brand's account wrote."""
    if not q.author:
        return []
    return [
        (f"{alias}.account_id IN (SELECT id FROM account WHERE handle LIKE ? ESCAPE '\\')",
         [_like(q.author)])
    ]  # fmt: skip


def _of_category(alias: str, q: Query) -> list[_Clause]:
    """category:complaint also finds the replies to complaints."""
    if not q.category:
        return []
    return [
        (f"EXISTS (SELECT 1 FROM mention WHERE id = {alias}.mention_id"
         " AND coalesce(category_override, category) = ?)", [q.category])
    ]  # fmt: skip


def _time(column: str, q: Query) -> list[_Clause]:
    parts: list[_Clause] = []
    if q.after:
        parts.append((f"{column} >= ?", [to_ms(q.after)]))
    if q.before:
        parts.append((f"{column} < ?", [to_ms(q.before)]))
    return parts


def _driving(q: Query) -> str:
    """The words and phrases, less the exclusions, as one FTS5 expression ("" when no word must
    appear: an exclusion alone cannot drive)."""
    match, exclude = q.match(), q.exclusion()
    if match and exclude:
        return f"({match}) NOT ({exclude})"
    return match


def _text(id_column: str, fts: str, q: Query) -> list[_Clause]:
    """The index lists the matches; the rows are looked up by id. (Asking the index about each
    row instead — ``MATCH ? AND rowid = m.id`` — reads the word's whole list every time: a
    common word took seconds.)"""
    listed = f"{id_column} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)"
    parts: list[_Clause] = []
    if match := q.match():
        parts.append((listed, [match]))
    if exclude := q.exclusion():
        parts.append((f"NOT {listed}", [exclude]))
    return parts


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# -- the cards ------------------------------------------------------------------------------------
def _items(db: Database, found: Sequence[_Found]) -> list[HistoryItem]:
    ids = {rank: [i for k, i, _, _ in found if k == rank] for rank in _RANK.values()}
    rows = {(0, r.id): r for r in mentions.rows_by_id(db, ids[0])} if ids[0] else {}
    rows |= _reply_rows(db, ids[1], "outbox_item", 1) | _reply_rows(db, ids[2], "draft", 2)
    kinds = {rank: kind for kind, rank in _RANK.items()}
    return [
        HistoryItem(kinds[k], i, from_ms(at), rows[(k, i)], stands)
        for k, i, at, stands in found
        if (k, i) in rows
    ]


def _reply_rows(
    db: Database, ids: list[int], table: str, rank: int
) -> dict[tuple[int, int], MentionRow]:
    """Cards for the manager's own words: the account writes, the state is the status, and the
    mention answered (if any) gives the client and conversation."""
    if not ids:
        return {}
    at = "coalesce(r.sent_at, r.created_at)" if table == "outbox_item" else "r.updated_at"
    url = "r.url, r.remote_id" if table == "outbox_item" else "NULL, ''"
    sql = (
        f"SELECT r.id, r.account_id, a.client_id, c.name, c.colour, a.network, a.handle, r.text,"
        f" {at}, r.state, coalesce(r.mention_id, 0), c.response_target_minutes, {url}"
        f" FROM {table} r JOIN account a ON a.id = r.account_id JOIN client c ON c.id = a.client_id"
        f" WHERE r.id IN ({','.join('?' * len(ids))})"
    )
    out: dict[tuple[int, int], MentionRow] = {}
    for (rid, account_id, client_id, client, colour, network, handle, text, when, state,
         mention_id, target, link, remote_id) in db.query(sql, ids):  # fmt: skip
        label = "Draft" if table == "draft" else "Reply"
        out[(rank, rid)] = replace(
            _BLANK, id=mention_id, account_id=account_id, client_id=client_id, client_name=client,
            client_colour=colour, network=network, account_handle=handle, author_name=label,
            author_handle=handle, text=text, created_at=from_ms(when),
            status="draft" if state in _SHOWN_DRAFT_STATES else state,
            response_target_minutes=target, url=link, remote_id=remote_id or "",
        )  # fmt: skip
    return out


_BLANK = MentionRow(
    id=0, account_id=0, client_id=0, client_name="", client_colour="#888888", network="",
    account_handle="", author_id=0, author_name="", author_handle="", author_flags=frozenset(),
    text="", created_at=from_ms(0), status="", category=None, category_overridden=False,
    triage_reasons=(), sentiment=None, priority=None, first_response_at=None, due_at=None,
    snoozed_until=None, response_target_minutes=0, in_reply_to_remote_id=None,
    conversation_id=None, url=None, remote_id="",
)  # fmt: skip
