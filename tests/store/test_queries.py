"""The store's reads and writes, on a real SQLite file."""

from dataclasses import replace
from datetime import timedelta

import pytest

from socialdesk.core.models import MentionStatus
from socialdesk.store import clients, events, mentions
from socialdesk.store.mentions import MentionFilter
from tests.factories import T0, mention


def test_sync_upsert_returns_only_new_mentions_and_keeps_their_state(db, account):
    _, account_id = account
    first = mentions.upsert_mentions(db, account_id, [mention(1), mention(2)], T0)
    assert len(first) == 2
    mentions.set_mention_status(db, first[0], "done")
    again = mentions.upsert_mentions(db, account_id, [mention(1), mention(2), mention(3)], T0)
    assert len(again) == 1
    assert mentions.count_mentions(db) == 3
    assert mentions.mention_row(db, first[0]).status == "done"


def test_feed_pages_newest_first_with_author_and_client(db, account):
    _, account_id = account
    mentions.upsert_mentions(db, account_id, [mention(n) for n in range(1, 251)], T0)
    page1 = mentions.mention_rows(db, MentionFilter(sort="newest"), 0, 200)
    page2 = mentions.mention_rows(db, MentionFilter(sort="newest"), 200, 200)
    assert len(page1) == 200 and len(page2) == 50
    times = [r.created_at for r in page1 + page2]
    assert times == sorted(times, reverse=True)
    assert page1[0].text == "hello number 250"
    assert (page1[0].client_name, page1[0].account_handle) == ("Acme", "acme")
    assert (page1[0].author_handle, page1[0].author_name) == ("user_a1", "User A1")
    assert page1[0].created_at.tzinfo is not None


def test_filters_by_client_account_and_status(db, account):
    client_id, account_id = account
    other_client = clients.add_client(db, "Other")
    other_account = clients.add_account(
        db, other_client, "mastodon", "other", server_url="https://m.example"
    )
    mentions.upsert_mentions(db, account_id, [mention(1), mention(2)], T0)
    ids = mentions.upsert_mentions(db, other_account, [mention(1), mention(3)], T0)
    mentions.set_mention_status(db, ids[0], "ignored")
    assert mentions.count_mentions(db, MentionFilter(client_id=client_id)) == 2
    assert mentions.count_mentions(db, MentionFilter(account_id=other_account)) == 2
    awaiting = mentions.mention_rows(db, MentionFilter(awaiting_reply_only=True))
    assert ids[0] not in [r.id for r in awaiting] and len(awaiting) == 3
    assert mentions.count_mentions(db, MentionFilter(statuses=("ignored",))) == 1


def test_client_counts_unread_and_overdue(db, account):
    _, account_id = account
    ids = mentions.upsert_mentions(
        db, account_id, [mention(1, minutes=0), mention(2, minutes=50), mention(3, minutes=55)], T0
    )
    mentions.set_mention_status(db, ids[1], "open")
    mentions.set_mention_status(db, ids[2], "done")
    # 70 minutes after T0: only the first mention has waited past the 60-minute target.
    (client,) = clients.list_clients(db, T0 + timedelta(minutes=70))
    assert (client.unread, client.overdue) == (1, 1)
    assert (client.accounts[0].unread, client.accounts[0].overdue) == (1, 1)
    (client,) = clients.list_clients(db, T0 + timedelta(minutes=200))
    assert client.overdue == 2  # new and open both wait; done does not


def test_detail_has_the_earlier_conversation_and_the_authors_history(db, account):
    _, account_id = account
    thread = [
        mention(1, conversation_id="c1"),
        mention(2, author="a2", conversation_id="c1", in_reply_to_remote_id="m1"),
        mention(3, conversation_id="c1", in_reply_to_remote_id="m2"),
        mention(4, conversation_id="c2"),
    ]
    ids = mentions.upsert_mentions(db, account_id, thread, T0)
    detail = mentions.mention_detail(db, ids[2])
    assert [r.remote_id for r in detail.thread] == ["m1", "m2"]
    assert detail.author_mention_count == 3
    assert mentions.mention_detail(db, 999_999) is None


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
    (mid,) = mentions.upsert_mentions(db, account_id, [mention(1, text=text)], T0)
    assert mentions.mention_row(db, mid).text == text


