"""A client's report for a period: how much came in, how fast and how well it was answered. Pure
Python: the store reads the rows (store/reports.py), the UI draws the figures and exports them.

Definitions (also printed in the PDF, so the client reads the same words):
- *first response time*: service minutes (the client's service hours; all minutes when it has
  none) from a mention to the first reply, for mentions that were answered; its median, and its
  90th percentile by nearest rank (the time that 9 in 10 answers took at most);
- *within target*: answered mentions whose first response took at most the client's target;
- *overdue*: mentions answered after their target, plus those still waiting for a reply past it
  at the end of the period (or now, if sooner);
- days and hours are the client's, in its time zone;
- *repeat authors*: people who wrote at least twice in the period, leaving out authors the
  manager flagged as trolls (a client's report is about its customers);
- *complaint words*: the commonest words in complaints, leaving out common English words, @handles
  and links.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from operator import itemgetter
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from socialdesk.core.models import Category, MentionStatus
from socialdesk.core.service_hours import ServiceHours
from socialdesk.core.sla import _service_minutes


class ReportRow(NamedTuple):
    """One mention as the report needs it. A named tuple of plain values: a year of a busy client
    is 100,000 of them. Moments stay the store's integer milliseconds (as_datetime and as_ms
    convert): making two datetimes a row took longer than building the report from them."""

    id: int
    created_ms: int  # ms since the epoch (UTC)
    network: str
    account_handle: str
    author_handle: str
    category: str | None
    sentiment: float | None  # -1 … 1
    status: str  # core.models.MentionStatus value
    first_response_ms: int | None  # ms since the epoch (UTC)
    text: str


class ReportRows(Sequence[ReportRow]):
    """A report's rows as the store read them, each made a ReportRow only when looked at; build()
    reads them as they came. A row came as a plain tuple in ReportRow's order, except that the
    account's and author's places hold their ids (the network's place None), named by two small
    maps: 100,000 named tuples, the collector's walks over them (it leaves alone plain tuples of
    plain values, not named ones) and joining every row to its account and author took a third
    of the report's time."""

    __slots__ = ("accounts", "authors", "trolls", "tuples")

    def __init__(
        self,
        tuples: list[tuple[Any, ...]],
        accounts: dict[int, tuple[str, str]],
        authors: dict[int, str],
        trolls: frozenset[int] = frozenset(),
    ) -> None:
        self.tuples: list[Any] = tuples
        self.accounts = accounts  # id → (network, handle)
        self.authors = authors  # id → handle
        self.trolls = trolls  # ids of the authors flagged as trolls

    def row(self, values: tuple[Any, ...]) -> ReportRow:
        mid, created, _, account, author, category, sentiment, status, answered, text = values
        network, handle = self.accounts[account]
        return ReportRow(
            mid, created, network, handle, self.authors[author], category, sentiment, status,
            answered, text,
        )  # fmt: skip

    def __len__(self) -> int:
        return len(self.tuples)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return ReportRows(self.tuples[index], self.accounts, self.authors)
        return self.row(self.tuples[index])

    def __iter__(self) -> Iterator[ReportRow]:
        return map(self.row, self.tuples)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ReportRows | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ReportRows({len(self.tuples):,} rows)"


@dataclass(frozen=True)
class ClientTerms:
    """What the client agreed: its target, service hours and time zone."""

    name: str
    response_target_minutes: int
    timezone: str = "UTC"
    service_hours: object | None = None  # core.service_hours.ServiceHours, or None: always open


@dataclass(frozen=True)
class Report:
    client: str
    start: date  # first day, in the client's time zone
    end: date  # last day, included
    total: int
    answered: int
    median_first_response: float | None  # service minutes; None when nothing was answered
    p90_first_response: float | None
    within_target: int  # answered within the target
    share_within_target: float | None  # within_target / answered; None when nothing answered
    overdue: int  # answered late + unanswered past the target (see the module's definitions)
    by_day: list[tuple[date, int]] = field(default_factory=list)  # every day of the period
    by_category: list[tuple[str, int]] = field(default_factory=list)  # most first
    sentiment_by_day: list[tuple[date, float | None]] = field(default_factory=list)  # mean
    by_hour: list[int] = field(default_factory=lambda: [0] * 24)  # local hour of day
    repeat_authors: list[tuple[str, int]] = field(default_factory=list)  # ≥ 2 mentions, top 10
    complaint_words: list[tuple[str, int]] = field(default_factory=list)  # top 15
    response_minutes: dict[int, float] = field(default_factory=dict)  # mention id → minutes
    covered_by_statement: int = 0  # answered by a crisis statement, not one by one


