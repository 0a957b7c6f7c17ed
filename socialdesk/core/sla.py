"""The response clock: how long is left before a mention misses its client's response target.

Time is passed in, never read here. Service hours (the clock pausing outside them) come with the
inbox's SLA work; until then the clock runs around the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

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


def response_clock(
    created_at: datetime,
    target_minutes: int,
    now: datetime,
    *,
    awaiting_reply: bool,
    first_response_at: datetime | None = None,
) -> ResponseClock:
    if first_response_at is not None:
        return ResponseClock(ClockState.ANSWERED, _minutes(first_response_at - created_at))
    if not awaiting_reply:
        return ResponseClock(ClockState.STOPPED, 0)
    left = created_at + timedelta(minutes=target_minutes) - now
    if left < timedelta(0):
        return ResponseClock(ClockState.OVERDUE, _minutes(-left))
    state = (
        ClockState.DUE_SOON
        if left <= timedelta(minutes=target_minutes * DUE_SOON_SHARE)
        else (ClockState.ON_TRACK)
    )
    return ResponseClock(state, _minutes(left))


def format_minutes(minutes: int) -> str:
    """``45m``, ``2h 05m``, ``3d 4h`` — short enough for a card."""
    if minutes < 60:
        return f"{minutes}m"
    hours, mins = divmod(minutes, 60)
    if hours < 24:
        return f"{hours}h {mins:02d}m"
    days, hours = divmod(hours, 24)
    return f"{days}d {hours}h"


def _minutes(delta: timedelta) -> int:
    return max(0, int(delta.total_seconds() // 60))
