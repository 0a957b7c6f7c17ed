"""Sync stores mentions already weighed (``upsert_mentions(weigh=True)``): the same priorities and
inbox order as storing them and then ``reprioritise``, which sync did before."""

from datetime import timedelta

from socialdesk.store import clients, mentions
from tests.factories import T0, mention

CASES = [  # (n, author, minutes after T0, category, sentiment, arrival priority)
    (1, "ann", 1, "complaint", -0.6, "high"),  # ann's first complaint…
    (2, "ann", 20, "complaint", -0.3, "high"),  # …so this is a repeat
    (3, "ann", 10, "question", 0.0, "high"),
    (4, "vip", 5, "question", 0.1, "high"),  # a VIP author
    (5, "bob", 12, "praise", 0.8, "low"),
    (6, "bob", 15, "complaint", -0.5, "high"),  # bob complained before, in the store
    (7, "cat", 18, "complaint", -0.4, "high"),  # cat's earlier complaint is another account's
    (8, "dan", -20, "question", 0.0, "high"),  # its clock in its last quarter at NOW
    (9, "eve", 25, "complaint", -0.2, "high"),
    (10, "eve", 25, "complaint", -0.2, "high"),  # the same moment: neither is before the other
    (11, "fay", 28, "other", 0.0, "normal"),  # stored before, read again: left as it is
]
NOW = T0 + timedelta(minutes=30)  # a 60-minute target: only dan's clock is in its last quarter


def _store(db, weigh: bool) -> list[tuple]:
    client_id = clients.add_client(db, f"Acme {weigh}", at=T0)
    account_id = clients.add_account(db, client_id, "x", f"acme{weigh}", at=T0)
    other_id = clients.add_account(db, client_id, "x", f"acme{weigh}-2", at=T0)
    earlier = mentions.TriageFields("complaint", -0.5, "high")
    mentions.upsert_mentions(
        db, other_id, [mention(900, author=f"cat{weigh}", minutes=-60)], T0, [earlier]
    )
    # bob's earlier complaint, and one mention already stored that the sync reads again.
    stored = [mention(800, author=f"bob{weigh}", minutes=-30), mention(11, author=f"fay{weigh}")]
    mentions.upsert_mentions(db, account_id, stored, T0, [earlier, None])
    batch = [mention(n, author=f"{who}{weigh}", minutes=minutes) for n, who, minutes, *_ in CASES]
    triage = [
        mentions.TriageFields(category, sentiment, level)
        for *_, category, sentiment, level in CASES
    ]
    with db.transaction() as conn:  # the VIP is known before this sync
        conn.execute(
            "INSERT INTO author (network, remote_id, handle, display_name, flags, notes)"
            " VALUES ('x', ?, 'vip', 'VIP', 'vip', '')",
            (f"vip{weigh}",),
        )
    ids = mentions.upsert_mentions(db, account_id, batch, NOW, triage, weigh=weigh)
    if not weigh:
        mentions.reprioritise(db, ids, NOW)
    rows = db.query(
        "SELECT remote_id, priority, urgency, category, status FROM mention"
        " WHERE account_id = ? ORDER BY remote_id",
        (account_id,),
    )
    return [tuple(r) for r in rows]


def test_weighing_as_they_are_stored_matches_reprioritising_after(db):
    weighed, reweighed = _store(db, True), _store(db, False)
    assert weighed == reweighed
    priorities = {r[0]: r[1] for r in weighed}
    # The cases do weigh something: a repeat, a VIP and a clock running out change priorities.
    assert priorities["m2"] == "urgent" and priorities["m4"] == "urgent"
    assert priorities["m6"] == "urgent" and priorities["m7"] == "urgent"
    assert priorities["m8"] == "urgent"
    assert priorities["m1"] == priorities["m9"] == priorities["m10"] == "high"
    assert priorities["m11"] is None  # stored before without triage: left as it was
