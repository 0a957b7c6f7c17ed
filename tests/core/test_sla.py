from datetime import UTC, datetime, timedelta

from socialdesk.core.sla import ClockState, format_minutes, response_clock

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def clock(minutes_later: int, **kw):
    kw.setdefault("awaiting_reply", True)
    return response_clock(T0, 60, T0 + timedelta(minutes=minutes_later), **kw)


def test_fresh_mention_has_the_whole_target_left():
    assert clock(0).minutes == 60
    assert clock(0).state is ClockState.ON_TRACK


def test_last_quarter_is_due_soon_and_past_target_is_overdue():
    assert clock(44).state is ClockState.ON_TRACK
    assert clock(45).state is ClockState.DUE_SOON
    assert clock(45).minutes == 15
    late = clock(75)
    assert late.state is ClockState.OVERDUE
    assert late.minutes == 15


def test_first_reply_stops_the_clock_and_records_how_long_it_took():
    answered = clock(500, first_response_at=T0 + timedelta(minutes=23))
    assert answered.state is ClockState.ANSWERED
    assert answered.minutes == 23


def test_done_without_reply_has_no_clock():
    assert clock(500, awaiting_reply=False).state is ClockState.STOPPED


def test_format_minutes():
    assert format_minutes(5) == "5m"
    assert format_minutes(125) == "2h 05m"
    assert format_minutes(60 * 24 * 3 + 60 * 4 + 7) == "3d 4h"
