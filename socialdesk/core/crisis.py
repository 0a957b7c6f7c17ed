"""Spotting a crisis for a client: negative mentions arriving several times faster than that client
usually gets them at this hour of the week, and more than a handful (customer-care.md, "Crisis").

Pure Python with the clock passed in. ``assess`` is stateless apart from the previous assessment
it is handed (a crisis ends only after a calm spell, so it does not flicker).

- *Rate*: negative mentions in the last ``window`` minutes, per hour.
- *Usual*: the largest of the mean for this hour of the week over the last ``baseline_weeks``
  weeks, the mean for this hour of the day over the last three days, and the mean hourly rate of
  the day before the window and over the three hours before it — so a steady climb raises its
  own bar and never looks like a spike — and never less than ``min_usual``.
- *Starts* when rate ≥ ``multiplier`` × usual and the window holds at least ``floor`` mentions,
  still so ``CONFIRM`` minutes later (a chance burst does not last).
- *A thread, not a crisis*, when most of them are replies in one conversation (one viral
  complaint): said, but no crisis.
- *Ends* after ``calm_minutes`` in which the window never held ``floor`` mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from socialdesk.core.models import Category
from socialdesk.core.report import STOPWORDS

CALM, RISING, CRISIS, THREAD = "calm", "rising", "crisis", "thread"
CONFIRM = timedelta(minutes=3)  # spiking this long before it is called a crisis
NEGATIVE_CATEGORIES = (Category.COMPLAINT.value, Category.CRITICISM.value, Category.ABUSE.value)
HOUR, DAY, WEEK = timedelta(hours=1), timedelta(days=1), timedelta(weeks=1)
RECENT = timedelta(hours=3)  # the level just before the window: a climb's current height
_WORD = re.compile(r"https?://(?:www\.)?([^/\s]+)|@[\w.@-]+|([^\W\d_]{3,})")


@dataclass(frozen=True)
class Negative:
    """One negative mention, as detection needs it."""

    mention_id: int
    at: datetime
    text: str
    conversation: str | None  # the conversation it belongs to (None: a post of its own)


@dataclass(frozen=True)
class Settings:
    window_minutes: int = 30
    multiplier: float = 5.0
    floor: int = 10  # mentions in the window, whatever the rate
    calm_minutes: int = 60
    baseline_weeks: int = 4
    min_usual: float = 0.5  # per hour: a silent account's first few are not "infinitely" more
    thread_share: float = 0.6  # of the window in one conversation: a viral thread


@dataclass(frozen=True)
class Assessment:
    state: str  # CALM, RISING (spiking, not yet confirmed), CRISIS or THREAD
    rate: float  # per hour, over the window
    usual: float  # per hour
    about: tuple[str, ...] = ()  # terms and links the spike shares that are rare otherwise
    mention_ids: tuple[int, ...] = ()  # the window's negative mentions
    started_at: datetime | None = None  # of the crisis (RISING: when the spike was first seen)
    calm_since: datetime | None = None  # in a crisis: when the window last went quiet
    spike: tuple[int, ...] = field(default=())  # negatives per 5 minutes, the last 2 hours

    @property
    def times_usual(self) -> float:
        return self.rate / self.usual if self.usual else 0.0


def assess(
    history: Sequence[Negative],
    now: datetime,
    settings: Settings = Settings(),
    previous: Assessment | None = None,
) -> Assessment:
    """The state of one client now, from its negative mentions of the last ``baseline_weeks``
    weeks, oldest first."""
    times = [n.at for n in history]
    window_start = now - timedelta(minutes=settings.window_minutes)
    first, last = bisect_right(times, window_start), bisect_right(times, now)
    window, before = history[first:last], history[:first]
    rate = len(window) * 60 / settings.window_minutes
    usual = _usual(times, now, settings)
    loud = len(window) >= settings.floor
    spiking = loud and rate >= settings.multiplier * usual
    ids = tuple(n.mention_id for n in window)
    shape = _spike(times, now)
    if previous is not None and previous.state == CRISIS:
        calm_since = None if loud else (previous.calm_since or now)
        if calm_since is not None and now - calm_since >= timedelta(minutes=settings.calm_minutes):
            return Assessment(CALM, rate, usual, spike=shape)
        about = previous.about or _about(window, before)
        ids = ids or previous.mention_ids
        # The usual before it started; a crisis restored after a restart has to work it out again.
        before_it = previous.usual or _usual(times, previous.started_at or now, settings)
        return Assessment(
            CRISIS, rate, before_it, about, ids, previous.started_at, calm_since, shape
        )
    if not spiking:
        return Assessment(CALM, rate, usual, spike=shape)
    if _one_thread(window, settings):
        return Assessment(THREAD, rate, usual, _about(window, before), ids, spike=shape)
    rising_since = previous.started_at if previous and previous.state == RISING else None
    if rising_since is None or now - rising_since < CONFIRM:
        # A burst of chance arrivals lasts a check or two; a crisis is still there minutes later.
        return Assessment(RISING, rate, usual, (), ids, rising_since or now, None, shape)
    return Assessment(CRISIS, rate, usual, _about(window, before), ids, now, None, shape)


def _usual(times: list[datetime], now: datetime, settings: Settings) -> float:
    """Negatives per hour to expect in the window ending ``now``, from what came before it."""
    window_start = now - timedelta(minutes=settings.window_minutes)
    return max(
        _usual_at(times, now, settings),
        _count(times, window_start - DAY, window_start) / 24,
        _count(times, window_start - RECENT, window_start) / (RECENT / HOUR),
        settings.min_usual,
    )


def _usual_at(times: list[datetime], now: datetime, settings: Settings) -> float:
    """The mean hourly count around this moment on past days: the same time of the week over
    past weeks, or of the day over the last three days, whichever is higher (the latter follows a
    steady climb)."""
    # Two hours around the moment rather than one: fewer mentions, steadier estimates.
    weeks = [_count(times, now - w * WEEK - HOUR, now - w * WEEK + HOUR)
             for w in range(1, settings.baseline_weeks + 1)]  # fmt: skip
    days = [_count(times, now - d * DAY - HOUR, now - d * DAY + HOUR) for d in range(1, 4)]
    return max(sum(weeks) / len(weeks), sum(days) / len(days)) / 2


def _count(times: list[datetime], after: datetime, until: datetime) -> int:
    return bisect_right(times, until) - bisect_right(times, after)


def _one_thread(window: Sequence[Negative], settings: Settings) -> bool:
    threads = Counter(n.conversation for n in window if n.conversation)
    return bool(threads) and threads.most_common(1)[0][1] >= settings.thread_share * len(window)


def _about(window: Sequence[Negative], before: Sequence[Negative], top: int = 3) -> tuple[str, ...]:
    """Terms (and link domains) shared by the spike that are rare in the baseline: each term's
    share of spike mentions against its (smoothed) share of earlier ones."""
    spike, base = _document_counts(window), _document_counts(before)
    scored = []
    for term, n in spike.items():
        if n < max(2, len(window) // 5):
            continue  # said by a few: not what the spike is about
        lift = (n / len(window)) / ((base.get(term, 0) + 1) / (len(before) + 10))
        if lift >= 3:
            scored.append((-lift, -n, term))
    return tuple(term for _, _, term in sorted(scored)[:top])


def _document_counts(items: Sequence[Negative]) -> Counter[str]:
    """In how many of ``items`` each term appears (a word of 3+ letters not a stopword, or a
    link's domain); @handles are left out."""
    counts: Counter[str] = Counter()
    for n in items:
        terms = set()
        for domain, word in _WORD.findall(n.text.lower()):
            if domain:
                terms.add(domain)
            elif word and word not in STOPWORDS:
                terms.add(word)
        counts.update(terms)
    return counts


def _spike(times: list[datetime], now: datetime) -> tuple[int, ...]:
    """Negatives per 5 minutes over the last two hours, oldest first (the banner's chart)."""
    step = timedelta(minutes=5)
    return tuple(_count(times, now - (24 - i) * step, now - (23 - i) * step) for i in range(24))
