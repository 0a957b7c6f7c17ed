"""The store's reads and writes, on a real SQLite file."""

from dataclasses import replace
from datetime import timedelta

import pytest

from socialdesk.core.models import MentionStatus
from socialdesk.store import queries
from socialdesk.store.queries import MentionFilter
from tests.store.conftest import T0, mention


def test_sync_upsert_returns_only_new_mentions_and_keeps_their_state(db, account):
    _, account_id = account
    first = queries.upsert_mentions(db, account_id, [mention(1), mention(2)], T0)
    assert len(first) == 2
    queries.set_mention_status(db, first[0], "done")
    again = queries.upsert_mentions(db, account_id, [mention(1), mention(2), mention(3)], T0)
    assert len(again) == 1
    assert queries.count_mentions(db) == 3
    assert queries.mention_row(db, first[0]).status == "done"


def test_feed_pages_newest_first_with_author_and_client(db, account):
    _, account_id = account
    queries.upsert_mentions(db, account_id, [mention(n) for n in range(1, 251)], T0)
    page1 = queries.mention_rows(db, MentionFilter(), 0, 200)
    page2 = queries.mention_rows(db, MentionFilter(), 200, 200)
    assert len(page1) == 200 and len(page2) == 50
    times = [r.created_at for r in page1 + page2]
    assert times == sorted(times, reverse=True)
    assert page1[0].text == "hello number 250"
    assert (page1[0].client_name, page1[0].account_handle) == ("Acme", "acme")
    assert (page1[0].author_handle, page1[0].author_name) == ("user_a1", "User A1")
    assert page1[0].created_at.tzinfo is not None


def test_filters_by_client_account_and_status(db, account):
    client_id, account_id = account
    other_client = queries.add_client(db, "Other")
    other_account = queries.add_account(
        db, other_client, "mastodon", "other", server_url="https://m.example"
    )
    queries.upsert_mentions(db, account_id, [mention(1), mention(2)], T0)
    ids = queries.upsert_mentions(db, other_account, [mention(1), mention(3)], T0)
    queries.set_mention_status(db, ids[0], "ignored")
    assert queries.count_mentions(db, MentionFilter(client_id=client_id)) == 2
    assert queries.count_mentions(db, MentionFilter(account_id=other_account)) == 2
    awaiting = queries.mention_rows(db, MentionFilter(awaiting_reply_only=True))
    assert ids[0] not in [r.id for r in awaiting] and len(awaiting) == 3
    assert queries.count_mentions(db, MentionFilter(statuses=("ignored",))) == 1


def test_client_counts_unread_and_overdue(db, account):
    _, account_id = account
    ids = queries.upsert_mentions(
        db, account_id, [mention(1, minutes=0), mention(2, minutes=50), mention(3, minutes=55)], T0
    )
    queries.set_mention_status(db, ids[1], "open")
    queries.set_mention_status(db, ids[2], "done")
    # 70 minutes after T0: only the first mention has waited past the 60-minute target.
    (client,) = queries.list_clients(db, T0 + timedelta(minutes=70))
    assert (client.unread, client.overdue) == (1, 1)
    assert (client.accounts[0].unread, client.accounts[0].overdue) == (1, 1)
    (client,) = queries.list_clients(db, T0 + timedelta(minutes=200))
    assert client.overdue == 2  # new and open both wait; done does not


def test_detail_has_the_earlier_conversation_and_the_authors_history(db, account):
    _, account_id = account
    thread = [
        mention(1, conversation_id="c1"),
        mention(2, author="a2", conversation_id="c1", in_reply_to_remote_id="m1"),
        mention(3, conversation_id="c1", in_reply_to_remote_id="m2"),
        mention(4, conversation_id="c2"),
    ]
    ids = queries.upsert_mentions(db, account_id, thread, T0)
    detail = queries.mention_detail(db, ids[2])
    assert [r.remote_id for r in detail.thread] == ["m1", "m2"]
    assert detail.author_mention_count == 3
    assert queries.mention_detail(db, 999_999) is None