def test_a_lone_surrogate_is_stored_as_a_replacement_character(db, account):
    _, account_id = account
    (mid,) = mentions.upsert_mentions(db, account_id, [mention(1, text="bad \ud83d end")], T0)
    assert mentions.mention_row(db, mid).text == "bad \ufffd end"


def test_status_changes_are_logged(db, account):
    _, account_id = account
    (mid,) = mentions.upsert_mentions(db, account_id, [mention(1)], T0)
    mentions.set_mention_status(db, mid, "replied", at=T0)
    event = events.last_event(db, "mention.status")
    assert event.mention_id == mid and event.detail == {"from": "new", "to": "replied"}
    with pytest.raises(ValueError):
        mentions.set_mention_status(db, mid, "archived")


def test_sync_state_keeps_the_cursor_unless_given(db, account):
    _, account_id = account
    clients.set_sync_state(db, account_id, state="ok", cursor="c-1", at=T0)
    clients.set_sync_state(db, account_id, state="error", error="offline")
    stored = clients.get_account(db, account_id)
    assert (stored.sync_cursor, stored.sync_state, stored.last_error) == ("c-1", "error", "offline")
    assert stored.last_synced_at == T0


def test_full_text_index_follows_inserts_updates_and_deletes(db, account):
    _, account_id = account
    (mid,) = mentions.upsert_mentions(db, account_id, [mention(1, text="Le café était froid")], T0)

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
    assert clients.get_account(db, account_id).handle == "acme"


def test_settled_outcomes_stop_the_clock(db, account):
    _, account_id = account
    (mid,) = mentions.upsert_mentions(db, account_id, [mention(1)], T0)
    answered = T0 + timedelta(minutes=20)
    mentions.set_outcomes(db, [(mid, MentionStatus.REPLIED, answered)], at=answered)
    row = mentions.mention_row(db, mid)
    assert (row.status, row.first_response_at) == ("replied", answered)
    assert clients.list_clients(db, T0 + timedelta(days=1))[0].overdue == 0


