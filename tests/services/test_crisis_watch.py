"""Crisis mode in the store through the watch: a simulated spike starts a crisis (kept across a
restart), covering its mentions stops their clocks and can be undone, a paused outbox is
remembered after the crisis ends until it is resumed."""

from datetime import UTC, datetime, timedelta

import pytest

from socialdesk.core.crisis import CRISIS
from socialdesk.services.crisis import CrisisWatch, simulate_crisis
from socialdesk.store import clients, crises, mentions, outbox
from tests.factories import mention

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


def setup(db):
    acme = clients.add_client(db, "Acme", at=NOW - timedelta(weeks=6))
    account = clients.add_account(db, acme, "x", "acme")
    quiet = clients.add_client(db, "Quiet Co", at=NOW - timedelta(weeks=6))
    clients.add_account(db, quiet, "mastodon", "quiet", server_url="https://m.example")
    # An ordinary complaint now and then over the past weeks.
    old = [mention(n, text="my order is late, not happy") for n in range(1, 40)]
    old = [m.__class__(**{**m.__dict__, "created_at": NOW - timedelta(hours=17 * n)})
           for n, m in enumerate(old, start=1)]  # fmt: skip
    mentions.upsert_mentions(db, account, old, NOW)
    return acme, quiet


def test_a_simulated_spike_is_a_crisis_and_a_restart_keeps_it(db):
    acme, _quiet = setup(db)
    watch = CrisisWatch(db, lambda: NOW)
    assert watch.check() == []
    simulate_crisis(db, watch, NOW, acme)
    [shown] = watch.check(NOW + timedelta(minutes=1))
    assert shown.client_id == acme and shown.assessment.state == CRISIS
    assert {"app", "login"} & set(shown.assessment.about) and len(shown.samples) == 3
    assert crises.open_crises(db)[acme].started_at == NOW
    again = CrisisWatch(db, lambda: NOW)  # the app restarted
    [still] = again.check(NOW + timedelta(minutes=2))
    assert still.record.id == shown.record.id
    # The banner's "N× the usual" survives the restart (it said "0×").
    assert still.assessment.times_usual >= 4
    assert still.assessment.usual == pytest.approx(shown.assessment.usual)


def test_covering_stops_the_clocks_and_undo_gives_them_back(db):
    acme, _ = setup(db)
    watch = CrisisWatch(db, lambda: NOW)
    simulate_crisis(db, watch, NOW, acme)
    record = crises.open_crises(db)[acme]
    ids = watch.crisis_mentions(record)
    assert len(ids) >= 40
    covered = crises.cover(db, record.id, ids, NOW)
    rows = mentions.rows_by_id(db, covered)
    assert rows and {r.status for r in rows} == {"done"}
    counted = db.query("SELECT count(*) FROM mention WHERE crisis_id = ?", (record.id,))[0][0]
    assert counted == len(covered)
    crises.uncover(db, covered, NOW)
    assert {r.status for r in mentions.rows_by_id(db, covered)} == {"open"}


def test_the_crisis_ends_after_calm_and_a_paused_outbox_is_remembered_until_resumed(db):
    acme, _ = setup(db)
    watch = CrisisWatch(db, lambda: NOW)
    simulate_crisis(db, watch, NOW, acme)
    record = crises.open_crises(db)[acme]
    outbox.set_client_paused(db, acme, True)
    crises.set_outbox_paused(db, record.id, True)
    at, shown = NOW, None
    for _ in range(20):  # every 10 minutes for over three hours: the spike is long gone
        at += timedelta(minutes=10)
        shown = watch.check(at)
    assert acme not in crises.open_crises(db)
    [ended] = shown
    assert ended.ended and ended.record.ended_at is not None  # review, then resume
    outbox.set_client_paused(db, acme, False)
    assert watch.check(at + timedelta(minutes=1)) == []


def test_the_report_counts_covered_mentions_apart(db):
    from socialdesk.app.reports import period_bounds
    from socialdesk.core.report import build
    from socialdesk.store.reports import client_terms, report_rows
    from socialdesk.ui.report_pdf import takeaways

    acme, _ = setup(db)
    watch = CrisisWatch(db, lambda: NOW)
    simulate_crisis(db, watch, NOW, acme)
    record = crises.open_crises(db)[acme]
    covered = crises.cover(db, record.id, watch.crisis_mentions(record), NOW)
    terms = client_terms(db, acme)
    day = NOW.date()
    rows = report_rows(db, acme, *period_bounds(terms.timezone, day, day))
    report = build(rows, terms, day, day, NOW)
    assert report.covered_by_statement == len(covered) >= 40
    assert sum(r.status == "covered" for r in rows) == len(covered)  # the CSV's status column
    assert report.overdue == 0  # covered: their clocks stopped
    assert any("answered by a public crisis statement" in line for line in takeaways(report, 60))
