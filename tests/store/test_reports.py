"""What a client report reads from the store, on a real SQLite file, and the report built on it."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from socialdesk.core.mentions import FetchedMention, RemoteAuthor
from socialdesk.core.models import MentionStatus
from socialdesk.core.report import as_datetime, as_ms, build
from socialdesk.core.service_hours import ServiceHours
from socialdesk.store import clients, mentions
from socialdesk.store.mentions import TriageFields
from socialdesk.store.reports import client_terms, report_rows

BERLIN = ZoneInfo("Europe/Berlin")
OFFICE = {d: [["09:00", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}
MON, TUE, WED = date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4)


def berlin(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN).astimezone(UTC)


def fetched(remote_id: str, created: datetime, author: str, text: str = "hello"):
    return FetchedMention(remote_id, RemoteAuthor(author, author, author.title()), text, created)


@pytest.fixture
def store(db):
    """Acme (Berlin, office hours, 60 minutes) with an X and a Mastodon account, and another
    client. Returns (Acme's id, {name: mention id})."""
    acme = clients.add_client(
        db, "Acme", service_hours=OFFICE, timezone="Europe/Berlin", at=berlin(MON, 0)
    )
    x = clients.add_account(db, acme, "x", "acme", at=berlin(MON, 0))
    masto = clients.add_account(
        db, acme, "mastodon", "acme", server_url="https://m.example", at=berlin(MON, 0)
    )
    other = clients.add_client(db, "Other", at=berlin(MON, 0))
    elsewhere = clients.add_account(db, other, "x", "other", at=berlin(MON, 0))

    def add(account, name, created, author, triage=None, text="hello"):
        (mid,) = mentions.upsert_mentions(
            db, account, [fetched(name, created, author, text)], created, [triage]
        )
        ids[name] = mid

    ids: dict[str, int] = {}
    q, c = TriageFields("question", 0.5, "normal"), TriageFields("complaint", -1.0, "high")
    add(x, "sunday", berlin(date(2026, 3, 1), 23, 30), "ann", q)  # before the period
    add(x, "early", berlin(MON, 0, 30), "ann", q)
    add(x, "refund", berlin(MON, 10, 15), "ann", c, "Refund never came @acme https://x.co/1")
    add(masto, "toot", berlin(MON, 12), "ann", TriageFields("question", 0.0, "normal"))
    add(x, "late", berlin(MON, 16, 50), "bob", TriageFields("question", -0.5, "normal"),
        "Late delivery AGAIN")  # fmt: skip
    add(x, "love", berlin(TUE, 9, 30), "cara", TriageFields("complaint", 0.5, "high"), "love it")
    add(x, "midnight", berlin(TUE, 23, 59), "bob")  # no triage
    add(x, "wednesday", berlin(WED, 0, 10), "bob", q)  # after the period
    add(elsewhere, "other", berlin(MON, 12), "ann", c, "not Acme's")
    mentions.set_category(db, [ids["late"]], "complaint")  # the manager's category wins
    mentions.set_category(db, [ids["love"]], "praise")
    done = berlin(WED, 12)
    mentions.set_outcomes(
        db,
        [
            (ids["early"], MentionStatus.REPLIED, berlin(MON, 9, 20)),  # 20 service minutes
            (ids["refund"], MentionStatus.REPLIED, berlin(MON, 12, 15)),  # 120
            (ids["toot"], MentionStatus.REPLIED, berlin(MON, 12, 30)),  # 30
            (ids["late"], MentionStatus.REPLIED, berlin(TUE, 9, 20)),  # 10 + 20 = 30
            (ids["love"], MentionStatus.OPEN, None),  # 450 by Wed 00:00: overdue
            (ids["midnight"], MentionStatus.DONE, None),
            (ids["other"], MentionStatus.REPLIED, berlin(MON, 12, 5)),
        ],
        at=done,
    )
    return acme, ids


def test_rows_are_the_clients_own_in_the_period_oldest_first(db, store):
    acme, ids = store
    rows = report_rows(db, acme, berlin(MON, 0), berlin(WED, 0))
    names = {v: k for k, v in ids.items()}
    assert [names[r.id] for r in rows] == ["early", "refund", "toot", "late", "love", "midnight"]
    assert len(rows) == 6 and rows[2] == list(rows)[2] and rows[-1].id == ids["midnight"]
    assert [r.id for r in rows[1:3]] == [ids["refund"], ids["toot"]]
    by_name = {names[r.id]: r for r in rows}
    refund = by_name["refund"]
    assert refund.created_ms == as_ms(berlin(MON, 10, 15))  # the store's own milliseconds
    assert as_datetime(refund.created_ms) == berlin(MON, 10, 15)
    assert refund.first_response_ms == as_ms(berlin(MON, 12, 15))
    assert (refund.network, refund.account_handle, refund.author_handle) == ("x", "acme", "ann")
    assert (refund.category, refund.sentiment, refund.status) == ("complaint", -1.0, "replied")
    assert by_name["toot"].network == "mastodon"
    # The override wins, and only complaints bring their text.
    assert (by_name["late"].category, by_name["late"].text) == ("complaint", "Late delivery AGAIN")
    assert (by_name["love"].category, by_name["love"].text) == ("praise", "")
    assert by_name["early"].text == ""
    midnight = by_name["midnight"]
    assert (midnight.category, midnight.sentiment, midnight.first_response_ms) == (None, None, None)
    assert midnight.status == "done"


def test_the_period_is_half_open(db, store):
    acme, ids = store
    rows = report_rows(db, acme, berlin(MON, 10, 15), berlin(MON, 16, 50))
    assert [r.id for r in rows] == [ids["refund"], ids["toot"]]
    assert report_rows(db, acme, berlin(MON, 10, 15), berlin(MON, 10, 15)) == []


def test_client_terms(db, store):
    acme, _ = store
    terms = client_terms(db, acme)
    assert (terms.name, terms.response_target_minutes, terms.timezone) == (
        "Acme", 60, "Europe/Berlin",
    )  # fmt: skip
    assert terms.service_hours == ServiceHours.parse(OFFICE, "Europe/Berlin")
    other = clients.client_id_by_name(db, "Other")
    assert client_terms(db, other).service_hours is None  # around the clock
    unusable = clients.add_client(db, "Broken", service_hours={"mon": []})
    assert client_terms(db, unusable).service_hours is None  # as the inbox's clock treats it
    with pytest.raises(ValueError):
        client_terms(db, 9999)


def test_the_report_built_on_the_store(db, store):
    acme, ids = store
    rows = report_rows(db, acme, berlin(MON, 0), berlin(WED, 0))
    report = build(rows, client_terms(db, acme), MON, TUE, berlin(WED, 12))
    assert (report.client, report.total, report.answered) == ("Acme", 6, 4)
    assert report.response_minutes == {
        ids["early"]: 20.0, ids["refund"]: 120.0, ids["toot"]: 30.0, ids["late"]: 30.0,
    }  # fmt: skip
    assert report.median_first_response == 30.0  # 20, 30, 30, 120
    assert report.p90_first_response == 120.0
    assert (report.within_target, report.share_within_target) == (3, 0.75)
    assert report.overdue == 2  # refund answered late; love still open past the target
    assert report.by_day == [(MON, 4), (TUE, 2)]
    # Mon: (0.5 − 1 + 0 − 0.5) / 4; Tue: love's 0.5 (midnight has no triage).
    assert report.sentiment_by_day == [(MON, -0.25), (TUE, 0.5)]
    assert report.by_category == [
        ("complaint", 2), ("question", 2), ("praise", 1), ("uncategorised", 1),
    ]  # fmt: skip
    assert report.repeat_authors == [("ann", 3), ("bob", 2)]
    assert report.complaint_words == [
        ("came", 1), ("delivery", 1), ("late", 1), ("never", 1), ("refund", 1),
    ]  # fmt: skip
    assert sum(report.by_hour) == 6 and report.by_hour[0] == 1 and report.by_hour[23] == 1


def test_an_author_flagged_as_troll_is_not_listed_among_repeat_authors(db, store):
    acme, ids = store
    ann = db.query("SELECT author_id FROM mention WHERE id = ?", (ids["early"],))[0][0]
    mentions.set_author_flags(db, ann, ["troll"])
    rows = report_rows(db, acme, berlin(MON, 0), berlin(WED, 0))
    report = build(rows, client_terms(db, acme), MON, TUE, berlin(WED, 12))
    assert report.repeat_authors == [("bob", 2)]  # ann wrote 3, but is a troll
    assert report.total == 6  # her mentions still count in every other figure
