"""A client's service hours: when its response clock runs.

Customers expect answers within the hours a brand says it answers (customer-care.md, "Response
times"); outside them the clock pauses. Hours are wall-clock times in the client's own time zone, so
daylight-saving changes move them with the clients' day, not with UTC.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MAX_DAYS = 400  # a clock never needs to look further than a year ahead or back


class ServiceHoursError(ValueError):
    """Service hours that cannot be used, with a message for the person who typed them."""


@dataclass(frozen=True)
class ServiceHours:
    zone: ZoneInfo
    # Per weekday (Monday first), the open spans as (start, end) wall-clock times; end may be
    # 24:00, written time.max. An empty tuple means closed all day.
    week: tuple[tuple[tuple[time, time], ...], ...]

    @classmethod
    def parse(
        cls, hours: Mapping[str, Sequence[Sequence[str]]] | None, timezone: str = "UTC"
    ) -> ServiceHours | None:
        """From the stored form ``{"mon": [["09:00", "17:00"]], ...}``; None means around the
        clock. A day left out is closed."""
        if hours is None:
            return None
        try:
            zone = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ServiceHoursError(f"Unknown time zone {timezone!r}.") from exc
        week = tuple(tuple(_span(day, s) for s in hours.get(day, ())) for day in DAYS)
        if not any(week):
            raise ServiceHoursError("Service hours need at least one open period in the week.")
        return cls(zone, week)

    def open_minutes(self, start: datetime, end: datetime) -> float:
        """Minutes of service time between two moments (0 if ``end`` is not after ``start``)."""
        if end <= start:
            return 0.0
        total = timedelta(0)
        for open_at, close_at in self._spans_from(start):
            if open_at >= end:
                break
            total += min(close_at, end) - max(open_at, start)
        return total.total_seconds() / 60

    def add_open_minutes(self, start: datetime, minutes: float) -> datetime:
        """The moment ``minutes`` of service time after ``start``."""
        left = timedelta(minutes=minutes)
        for open_at, close_at in self._spans_from(start):
            begin = max(open_at, start)
            if begin + left <= close_at:
                return begin + left
            left -= close_at - begin
        return start + timedelta(days=_MAX_DAYS)  # unreachable with at least one open span

    def is_open(self, moment: datetime) -> bool:
        return any(a <= moment < b for a, b in self._spans_on(moment.astimezone(self.zone).date()))

    def _spans_from(self, start: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Open spans (UTC) that end after ``start``, in order, for up to _MAX_DAYS days."""
        first = start.astimezone(self.zone).date() - timedelta(days=1)  # a span may cross midnight
        for offset in range(_MAX_DAYS):
            for open_at, close_at in self._spans_on(first + timedelta(days=offset)):
                if close_at > start:
                    yield open_at, close_at

    def _spans_on(self, day: date) -> Iterator[tuple[datetime, datetime]]:
        for begin, end in self.week[day.weekday()]:
            open_at = datetime.combine(day, begin, self.zone)
            close_at = (
                datetime.combine(day + timedelta(days=1), time(0), self.zone)
                if end == time.max
                else datetime.combine(day, end, self.zone)
            )
            yield open_at.astimezone(UTC), close_at.astimezone(UTC)


def _span(day: str, span: Sequence[str]) -> tuple[time, time]:
    try:
        begin, end = (_time(v) for v in span)
    except (TypeError, ValueError) as exc:
        raise ServiceHoursError(
            f"{day.capitalize()}: expected opening and closing times like 09:00–17:00, "
            f"not {span!r}."
        ) from exc
    if end != time.max and end <= begin:
        raise ServiceHoursError(f"{day.capitalize()}: closing time must be after opening time.")
    return begin, end


def _time(text: str) -> time:
    return time.max if text in ("24:00", "24:00:00") else time.fromisoformat(text)