@pytest.mark.parametrize(
    "text",
    [
        "emoji 👩🏽‍💻🇩🇪 and a keycap 1️⃣",
        "RTL: مرحبا، طلبي لم يصل",
        "<b>bold</b> <img src=x onerror=alert(1)> &amp;",
        "NUL\x00inside",
        "x" * 1_000_000,
    ],
)
def test_any_text_round_trips_unchanged(db, account, text):
    _, account_id = account
    (mid,) = queries.upsert_mentions(db, account_id, [mention(1, text=text)], T0)
    assert queries.mention_row(db, mid).text == text


def test_a_lone_surrogate_is_stored_as_a_replacement_character(db, account):
    _, account_id = account
    (mid,) = queries.upsert_mentions(db, account_id, [mention(1, text="bad \ud83d end")], T0)
    assert queries.mention_row(db, mid).text == "bad \ufffd end"


def test_status_changes_are_logged(db, account):
    _, account_id = account
    (mid,) = queries.upsert_mentions(db, account_id, [mention(1)], T0)
    queries.set_mention_status(db, mid, "replied", at=T0)
    event = queries.last_event(db, "mention.status")
    assert event.mention_id == mid and event.detail == {"from": "new", "to": "replied"}
    with pytest.raises(ValueError):
        queries.set_mention_status(db, mid, "archived")


def test_sync_state_keeps_the_cursor_unless_given(db, account):
    _, account_id = account
    queries.set_sync_state(db, account_id, state="ok", cursor="c-1", at=T0)
    queries.set_sync_state(db, account_id, state="error", error="offline")
    stored = queries.get_account(db, account_id)
    assert (stored.sync_cursor, stored.sync_state, stored.last_error) == ("c-1", "error", "offline")
    assert stored.last_synced_at == T0


def test_full_text_index_follows_inserts_updates_and_deletes(db, account):
    _, account_id = account
    (mid,) = queries.upsert_mentions(db, account_id, [mention(1, text="Le café était froid")], T0)

    def search(word):
        return [
            r[0]
            for r in db.query("SELECT rowid FROM mention_fts WHERE mention_fts MATCH ?", (word,))
        ]

    assert search("cafe") == [mid]  # diacritics folded
    with db.transaction() as conn:
        conn.execute("UPDATE mention SET text = 'tea instead' WHERE id = ?", (mid,))
    assert search("cafe") == [] and search("tea") == [mid]
    with db.transaction() as conn:
        conn.execute("DELETE FROM mention WHERE id = ?", (mid,))
    assert search("tea") == []


def test_a_failed_transaction_leaves_nothing_behind(db, account):
    _, account_id = account
    with pytest.raises(RuntimeError), db.transaction() as conn:
        conn.execute("UPDATE account SET handle = 'changed' WHERE id = ?", (account_id,))
        raise RuntimeError("interrupted")
    assert queries.get_account(db, account_id).handle == "acme"


def test_settled_outcomes_stop_the_clock(db, account):
    _, account_id = account
    (mid,) = queries.upsert_mentions(db, account_id, [mention(1)], T0)
    answered = T0 + timedelta(minutes=20)
    queries.set_outcomes(db, [(mid, MentionStatus.REPLIED, answered)], at=answered)
    row = queries.mention_row(db, mid)
    assert (row.status, row.first_response_at) == ("replied", answered)
    assert queries.list_clients(db, T0 + timedelta(days=1))[0].overdue == 0


def test_overdue_counts_pause_outside_service_hours(db):
    office = {d: [["09:00", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}
    client_id = queries.add_client(
        db, "Office hours", service_hours=office, timezone="UTC", response_target_minutes=60
    )
    account_id = queries.add_account(db, client_id, "bluesky", "office.example")
    friday_evening = T0.replace(day=20, hour=18)  # 20 Nov 2026 is a Friday
    queries.upsert_mentions(db, account_id, [mention(1, minutes=0)], T0)  # Fri 12:00 UTC
    late = replace(mention(2), created_at=friday_evening)
    queries.upsert_mentions(db, account_id, [late], T0)
    monday_0930 = T0.replace(day=23, hour=9, minute=30)
    (client,) = queries.list_clients(db, monday_0930)
    # Friday noon's mention is long overdue; Friday evening's has had only 30 service minutes.
    assert (client.unread, client.overdue) == (2, 1)
    assert client.service_hours == office
