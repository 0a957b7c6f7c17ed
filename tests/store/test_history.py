"""The history search in the store: each operator against a small hand-made workspace of
mentions, a sent reply and a draft; newest first across all three; paging without gaps."""

from datetime import UTC, timedelta

import pytest

from socialdesk.core import outbox as policy
from socialdesk.core.search import parse
from socialdesk.store import clients, drafts, history, mentions, outbox
from tests.factories import T0, mention


@pytest.fixture
def workspace(db):
    acme = clients.add_client(db, "Acme Coffee", "#ff0000", at=T0)
    x = clients.add_account(db, acme, "x", "acme", "Acme", at=T0)
    ridge = clients.add_client(db, "Ridgeway Cycles", "#00ff00", at=T0)
    masto = clients.add_account(db, ridge, "mastodon", "ridgeway", "Ridgeway", at=T0)
    ids = mentions.upsert_mentions(db, x, [
        mention(1, author="jo", text="Mon café est froid, remboursement svp"),
        mention(2, author="kim", text="Where is my order number 1234? Still late"),
        mention(3, author="kim", text="order arrived, thanks, but the gift card was missing"),
    ], T0)  # fmt: skip
    ids += mentions.upsert_mentions(db, masto, [
        mention(4, author="lee", text="The brakes squeal on my new order"),
    ], T0)  # fmt: skip
    mentions.set_category(db, [ids[1]], "complaint")
    mentions.set_mention_status(db, [ids[0]], "done", at=T0)
    # A reply sent to the late order, and a draft still being written for the brakes.
    draft = drafts.save_draft(db, account_id=x, mention_id=ids[1], cursor=0, now=T0,
                              text="So sorry about your order! DM us the number.")  # fmt: skip
    item = drafts.approve(db, draft, policy.new_key(T0), T0 + timedelta(minutes=10))
    outbox.claim(db, item, T0 + timedelta(minutes=11))
    outbox.mark_sent(db, item, "99", "https://x.com/acme/status/99", T0 + timedelta(minutes=12))
    drafts.save_draft(db, account_id=masto, mention_id=ids[3], cursor=0,
                      now=T0 + timedelta(minutes=20),
                      text="Sorry to hear about the brakes")  # fmt: skip
    return db, ids


def found(db, text):
    return [(i.kind, i.row.text[:20]) for i in history.search(db, parse(text, UTC))]


def test_everything_newest_first_replies_as_the_account(workspace):
    db, ids = workspace
    items = history.search(db, parse("", UTC))
    assert [i.kind for i in items] == ["draft", "reply", "mention", "mention", "mention", "mention"]
    draft, reply = items[0], items[1]
    assert draft.row.author_handle == "ridgeway" and draft.row.status == "draft"
    assert reply.row.status == "sent" and reply.mention_id == ids[1]
    assert reply.row.url == "https://x.com/acme/status/99"
    assert history.count(db, parse("", UTC)) == 6


def test_words_fold_accents_and_find_prefixes_in_every_kind(workspace):
    db, _ = workspace
    assert found(db, "cafe") == [("mention", "Mon café est froid, ")]
    assert [k for k, _ in found(db, "orde")] == ["reply", "mention", "mention", "mention"]
    assert [k for k, _ in found(db, "sorry")] == ["draft", "reply"]


def test_phrases_and_exclusions(workspace):
    db, _ = workspace
    assert found(db, '"order number"') == [("mention", "Where is my order nu")]
    assert [t for _, t in found(db, 'order -"gift card" -brakes')] == [
        "So sorry about your ", "Where is my order nu",
    ]  # fmt: skip
    assert [k for k, _ in found(db, "-order")] == ["draft", "mention"]


def test_filters(workspace):
    db, _ = workspace
    assert [t for _, t in found(db, "from:@User_Kim")] == [
        "order arrived, thank",
        "Where is my order nu",
    ]
    assert [k for k, _ in found(db, "from:@acme")] == ["reply"]  # what the brand wrote
    assert [k for k, _ in found(db, "client:ridgeway")] == ["draft", "mention"]
    assert [k for k, _ in found(db, "account:@acme order")] == ["reply", "mention", "mention"]
    assert [k for k, _ in found(db, "network:mastodon")] == ["draft", "mention"]
    assert [k for k, _ in found(db, "category:complaint")] == ["reply", "mention"]
    assert found(db, "status:done") == [("mention", "Mon café est froid, ")]
    assert [k for k, _ in found(db, "status:sent")] == ["reply"]
    assert [k for k, _ in found(db, "status:draft")] == ["draft"]
    assert found(db, "status:failed") == []


def test_dates_are_days_and_before_excludes_its_day(workspace):
    db, _ = workspace
    assert len(found(db, "before:2026-11-20")) == 0
    assert len(found(db, "after:2026-11-20 before:2026-11-21")) == 6
    assert len(found(db, "after:2026-11-21")) == 0


def test_a_malformed_query_still_finds_by_its_words(workspace):
    db, _ = workspace
    query = parse('"order', UTC)
    assert query.fell_back and [k for k, _ in found(db, '"order')] == [
        "reply", "mention", "mention", "mention",
    ]  # fmt: skip
    assert found(db, "*") == found(db, "")
    assert found(db, '"' * 10_001) == found(db, "")


def test_pages_follow_each_other_without_gaps_or_repeats(db, account):
    _, account_id = account
    many = [mention(n, minutes=n // 3) for n in range(1, 451)]  # three to a minute: ties
    mentions.upsert_mentions(db, account_id, many, T0)
    query, seen, last = parse("hello", UTC), [], None
    while page := history.search(db, query, after=last, limit=100):
        seen += [i.id for i in page]
        last = page[-1]
    assert len(seen) == 450 == len(set(seen))


def test_a_late_arrival_is_listed_by_when_it_was_written(db, account):
    """Ids rise as mentions arrive, not as they were written: an account connected later brings
    its older mentions after newer ones. The newest-first walk by id still lists by time, and
    paging neither skips nor repeats across the late arrivals."""
    client_id, account_id = account
    late = clients.add_account(db, client_id, "mastodon", "late", at=T0)
    mentions.upsert_mentions(
        db, account_id, [mention(n, minutes=2 * n) for n in range(1, 1201)], T0
    )
    # Arrives last, written between the others (odd minutes), a thousand ids above them.
    mentions.upsert_mentions(db, late, [mention(n, minutes=2 * n + 1) for n in range(1, 1201)], T0)
    query, seen, last = parse("hello", UTC), [], None
    while page := history.search(db, query, after=last, limit=150):
        seen += page
        last = page[-1]
    times = [item.at for item in seen]
    assert len(seen) == 2400 == len({i.id for i in seen})
    assert times == sorted(times, reverse=True)
    assert history.count(db, query) == 2400
    assert history.count(db, parse("hello client:acme -number", UTC)) == 0


def test_words_with_filters_and_exclusions_walk_the_index_newest_first(workspace):
    db, _ = workspace
    assert [t for _, t in found(db, "order -gift client:acme")] == [
        "So sorry about your ", "Where is my order nu",
    ]  # fmt: skip
    assert history.count(db, parse("order -gift client:acme", UTC)) == 2
    assert history.count(db, parse("order", UTC)) == 4
