"""Service hours: the response clock runs only while the client answers."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from socialdesk.core.service_hours import ServiceHours, ServiceHoursError
from socialdesk.core.sla import ClockState, due_at, response_clock

BERLIN = ZoneInfo("Europe/Berlin")
OFFICE = {d: [["09:00", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}


def berlin(*args) -> datetime:
    return datetime(*args, tzinfo=BERLIN)


@pytest.fixture
def office():
    return ServiceHours.parse(OFFICE, "Europe/Berlin")


def test_a_mention_at_night_is_due_the_next_morning(office):
    arrived = berlin(2026, 3, 3, 22, 0)  # Tuesday night
    assert due_at(arrived, 60, office) == berlin(2026, 3, 4, 10, 0)
    at_eight = response_clock(
        arrived, 60, berlin(2026, 3, 4, 8, 0), awaiting_reply=True, hours=office
    )
    assert (at_eight.state, at_eight.minutes, at_eight.paused) == (ClockState.ON_TRACK, 60, True)


def test_the_clock_pauses_over_the_weekend(office):
    arrived = berlin(2026, 3, 6, 16, 30)  # Friday, 30 minutes before closing
    assert due_at(arrived, 60, office) == berlin(2026, 3, 9, 9, 30)
    monday = response_clock(
        arrived, 60, berlin(2026, 3, 9, 9, 45), awaiting_reply=True, hours=office
    )
    assert (monday.state, monday.minutes) == (ClockState.OVERDUE, 15)


def test_answer_time_counts_only_service_time(office):
    arrived = berlin(2026, 3, 6, 16, 50)
    answered = response_clock(
        arrived,
        60,
        berlin(2026, 3, 10),
        awaiting_reply=False,
        first_response_at=berlin(2026, 3, 9, 9, 10),
        hours=office,
    )
    assert (answered.state, answered.minutes) == (ClockState.ANSWERED, 20)


def test_hours_follow_the_clients_wall_clock_across_daylight_saving(office):
    # Berlin moves to summer time on Sunday 29 March 2026: 09:00 local is 08:00 UTC before,
    # 07:00 UTC after.
    assert due_at(berlin(2026, 3, 27, 17, 0), 30, office) == berlin(2026, 3, 30, 9, 30)
    assert due_at(berlin(2026, 3, 27, 17, 0), 30, office).astimezone(UTC).hour == 7


def test_spans_may_run_to_midnight_and_days_may_be_closed():
    hours = ServiceHours.parse({"sat": [["18:00", "24:00"]]}, "UTC")
    saturday = datetime(2026, 3, 7, 23, 30, tzinfo=UTC)
    assert due_at(saturday, 60, hours) == datetime(2026, 3, 14, 18, 30, tzinfo=UTC)
    assert hours.open_minutes(saturday, saturday + timedelta(days=7)) == 360


def test_around_the_clock_when_no_hours_are_set():
    assert ServiceHours.parse(None) is None
    t0 = datetime(2026, 3, 7, 3, 0, tzinfo=UTC)
    assert due_at(t0, 45) == t0 + timedelta(minutes=45)


@pytest.mark.parametrize(
    ("hours", "zone", "message"),
    [
        ({"mon": [["17:00", "09:00"]]}, "UTC", "closing time must be after"),
        ({"mon": [["9am", "5pm"]]}, "UTC", "like 09:00"),
        ({"mon": [["09:00"]]}, "UTC", "like 09:00"),
        ({}, "UTC", "at least one open period"),
        (OFFICE, "Mars/Olympus", "Unknown time zone"),
    ],
)
def test_unusable_hours_are_refused_in_plain_words(hours, zone, message):
    with pytest.raises(ServiceHoursError, match=message):
        ServiceHours.parse(hours, zone)