UNCATEGORISED = "uncategorised"
COVERED = "covered"  # the status the store gives mentions a crisis statement covered
REPEAT_AUTHORS = 10  # the most frequent repeat authors listed
COMPLAINT_WORDS = 15  # the most common words in complaints listed
_MIN_WORD = 3  # shorter words say nothing on their own

# Common English words that say nothing about what a complaint is about.
_STOPWORDS = """
    the and for you your yours with this that these those have has had having not are was were
    but all just what when where which who whom whose why how been being from they them their
    theirs get gets got getting still again can will would could should shall may might must
    our ours out now one any its it's i'm i've i'll i'd you're you've you'll they're they've
    we're we've he's she's that's what's there's here's let's don't doesn't didn't can't cannot
    won't isn't aren't wasn't weren't haven't hasn't hadn't wouldn't couldn't shouldn't
    there here then than too very really also some more most much many even only own same such
    into onto over under about after before back off down while because does did doing done
    his her hers him she yet ever every each both few other nor via per way well
    please thanks thank hey
    great good bad awful terrible horrible worst best amazing love hate like lol omg wow ugh
    clearly honestly literally actually seriously totally absolutely basically obviously
    definitely simply truly super pretty quite yeah yes okay
"""
# (The second group: how the writer feels or stresses it, never what the complaint is about.)
STOPWORDS = frozenset(_STOPWORDS.split())
# A link or an @handle (@name, @name@server.social, @name.bsky.social) matches as a whole and is
# dropped; otherwise a word of letters only (it's, don't kept whole; a #hashtag's # is no letter).
_TOKEN = re.compile(r"(?:https?://|www\.)\S*|@[\w.@-]*|([^\W\d_]+(?:'[^\W\d_]+)*)")

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_US = timedelta(microseconds=1)
_MS = timedelta(milliseconds=1)
_AWAITING = frozenset(s.value for s in MentionStatus if s.awaits_reply)
_HOUR_MS = 3_600_000
_HOUR_US = 3_600_000_000
_CATEGORY = itemgetter(5)  # ReportRow.category, by position: faster over 100,000 rows
_AUTHOR = itemgetter(4)  # ReportRow.author_handle (or its author's id)


def as_datetime(ms: int) -> datetime:
    """The aware UTC moment ``ms`` milliseconds after the epoch, exactly (a ReportRow's times)."""
    return _EPOCH + timedelta(milliseconds=ms)


def as_ms(moment: datetime) -> int:
    """Milliseconds since the epoch of an aware ``moment`` (rounded down)."""
    return (moment - _EPOCH) // _MS


