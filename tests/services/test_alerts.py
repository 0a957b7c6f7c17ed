"""Which events become desktop notifications."""

from datetime import timedelta

from socialdesk.services import alerts
from socialdesk.store import clients, mentions
from socialdesk.store.mentions import TriageFields
from tests.factories import T0, mention


def test_an_urgent_arrival_alerts_unless_its_client_is_muted(db, account):
    client_id, account_id = account
    triage = [TriageFields("complaint", -0.9, "urgent"), TriageFields("praise", 0.8, "low")]
    ids = mentions.upsert_mentions(
        db, account_id, [mention(1, text="my card was charged twice!"), mention(2)], T0, triage
    )
    (alert,) = alerts.urgent_arrivals(db, ids, muted=set())
    assert alert.mention_id == ids[0]
    assert alert.title == "Urgent: Acme" and "charged twice" in alert.body
    assert alerts.urgent_arrivals(db, ids, muted={client_id}) == []


def test_mentions_that_just_went_overdue_are_summarised_per_client(db, account):
    client_id, account_id = account
    ids = mentions.upsert_mentions(db, account_id, [mention(n, minutes=n) for n in (1, 2, 3)], T0)
    mentions.set_mention_status(db, ids[2], "done")
    # Due at T0+61 and T0+62 (60-minute target); checking the window up to T0+65.
    (alert,) = alerts.newly_overdue(db, T0, T0 + timedelta(minutes=65), muted=set())
    assert alert.title == "2 overdue: Acme" and alert.mention_id == ids[0]
    assert (
        alerts.newly_overdue(db, T0 + timedelta(minutes=65), T0 + timedelta(hours=3), set()) == []
    )
    clients.set_notifications_muted(db, client_id, True)
    assert clients.list_clients(db, T0)[0].notifications_muted
    assert alerts.newly_overdue(db, T0, T0 + timedelta(minutes=65), muted={client_id}) == []


def test_long_texts_are_cut_for_a_glance(db, account):
    _, account_id = account
    triage = [TriageFields("complaint", -0.9, "urgent")]
    ids = mentions.upsert_mentions(db, account_id, [mention(1, text="very " * 400)], T0, triage)
    (alert,) = alerts.urgent_arrivals(db, ids, muted=set())
    assert len(alert.body) < 160 and alert.body.endswith("…")
