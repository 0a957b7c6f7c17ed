"""The response clock: how long is left before a mention misses its client's response target.

Time is passed in, never read here. With service hours the clock counts only service time: it
pauses outside them, so a mention that arrives at night is not overdue by morning.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from socialdesk.core.service_hours import ServiceHours

DUE_SOON_SHARE = 0.25  # the last quarter of the target turns the clock amber


class ClockState(StrEnum):
    ON_TRACK = "on_track"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    ANSWERED = "answered"
    STOPPED = "stopped"  # done or ignored without a reply: no clock


@dataclass(frozen=True)
class ResponseClock:
    state: ClockState
    minutes: int  # left (on track / due soon), late by (overdue), or taken to answer (answered)
    paused: bool = False  # outside service hours: the minutes are not running now


def response_clock(
    created_at: datetime,
    target_minutes: int,
    now: datetime,
    *,
    awaiting_reply: bool,
    first_response_at: datetime | None = None,
    hours: ServiceHours | None = None,
) -> ResponseClock:
    elapsed = _service_minutes(hours, created_at, first_response_at or now)
    if first_response_at is not None:
        return ResponseClock(ClockState.ANSWERED, int(elapsed))
    if not awaiting_reply:
        return ResponseClock(ClockState.STOPPED, 0)
    paused = hours is not None and not hours.is_open(now)
    left = target_minutes - elapsed
    if left < 0:
        return ResponseClock(ClockState.OVERDUE, math.ceil(-left), paused)
    due_soon = left <= target_minutes * DUE_SOON_SHARE
    state = ClockState.DUE_SOON if due_soon else ClockState.ON_TRACK
    return ResponseClock(state, int(left), paused)


def due_at(
    created_at: datetime, target_minutes: int, hours: ServiceHours | None = None
) -> datetime:
    """When a mention becomes overdue: the order the inbox sorts "most urgent" by."""
    if hours is None:
        return created_at + timedelta(minutes=target_minutes)
    return hours.add_open_minutes(created_at, target_minutes)


def _service_minutes(hours: ServiceHours | None, start: datetime, end: datetime) -> float:
    if hours is None:
        return max(0.0, (end - start).total_seconds() / 60)
    return hours.open_minutes(start, end)


def format_minutes(minutes: int) -> str:
    """``45m``, ``2h 05m``, ``3d 4h`` — short enough for a card."""
    if minutes < 60:
        return f"{minutes}m"
    hours, mins = divmod(minutes, 60)
    if hours < 24:
        return f"{hours}h {mins:02d}m"
    days, hours = divmod(hours, 24)
    return f"{days}d {hours}h"