def test_overdue_counts_pause_outside_service_hours(db):
    office = {d: [["09:00", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}
    client_id = clients.add_client(
        db, "Office hours", service_hours=office, timezone="UTC", response_target_minutes=60
    )
    account_id = clients.add_account(db, client_id, "bluesky", "office.example")
    friday_evening = T0.replace(day=20, hour=18)  # 20 Nov 2026 is a Friday
    mentions.upsert_mentions(db, account_id, [mention(1, minutes=0)], T0)  # Fri 12:00 UTC
    late = replace(mention(2), created_at=friday_evening)
    mentions.upsert_mentions(db, account_id, [late], T0)
    monday_0930 = T0.replace(day=23, hour=9, minute=30)
    (client,) = clients.list_clients(db, monday_0930)
    # Friday noon's mention is long overdue; Friday evening's has had only 30 service minutes.
    assert (client.unread, client.overdue) == (2, 1)
    assert client.service_hours == office


def test_most_urgent_first_then_by_time_left_then_handled_newest_first(db, account):
    _, account_id = account
    batch = [mention(n, minutes=n) for n in (1, 2, 3, 4)]
    triage = [
        mentions.TriageFields("question", 0.0, "normal"),
        mentions.TriageFields("complaint", -0.8, "urgent"),
        mentions.TriageFields("praise", 0.9, "low"),
        mentions.TriageFields("question", 0.0, "high"),
    ]
    ids = mentions.upsert_mentions(db, account_id, batch, T0, triage)
    mentions.set_mention_status(db, ids[0], "done")
    order = [r.id for r in mentions.mention_rows(db, MentionFilter())]
    # urgent first; then high and normal by due time; then low (no public answer); handled last.
    assert order == [ids[1], ids[3], ids[2], ids[0]]
    row = mentions.mention_row(db, ids[1])
    assert (row.category, row.priority, row.sentiment) == ("complaint", "urgent", -0.8)
    assert row.due_at == row.created_at + timedelta(minutes=60)


def test_filters_by_network_category_priority_and_overdue(db, account):
    client_id, account_id = account
    masto = clients.add_account(db, client_id, "mastodon", "acme", server_url="https://m.example")
    triage = [mentions.TriageFields("complaint", -0.5, "high")]
    mentions.upsert_mentions(db, account_id, [mention(1, minutes=0)], T0, triage)
    mentions.upsert_mentions(db, masto, [mention(2, minutes=50)], T0)
    assert mentions.count_mentions(db, MentionFilter(network="mastodon")) == 1
    assert mentions.count_mentions(db, MentionFilter(categories=("complaint",))) == 1
    assert mentions.count_mentions(db, MentionFilter(priorities=("high", "urgent"))) == 1
    later = T0 + timedelta(minutes=70)
    overdue = mentions.mention_rows(db, MentionFilter(overdue_only=True), now=later)
    assert [r.remote_id for r in overdue] == ["m1"]
    with pytest.raises(ValueError, match="current time"):
        mentions.count_mentions(db, MentionFilter(overdue_only=True))


def test_snoozed_mentions_leave_the_inbox_until_they_wake(db, account):
    _, account_id = account
    (mid,) = mentions.upsert_mentions(db, account_id, [mention(1)], T0)
    wake = T0 + timedelta(hours=2)
    mentions.set_mention_status(db, mid, "snoozed", snoozed_until=wake, at=T0)
    assert mentions.count_mentions(db) == 0
    assert mentions.count_mentions(db, MentionFilter(statuses=("snoozed",))) == 1
    assert mentions.wake_snoozed(db, T0 + timedelta(hours=1)) == []
    assert mentions.wake_snoozed(db, wake) == [mid]
    assert mentions.mention_row(db, mid).status == "open"
    with pytest.raises(ValueError, match="wakes up"):
        mentions.set_mention_status(db, mid, "snoozed")


def test_the_managers_category_wins_and_can_be_undone(db, account):
    _, account_id = account
    triage = [mentions.TriageFields("praise", 0.7, "low")]
    ids = mentions.upsert_mentions(db, account_id, [mention(1), mention(2)], T0, triage * 2)
    before = mentions.mention_states(db, ids)
    mentions.set_category(db, ids, "complaint")
    mentions.set_mention_status(db, ids, "done", at=T0)
    assert {mentions.mention_row(db, i).category for i in ids} == {"complaint"}
    assert mentions.mention_row(db, ids[0]).category_overridden
    mentions.restore_states(db, before, at=T0)
    restored = [mentions.mention_row(db, i) for i in ids]
    assert {(r.category, r.status, r.category_overridden) for r in restored} == {
        ("praise", "new", False)
    }
    with pytest.raises(ValueError):
        mentions.set_category(db, ids, "gossip")


def test_an_unsure_call_is_kept_until_the_manager_files_it_and_undo_brings_it_back(db, account):
    _, account_id = account
    triage = [
        mentions.TriageFields("praise", 0.2, "normal", ("check: only the tone decided",), False),
        mentions.TriageFields("complaint", -0.8, "high", ("complaint words: late",)),
    ]
    unsure, sure = mentions.upsert_mentions(db, account_id, [mention(1), mention(2)], T0, triage)
    assert [mentions.mention_row(db, i).triage_sure for i in (unsure, sure)] == [False, True]
    assert mentions.mention_row(db, unsure).triage_reasons == ("check: only the tone decided",)
    check = MentionFilter(unsure_only=True)
    assert [r.id for r in mentions.mention_rows(db, check)] == [unsure]
    assert mentions.count_mentions(db, check) == 1
    assert mentions.mention_ids(db, check, 10) == [unsure]
    before = mentions.mention_states(db, [unsure])
    mentions.set_category(db, [unsure], "praise")  # the manager agrees: a sure call now
    mentions.reprioritise(db, [unsure], T0)
    assert mentions.mention_row(db, unsure).triage_sure
    assert mentions.count_mentions(db, check) == 0
    mentions.restore_states(db, before, at=T0)  # undo: triage's unsure call again
    assert not mentions.mention_row(db, unsure).triage_sure
    assert mentions.count_mentions(db, check) == 1


def test_author_flags_and_notes_show_on_every_mention_of_theirs(db, account):
    _, account_id = account
    ids = mentions.upsert_mentions(db, account_id, [mention(1), mention(2)], T0)
    author_id = mentions.mention_row(db, ids[0]).author_id
    mentions.set_author_flags(db, author_id, ["vip"])
    mentions.set_author_notes(db, author_id, "Runs the local cycling club.")
    assert mentions.mention_row(db, ids[1]).author_flags == frozenset({"vip"})
    detail = mentions.mention_detail(db, ids[1])
    assert detail.author_notes == "Runs the local cycling club."
    assert [r.id for r in detail.author_history] == [ids[0]]
    with pytest.raises(ValueError):
        mentions.set_author_flags(db, author_id, ["nemesis"])


def test_rows_without_due_times_get_them(db, account):
    _, account_id = account
    (mid,) = mentions.upsert_mentions(db, account_id, [mention(1)], T0)
    with db.transaction() as conn:
        conn.execute("UPDATE mention SET due_at = NULL, urgency = NULL")
    assert mentions.fill_due_times(db) == 1
    assert mentions.mention_row(db, mid).due_at is not None
    assert mentions.fill_due_times(db) == 0


def test_a_clients_brand_voice_is_stored_with_it_and_feeds_the_tone_checks(db, account):
    from socialdesk.core.tone import BannedPhrase, ReplyContext, check

    client_id, _ = account
    rules = (BannedPhrase("cheap", "Say 'great value'.", "great value"), BannedPhrase("guys"))
    clients.set_brand_voice(db, client_id, rules, ["care@acme.example", "  "])
    (stored,) = clients.list_clients(db, T0)
    assert stored.banned_phrases == rules
    assert stored.brand_contacts == ("care@acme.example",)
    context = ReplyContext(
        banned_phrases=stored.banned_phrases, brand_contacts=stored.brand_contacts
    )
    found = {f.code: f for f in check("@bo Cheap and cheerful! Mail care@acme.example", context)}
    assert found["brand-voice"].message == "Say 'great value'."
    assert "private-data" not in found


def test_a_hand_edited_brand_voice_is_ignored_not_fatal(db, account):
    client_id, _ = account
    with db.transaction() as conn:
        conn.execute(
            "UPDATE client SET banned_phrases = ?, brand_contacts = ? WHERE id = ?",
            ('["legacy phrase", {"nope": 1}]', "{not json", client_id),
        )
    (stored,) = clients.list_clients(db, T0)
    assert [r.phrase for r in stored.banned_phrases] == ["legacy phrase"]
    assert stored.brand_contacts == ()


@pytest.mark.parametrize("sort", ["urgent", "newest", "oldest"])
def test_keyset_pages_walk_the_same_order_as_offset_pages(db, account, sort):
    _, account_id = account
    batch = [replace(mention(n), created_at=T0 + timedelta(minutes=n % 37)) for n in range(1, 501)]
    mentions.upsert_mentions(db, account_id, batch, T0)  # many rows share a time: ties on id
    flt = MentionFilter(sort=sort)
    by_offset = [r.id for r in mentions.mention_rows(db, flt, 0, 1_000, T0)]
    walked, page = [], mentions.mention_rows(db, flt, 0, 64, T0)
    while page:
        walked += [r.id for r in page]
        page = mentions.mention_rows_after(db, flt, page[-1], 64, T0)
    assert walked == by_offset and len(walked) == 500


def _waiting_question(db, account_id, n=1, minutes=0, category="question"):
    level = "high" if category in ("question", "complaint") else "normal"
    (mid,) = mentions.upsert_mentions(
        db, account_id, [mention(n, minutes=minutes)], T0,
        [mentions.TriageFields(category, -0.2, level)],
    )  # fmt: skip
    return mid


def test_a_vip_authors_waiting_mentions_turn_urgent_and_back(db, account):
    _, account_id = account
    mid = _waiting_question(db, account_id)
    row = mentions.mention_row(db, mid)
    mentions.set_author_flags(db, row.author_id, {"vip"})
    assert mentions.reprioritise(db, [mid], T0) == [mid]
    assert mentions.mention_row(db, mid).priority == "urgent"
    assert mentions.mention_rows(db, MentionFilter())[0].id == mid
    mentions.set_author_flags(db, row.author_id, set())
    mentions.reprioritise(db, [mid], T0)
    assert mentions.mention_row(db, mid).priority == "high"


def test_a_second_complaint_from_the_same_person_is_urgent(db, account):
    _, account_id = account
    first = _waiting_question(db, account_id, 1, category="complaint")
    second = _waiting_question(db, account_id, 1_001, minutes=30, category="complaint")
    assert mentions.mention_row(db, first).author_id == mentions.mention_row(db, second).author_id
    assert mentions.reprioritise(db, [first, second], T0) == [second]
    # The detail pane says why from the same rule: the second is a repeat, the first is not.
    assert mentions.mention_detail(db, second).repeat_complainer
    assert not mentions.mention_detail(db, first).repeat_complainer


def test_a_clock_in_its_last_quarter_makes_a_question_urgent(db, account):
    _, account_id = account
    mid = _waiting_question(db, account_id, minutes=0)  # 60-minute target
    assert mentions.coming_due(db, T0 + timedelta(minutes=30)) == []
    now = T0 + timedelta(minutes=50)
    assert mentions.coming_due(db, now) == [mid]
    assert mentions.reprioritise(db, [mid], now) == [mid]
    assert mentions.mention_row(db, mid).priority == "urgent"
    assert mentions.coming_due(db, now) == []  # already urgent: nothing left to weigh


def test_the_managers_category_sets_the_priority(db, account):
    _, account_id = account
    mid = _waiting_question(db, account_id, category="other")
    mentions.set_category(db, [mid], "complaint")
    mentions.reprioritise(db, [mid], T0)
    assert mentions.mention_row(db, mid).priority == "high"


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("cafe", {"café crème was cold"}),  # accents folded
        ("CAF cre", {"café crème was cold"}),  # prefixes, any case, every word required
        ("cold", {"café crème was cold", "cold brew please"}),
        ('"unbalanced (* AND OR NEAR', set()),  # operators are only words here
        ("*", {"café crème was cold", "cold brew please", "hello"}),  # no words: no text filter
        ("x" * 10_000, set()),
    ],
)
def test_the_inbox_search_takes_any_typing_as_plain_words(db, account, typed, found):
    _, account_id = account
    texts = ["café crème was cold", "cold brew please", "hello"]
    batch = [mention(n, text=t) for n, t in enumerate(texts, start=1)]
    mentions.upsert_mentions(db, account_id, batch, T0)
    rows = mentions.mention_rows(db, MentionFilter(text=typed))
    assert {r.text for r in rows} == found
    assert mentions.count_mentions(db, MentionFilter(text=typed)) == len(found)