def build(
    rows: Sequence[ReportRow], terms: ClientTerms, start: date, end: date, now: datetime
) -> Report:
    """The report of ``rows`` (the client's mentions created in the period) for the days
    ``start``…``end`` in the client's zone, as of ``now``."""
    handles = None  # author id → handle, when rows name their authors by id
    trolls: frozenset[int] = frozenset()
    if isinstance(rows, ReportRows):  # as read, without making a ReportRow of each
        handles, trolls = rows.authors, rows.trolls
        rows = rows.tuples
    zone = _zone(terms.timezone)
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    # Where each local hour of the period begins, in ms since the epoch: a row's place among them
    # gives its day and hour (a daylight-saving change makes one hour empty, or two hours long).
    starts = [as_ms(datetime.combine(d, time(h), zone)) for d in days for h in range(24)]
    period_start = datetime.combine(start, time(0), zone)
    period_end = datetime.combine(end + timedelta(days=1), time(0), zone)
    low, high = as_ms(period_start), as_ms(period_end)
    slot_at = _cells(starts, low, high, _HOUR_MS)  # each UTC hour's slot: no bisection
    target = terms.response_target_minutes
    clock_end = _us(min(period_end, now))  # an unanswered mention's clock is read then, in µs
    minutes = _ServiceMinutes(terms.service_hours, period_start, period_end)

    per_hour = [0] * len(starts)  # mentions per local hour of the period
    sentiment_sum = [0.0] * len(days)
    sentiment_count = [0] * len(days)
    response_minutes: dict[int, float] = {}
    complaints: list[str] = []
    within = late = waiting_past = outside = covered = 0
    place, awaiting, longest = bisect_right, _AWAITING, _ServiceMinutes.MAX_SPAN_US  # locals
    opens, closes, bases, span_at, fast_low, fast_high = minutes.table()
    for row in rows:  # 100,000 of them: every µs here counts, hence a tuple's unpacking
        mid, created, _, _, _, category, sentiment, status, answered, text = row
        if not low <= created < high:
            outside += 1  # the store chose the rows by the same period: this is only a guard
            continue
        slot = slot_at[(created - low) // _HOUR_MS]
        if slot is None:  # a local hour begins inside this UTC one (a zone half an hour off)
            slot = place(starts, created) - 1
        per_hour[slot] += 1
        if status == COVERED:
            covered += 1
        if sentiment is not None:
            day = slot // 24
            sentiment_sum[day] += sentiment
            sentiment_count[day] += 1
        if category == Category.COMPLAINT and text:
            complaints.append(text)
        if answered is None and status not in awaiting:
            continue  # no clock runs
        begin = created * 1000  # µs; the clock stops at the answer, else at the report's end
        finish = clock_end if answered is None else answered * 1000
        if fast_low <= begin < finish < fast_high and finish - begin <= longest:
            # minutes(begin, finish), inlined: nearly every mention takes this way
            i = span_at[(finish - fast_low) // _HOUR_US]
            if i is None:
                i = place(opens, finish) - 1
            j = span_at[(begin - fast_low) // _HOUR_US]
            if j is None:
                j = place(opens, begin) - 1
            close, since = closes[i], closes[j]
            taken = (
                bases[i] + (finish if finish < close else close)
                - bases[j] - (begin if begin < since else since)
            ) / 1_000_000 / 60  # fmt: skip
        else:
            taken = minutes(begin, finish)
        if answered is None:
            if taken > target:
                waiting_past += 1
        else:
            response_minutes[mid] = taken
            if taken <= target:
                within += 1
            else:
                late += 1
    if outside:
        rows = [row for row in rows if low <= row[1] < high]

    taken_sorted = sorted(response_minutes.values())
    answered = len(taken_sorted)
    categories = Counter(map(_CATEGORY, rows))
    for missing in (None, ""):
        if missing in categories:
            categories[UNCATEGORISED] += categories.pop(missing)
    authors = Counter(map(_AUTHOR, rows))
    for troll in trolls:
        authors.pop(troll, None)
    if handles is not None:  # counted by id: two ids may share a handle (on two networks)
        by_handle: Counter[str] = Counter()
        for author, n in authors.items():
            by_handle[handles[author]] += n
        authors = by_handle
    return Report(
        covered_by_statement=covered,
        client=terms.name,
        start=start,
        end=end,
        total=len(rows),
        answered=answered,
        median_first_response=_median(taken_sorted),
        p90_first_response=_nearest_rank(taken_sorted, 90),
        within_target=within,
        share_within_target=within / answered if answered else None,
        overdue=late + waiting_past,
        by_day=[(d, sum(per_hour[i * 24 : i * 24 + 24])) for i, d in enumerate(days)],
        by_category=_most_first(categories),
        sentiment_by_day=[
            (d, sentiment_sum[i] / sentiment_count[i] if sentiment_count[i] else None)
            for i, d in enumerate(days)
        ],
        by_hour=[sum(per_hour[h::24]) for h in range(24)],
        repeat_authors=_most_first(authors, REPEAT_AUTHORS, at_least=2),
        complaint_words=_most_first(word_counts(complaints), COMPLAINT_WORDS),
        response_minutes=response_minutes,
    )


def word_counts(texts: list[str]) -> Counter[str]:
    """How often each word worth counting appears in ``texts``: lower case, letters only, at least
    three of them, no @handles, links or stopwords; a #hashtag counts as its word, a possessive
    as its noun (app's: app)."""
    text = "\n".join(texts).lower().replace("\u2019", "'")  # a phone's curly apostrophe
    # No match of _TOKEN spans white space, so each white-space-separated chunk can be matched on
    # its own, and each distinct chunk once; a chunk of letters only is a word as it stands
    # (findall over the whole text took four times as long).
    found: Counter[str] = Counter()
    for chunk, n in Counter(text.split()).items():
        if chunk.isalpha():
            found[chunk] += n
        else:
            for word in _TOKEN.findall(chunk):
                found[word] += n
    counts: Counter[str] = Counter()
    for word, n in found.items():  # each word once: far fewer than the words found
        if word in STOPWORDS:
            continue
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) >= _MIN_WORD and word not in STOPWORDS:
            counts[word] += n
    return counts


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _nearest_rank(values: list[float], percent: int) -> float | None:
    """The nearest-rank percentile of sorted ``values``: the value at ceil(percent/100 × n)."""
    if not values:
        return None
    rank = -(-percent * len(values) // 100)  # ceil, in integers
    return values[max(rank, 1) - 1]


def _median(values: list[float]) -> float | None:
    """statistics.median of sorted ``values``, without sorting them again."""
    n = len(values)
    if not n:
        return None
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def _most_first(
    counts: Counter[str], top: int | None = None, *, at_least: int = 1
) -> list[tuple[str, int]]:
    """The counts, most first and ties by name; only the ``top`` first, of at least ``at_least``."""
    items = (
        counts.items() if at_least <= 1 else [(k, n) for k, n in counts.items() if n >= at_least]
    )
    if top is None:
        return sorted(items, key=_rank)
    return heapq.nsmallest(top, items, key=_rank)  # sorted()[:top], without sorting them all


def _rank(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def _us(moment: datetime) -> int:
    """Microseconds since the epoch, exactly."""
    return (moment - _EPOCH) // _US


def _cells(points: list[int], first: int, end: int, step: int) -> list[int | None]:
    """For each ``step`` from ``first`` until ``end``: bisect_right(points, moment) - 1 for every
    moment in it, worked out once; None where one of the sorted ``points`` lies inside the step,
    so that the moments in it must be bisected. A row then finds its place by a division."""
    cells: list[int | None] = []
    last = len(points) - 1
    i = bisect_right(points, first) - 1
    for at in range(first, end, step):
        while i < last and points[i + 1] <= at:
            i += 1
        cells.append(None if i < last and points[i + 1] < at + step else i)
    return cells


class _ServiceMinutes:
    """``core.sla._service_minutes`` for many mentions at once, with the same results.

    Walking the client's service hours day by day for every mention costs about 15 µs each (a
    second for 70,000 answers). Instead the open spans over the whole report are laid out once,
    in µs, with the open time before each, and the last span opened by each hour; service time
    up to a moment is then a look-up (a bisection in an hour where a span opens).
    Pairs outside the laid-out range, and service hours the table cannot reproduce exactly (spans
    typed out of order or overlapping, a span turned backwards by a daylight-saving change), are
    counted by ``_service_minutes`` itself."""

    MAX_SPAN_US = 390 * 86_400 * 1_000_000  # ServiceHours looks at most 400 days ahead
    _LATER_DAYS = 60  # answers up to this long after the period are in the table
    _FIRST = -(2**62)  # an empty span before all others: every moment has a span opened by then

    def __init__(self, hours: object | None, start: datetime, end: datetime) -> None:
        self.hours = hours
        self.fast = False  # True once the table below is laid out
        self.low = self.high = 0  # the table's range, in µs
        self.opens: list[int] = []
        self.closes: list[int] = []
        self.bases: list[int] = []  # open µs before each span, less its opening
        self.span_at: list[int | None] = []  # the last span opened by each hour from low
        if not isinstance(hours, ServiceHours):
            return
        first_day = start.astimezone(hours.zone).date()
        last_day = end.astimezone(hours.zone).date() + timedelta(days=self._LATER_DAYS)
        opens, closes, bases = [self._FIRST], [self._FIRST], [-self._FIRST]
        total = 0
        day = first_day - timedelta(days=1)  # its spans may reach past midnight
        while day <= last_day:
            for open_at, close_at in hours._spans_on(day):
                a, b = _us(open_at), _us(close_at)
                if b < a or a < closes[-1]:
                    return  # not in order: every pair is counted the slow way
                opens.append(a)
                closes.append(b)
                bases.append(total - a)
                total += b - a
            day += timedelta(days=1)
        self.opens, self.closes, self.bases = opens, closes, bases
        self.low = _us(datetime.combine(first_day, time(0), hours.zone))
        self.high = _us(datetime.combine(last_day + timedelta(days=1), time(0), hours.zone))
        self.span_at = _cells(opens, self.low, self.high, _HOUR_US)
        self.fast = True

    def table(self) -> tuple[list[int], list[int], list[int], list[int | None], int, int]:
        """The spans' openings, closings, bases and the last opened by each hour, and the range
        they cover (empty when there is no table): for a loop to inline ``__call__``."""
        return self.opens, self.closes, self.bases, self.span_at, self.low, self.high

    def __call__(self, start_us: int, end_us: int) -> float:
        """Service minutes from ``start_us`` to ``end_us`` (µs since the epoch)."""
        if end_us <= start_us:
            return 0.0
        if self.hours is None:
            return (end_us - start_us) / 1_000_000 / 60  # as timedelta.total_seconds() / 60
        if (
            not self.fast
            or start_us < self.low
            or end_us >= self.high
            or end_us - start_us > self.MAX_SPAN_US
        ):
            start, end = _EPOCH + start_us * _US, _EPOCH + end_us * _US
            return _service_minutes(self.hours, start, end)  # type: ignore[arg-type]
        opens, closes, bases = self.opens, self.closes, self.bases
        i = bisect_right(opens, end_us) - 1  # the last span opened by then (maybe _FIRST's)
        j = bisect_right(opens, start_us) - 1
        until_end = bases[i] + min(end_us, closes[i])
        until_start = bases[j] + min(start_us, closes[j])
        return (until_end - until_start) / 1_000_000 / 60
