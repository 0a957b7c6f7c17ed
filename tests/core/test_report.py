"""The client report's figures, on a small period worked out by hand."""

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from socialdesk.core.report import (
    ClientTerms,
    ReportRow,
    as_datetime,
    as_ms,
    build,
    word_counts,
)
from socialdesk.core.service_hours import ServiceHours
from socialdesk.core.sla import _service_minutes

BERLIN = ZoneInfo("Europe/Berlin")  # UTC+1 in early March 2026
OFFICE = {d: [["09:00", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}
MON, TUE = date(2026, 3, 2), date(2026, 3, 3)


def berlin(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN).astimezone(UTC)


def row(
    id_: int,
    created: datetime,
    *,
    author: str = "someone",
    category: str | None = "question",
    sentiment: float | None = None,
    status: str = "new",
    answered: datetime | None = None,
    text: str = "",
) -> ReportRow:
    answered_ms = None if answered is None else as_ms(answered)
    return ReportRow(
        id_, as_ms(created), "x", "acme", author, category, sentiment, status, answered_ms, text
    )


def office_terms(**kw) -> ClientTerms:
    kw.setdefault("service_hours", ServiceHours.parse(OFFICE, "Europe/Berlin"))
    return ClientTerms("Acme", 60, "Europe/Berlin", **kw)


WED = date(2026, 3, 4)
NOW = berlin(WED, 12)  # after the period: its clock is read at its end, Wed 00:00

# Mon 2 – Tue 3 March 2026 in Berlin, service hours Mon–Fri 09:00–17:00, target 60 minutes.
# Service minutes to the first response are in the comments.
ROWS = [
    # Sun 23:30 Berlin: before the period (though Mon 00:30 would be, were days in UTC).
    row(90, berlin(date(2026, 3, 1), 23, 30), author="ann", status="replied"),
    # Mon 00:30 Berlin is Sun 23:30 UTC: in the period only because days are Berlin's.
    # Answered 09:20: the clock starts at 09:00 -> 20.
    row(1, berlin(MON, 0, 30), author="night_owl", sentiment=0.5, status="replied",
        answered=berlin(MON, 9, 20)),
    row(2, berlin(MON, 9), author="ann", category="complaint", sentiment=-0.5,
        status="replied", answered=berlin(MON, 9, 45),  # 45
        text="My order is still late!!! @acme https://t.co/xyz #delivery late again"),
    row(3, berlin(MON, 10, 15), author="ann", category="complaint", sentiment=-1.0,
        status="replied", answered=berlin(MON, 12, 15),  # 120: late
        text="Refund please. The refund never came, order 12345 www.acme.com/help"),
    row(4, berlin(MON, 11), author="bob", category="praise", sentiment=1.0, status="done",
        answered=berlin(MON, 11, 5)),  # 5
    # 16:50 -> Tue 09:20: 10 minutes before closing + 20 after opening = 30.
    row(5, berlin(MON, 16, 50), author="cara", status="replied", answered=berlin(TUE, 9, 20)),
    # Unanswered and new: Mon 18:00 -> Wed 00:00 holds Tuesday's 480 service minutes: overdue.
    row(6, berlin(MON, 18), author="dan", category=None, sentiment=-0.25, status="new"),
    # Unanswered but ignored: no clock, never overdue.
    row(7, berlin(MON, 20), author="ann", category="spam", status="ignored"),
    row(8, berlin(TUE, 8), author="bob", category="complaint", sentiment=-0.25,
        status="replied", answered=berlin(TUE, 10, 30),  # 09:00–10:30 = 90: late
        text="Delivery late, the app crashed @AcmeHelp @acme@mastodon.social"),
    row(9, berlin(TUE, 9, 30), author="eve", sentiment=0.25, status="replied",
        answered=berlin(TUE, 10)),  # 30
    # Open since 16:30: only 30 service minutes by Wed 00:00 (7½ hours by the wall clock).
    row(10, berlin(TUE, 16, 30), author="fay", status="open"),
    # Snoozed after closing time: 0 service minutes by Wed 00:00.
    row(11, berlin(TUE, 17, 30), author="gus", category="complaint", sentiment=-0.5,
        status="snoozed", text="App crashed again. Useless app."),
    # A minute before local midnight (22:59 UTC), answered Wed 09:10 after the period: 10.
    row(12, berlin(TUE, 23, 59), author="bob", category="feedback", sentiment=0.75,
        status="done", answered=berlin(WED, 9, 10)),
    # Wed 00:10 Berlin is Tue 23:10 UTC: after the period.
    row(91, berlin(WED, 0, 10), author="bob", status="new"),
]  # fmt: skip


def test_every_figure_of_a_period_worked_out_by_hand():
    report = build(ROWS, office_terms(), MON, TUE, NOW)
    assert (report.client, report.start, report.end) == ("Acme", MON, TUE)
    assert report.total == 12  # rows 1–12; 90 and 91 fall outside Berlin's days
    # Answered: 1, 2, 3, 4, 5, 8, 9, 12 -> minutes 5, 10, 20, 30, 30, 45, 90, 120.
    assert report.answered == 8
    assert report.response_minutes == {
        1: 20.0, 2: 45.0, 3: 120.0, 4: 5.0, 5: 30.0, 8: 90.0, 9: 30.0, 12: 10.0
    }  # fmt: skip
    assert report.median_first_response == 30.0  # (30 + 30) / 2
    assert report.p90_first_response == 120.0  # ceil(0.9 × 8) = 8th of 8
    assert report.within_target == 6  # 5, 10, 20, 30, 30, 45
    assert report.share_within_target == 0.75  # 6 / 8
    assert report.overdue == 3  # answered late: 3 and 8; still waiting past the target: 6
    assert report.by_day == [(MON, 7), (TUE, 5)]
    assert report.sentiment_by_day == [
        (MON, pytest.approx(-0.05)),  # (0.5 − 0.5 − 1 + 1 − 0.25) / 5
        (TUE, pytest.approx(0.0625)),  # (−0.25 + 0.25 − 0.5 + 0.75) / 4
    ]
    assert report.by_category == [
        ("complaint", 4), ("question", 4),  # a tie goes by name
        ("feedback", 1), ("praise", 1), ("spam", 1), ("uncategorised", 1),
    ]  # fmt: skip
    hours = [0] * 24
    for hour in (0, 9, 10, 11, 16, 18, 20, 8, 9, 16, 17, 23):  # rows 1–12, Berlin's hours
        hours[hour] += 1
    assert report.by_hour == hours
    assert report.repeat_authors == [("ann", 3), ("bob", 3)]  # ann's Sunday one is not counted
    # Complaints 2, 3, 8, 11; no handle, link, number or stopword ("still", "the", "again").
    assert report.complaint_words == [
        ("app", 3), ("late", 3),
        ("crashed", 2), ("delivery", 2), ("order", 2), ("refund", 2),
        ("came", 1), ("never", 1), ("useless", 1),
    ]  # fmt: skip


def test_without_service_hours_every_minute_counts():
    report = build(ROWS, office_terms(service_hours=None), MON, TUE, NOW)
    assert report.response_minutes[1] == 530.0  # 00:30 -> 09:20
    assert report.response_minutes[5] == 990.0  # Mon 16:50 -> Tue 09:20
    # Late: 1, 3, 5, 8, 12 (9h11m); still waiting past 60 at Wed 00:00: 6 (new), 10 (open),
    # 11 (snoozed). 7 is ignored.
    assert report.within_target == 3  # 2 (45), 4 (5), 9 (30)
    assert report.overdue == 5 + 3


def test_unanswered_mentions_are_read_as_of_now_when_the_period_is_not_over():
    terms = ClientTerms("Acme", 60, "Europe/Berlin")
    waiting = [row(1, berlin(MON, 10), status="open")]
    assert build(waiting, terms, MON, MON, berlin(MON, 10, 59)).overdue == 0
    assert build(waiting, terms, MON, MON, berlin(MON, 11, 1)).overdue == 1
    # Read to the microsecond: the target is "at most", and now is not a row's millisecond.
    assert build(waiting, terms, MON, MON, berlin(MON, 11)).overdue == 0
    assert build(waiting, terms, MON, MON, berlin(MON, 11) + timedelta(microseconds=1)).overdue == 1
    office = office_terms()
    assert build(waiting, office, MON, MON, berlin(MON, 11)).overdue == 0
    assert (
        build(waiting, office, MON, MON, berlin(MON, 11) + timedelta(microseconds=1)).overdue == 1
    )
    # An answer counts even when given after "now" (a report rebuilt from old rows).
    answered = [row(1, berlin(MON, 10), answered=berlin(MON, 10, 30))]
    assert build(answered, terms, MON, MON, berlin(MON, 10, 5)).response_minutes == {1: 30.0}


def test_no_rows_gives_zeros_and_nones():
    report = build([], office_terms(), MON, TUE, NOW)
    assert (report.total, report.answered, report.within_target, report.overdue) == (0, 0, 0, 0)
    assert report.median_first_response is None
    assert report.p90_first_response is None
    assert report.share_within_target is None
    assert report.by_day == [(MON, 0), (TUE, 0)]
    assert report.sentiment_by_day == [(MON, None), (TUE, None)]
    assert report.by_hour == [0] * 24
    assert report.by_category == report.repeat_authors == report.complaint_words == []
    assert report.response_minutes == {}


def test_days_without_sentiment_have_none_and_every_day_is_listed():
    rows = [
        row(1, berlin(TUE, 12), sentiment=None),
        row(2, berlin(TUE, 13), sentiment=0.5),
        row(3, berlin(TUE, 14), sentiment=-0.25),
    ]
    report = build(rows, office_terms(), MON, WED, NOW)
    assert report.by_day == [(MON, 0), (TUE, 3), (WED, 0)]
    assert report.sentiment_by_day == [(MON, None), (TUE, 0.125), (WED, None)]


def test_repeat_authors_need_two_mentions_and_are_the_top_ten():
    rows = []
    for i, handle in enumerate(["zed"] * 3 + ["solo"] + [f"user{n:02d}" for n in range(12)] * 2):
        rows.append(row(i, berlin(MON, 12) + timedelta(seconds=i), author=handle))
    report = build(rows, office_terms(), MON, MON, NOW)
    assert report.repeat_authors == [("zed", 3)] + [(f"user{n:02d}", 2) for n in range(9)]


def test_complaint_words_leave_out_how_the_writer_feels_or_stresses_it():
    counts = word_counts(["Great, clearly the refund honestly never came. Seriously awful!"])
    assert counts == {"refund": 1, "never": 1, "came": 1}


def test_complaint_words_leave_out_stopwords_handles_links_and_numbers():
    counts = word_counts([
        "@acme your app’s login is broken AGAIN. It's been 3 days!! https://acme.example/x",
        "Why can't I log in? #LoginBroken #login www.acme.example/status @acme@mastodon.social",
        "The login page says error 500 and I'm stuck",
    ])  # fmt: skip
    assert counts == {
        "app": 1, "login": 3, "broken": 1, "days": 1, "log": 1, "loginbroken": 1, "page": 1,
        "says": 1, "error": 1, "stuck": 1,
    }  # fmt: skip
    # Only complaints are counted, and at most 15 words, ties by word.
    words = " ".join(f"word{chr(97 + i)}x" for i in range(20))
    rows = [
        row(1, berlin(MON, 12), category="complaint", text=f"{words} refund refund"),
        row(2, berlin(MON, 13), category="praise", text="lovely lovely lovely"),
    ]
    report = build(rows, office_terms(), MON, MON, NOW)
    assert report.complaint_words[0] == ("refund", 2)
    assert report.complaint_words[1:] == [(f"word{chr(97 + i)}x", 1) for i in range(14)]


def test_an_unknown_time_zone_counts_days_in_utc():
    terms = ClientTerms("Acme", 60, "Mars/Olympus_Mons")
    rows = [row(1, datetime(2026, 3, 2, 23, 30, tzinfo=UTC))]  # Tue 00:30 in Berlin
    report = build(rows, terms, MON, MON, NOW)
    assert report.by_day == [(MON, 1)]
    assert report.by_hour[23] == 1


def test_hours_are_local_across_a_daylight_saving_change():
    sunday = date(2026, 3, 29)  # Berlin's clocks go from 02:00 to 03:00: a 23-hour day
    rows = [
        row(1, datetime(2026, 3, 28, 23, 30, tzinfo=UTC)),  # 00:30 CET
        row(2, datetime(2026, 3, 29, 0, 30, tzinfo=UTC)),  # 01:30 CET
        row(3, datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),  # 03:30 CEST
        row(4, datetime(2026, 3, 29, 21, 59, tzinfo=UTC)),  # 23:59 CEST
        row(5, datetime(2026, 3, 29, 22, 0, tzinfo=UTC)),  # Monday 00:00 CEST: the next day
    ]
    report = build(rows, ClientTerms("Acme", 60, "Europe/Berlin"), sunday, sunday, NOW)
    assert report.by_day == [(sunday, 4)]
    assert [h for h, n in enumerate(report.by_hour) if n] == [0, 1, 3, 23]


def test_hours_are_local_where_clocks_move_half_an_hour():
    """Lord Howe Island leaves summer time at 02:00 back to 01:30: its 1 o'clock hour is 90
    minutes long, and local hours no longer begin on UTC's."""
    day = date(2026, 4, 5)  # 00:00 local (UTC+11) is 13:00 UTC; the day lasts 24½ hours
    first = datetime(2026, 4, 4, 13, tzinfo=UTC)
    rows = [row(i, first + timedelta(minutes=10 * i)) for i in range(147)]
    report = build(rows, ClientTerms("Acme", 60, "Australia/Lord_Howe"), day, day, NOW)
    assert report.by_day == [(day, 147)]
    assert report.by_hour == [6, 9] + [6] * 22


def test_a_weekend_with_office_hours_has_no_service_minutes():
    sat, sun = date(2026, 3, 7), date(2026, 3, 8)  # Friday before is open, the weekend is not
    rows = [
        row(1, berlin(sun, 10), status="replied", answered=berlin(sun, 11)),
        row(2, berlin(sun, 12), status="new"),
    ]
    for first in (sat, sun):
        report = build(rows, office_terms(), first, sun, berlin(sun, 23))
        assert (report.response_minutes, report.overdue) == ({1: 0.0}, 0)


@pytest.mark.parametrize(
    ("hours", "zone"),
    [
        (OFFICE, "Europe/Berlin"),
        ({"mon": [["00:00", "24:00"]], "sat": [["22:00", "24:00"]]}, "America/New_York"),
        ({"sun": [["01:30", "03:30"]], "wed": [["08:00", "12:00"], ["13:00", "18:00"]]},
         "Europe/London"),
        ({"mon": [["13:00", "17:00"], ["09:00", "12:00"]]}, "Europe/Berlin"),  # typed out of order
    ],
)  # fmt: skip
def test_response_minutes_are_the_response_clocks(hours, zone):
    """build() lays the service hours out once for speed: it must count as the clock does
    (core.sla), across daylight-saving changes, and for answers long after the period."""
    service = ServiceHours.parse(hours, zone)
    rng = random.Random(7)
    start, end = date(2026, 3, 20), date(2026, 4, 5)  # Europe and the US change clocks in it
    base = datetime(2026, 3, 21, tzinfo=UTC)
    rows = []
    for i in range(400):
        created = base + timedelta(seconds=rng.randrange(14 * 86_400), milliseconds=i)
        answered = created + rng.choice([
            timedelta(minutes=rng.expovariate(1 / 300)), timedelta(days=rng.choice([70, 395])),
            timedelta(minutes=-5), timedelta(0),
        ])  # fmt: skip
        rows.append(row(i, created, status="replied", answered=answered))
    report = build(rows, ClientTerms("Acme", 60, zone, service), start, end, NOW)
    assert report.response_minutes == {
        r.id: _service_minutes(service, as_datetime(r.created_ms), as_datetime(r.first_response_ms))
        for r in rows
    }


def test_row_times_are_exact_milliseconds():
    moment = datetime(2026, 3, 29, 1, 30, 15, 123_000, tzinfo=UTC)
    assert as_ms(moment) == 1_774_747_815_123
    assert as_datetime(as_ms(moment)) == moment
    assert as_datetime(0) == datetime(1970, 1, 1, tzinfo=UTC)
    assert as_ms(moment.astimezone(BERLIN)) == as_ms(moment)
