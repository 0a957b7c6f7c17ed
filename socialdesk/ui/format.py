"""Small display helpers shared by the feed, the detail pane and the sidebar."""

from __future__ import annotations

from datetime import datetime

from socialdesk.core.sla import ClockState, ResponseClock, format_minutes

_MAX_CARD_TEXT = 2_000  # a card shows two lines; never lay out a megabyte to draw them


def relative_time(then: datetime, now: datetime) -> str:
    seconds = int((now - then).total_seconds())
    if seconds < 60:
        return "now"
    if seconds < 3600:
        return f"{seconds // 60}m"
    if seconds < 86_400:
        return f"{seconds // 3600}h"
    if seconds < 7 * 86_400:
        return f"{seconds // 86_400}d"
    return then.astimezone().strftime("%d %b")


def clock_text(clock: ResponseClock) -> str:
    text = _clock_words(clock)
    # Outside service hours the minutes are not running: say so, or the number looks wrong.
    return f"{text} · paused" if text and clock.paused else text


def _clock_words(clock: ResponseClock) -> str:
    match clock.state:
        case ClockState.OVERDUE:
            return f"overdue {format_minutes(clock.minutes)}"
        case ClockState.ANSWERED:
            return f"answered in {format_minutes(clock.minutes)}"
        case ClockState.STOPPED:
            return ""
        case _:
            return f"{format_minutes(clock.minutes)} left"


def card_text(text: str) -> str:
    """One paragraph for a two-line card: line breaks folded, length capped."""
    return " ".join(text[:_MAX_CARD_TEXT].split())


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%a %d %b %Y, %H:%M")
