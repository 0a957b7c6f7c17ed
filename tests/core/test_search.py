"""The history search language: each operator, and every malformed query falling back to plain
words with a note instead of raising."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialdesk.core.search import find_spans, fold, parse

BERLIN = timezone(timedelta(hours=1))


def test_words_are_required_prefixes_and_phrases_exact():
    q = parse('Refund "order number" late', UTC)
    assert q.words == ("refund", "late") and q.phrases == ("order number",)
    assert q.match() == '"refund"* AND "late"* AND "order number"'
    assert not q.fell_back


def test_exclusions_of_words_and_phrases():
    q = parse('refund -voucher -"gift card"', UTC)
    assert q.words == ("refund",) and q.excluded == ("voucher", "gift card")
    assert q.exclusion() == '"voucher" OR "gift card"'


def test_every_filter():
    q = parse(
        'from:@Jo_Smith client:"Ridgeway Cycles" account:@ridgeway network:Mastodon '
        "category:complaint status:replied after:2026-10-01 before:2026/11/01 brakes",
        BERLIN,
    )
    assert (q.author, q.client, q.account, q.network) == (
        "jo_smith", "Ridgeway Cycles", "ridgeway", "mastodon",
    )  # fmt: skip
    assert (q.category, q.status, q.words) == ("complaint", "replied", ("brakes",))
    # Days are the user's days: Berlin's 1 October starts at 23:00 UTC the day before.
    assert q.after == datetime(2026, 9, 30, 23, 0, tzinfo=UTC)
    assert q.before == datetime(2026, 10, 31, 23, 0, tzinfo=UTC)
    assert not q.fell_back


def test_replies_have_statuses_of_their_own_and_twitter_is_x():
    assert parse("status:sent", UTC).status == "sent"
    assert parse("network:twitter", UTC).network == "x"


@pytest.mark.parametrize(
    ("text", "note", "words"),
    [
        ('refund "order number', "quote is not closed", ("refund", "order", "number")),
        ("refund OR voucher", "operators", ("refund", "or", "voucher")),
        ("*", "operators", ()),
        ("NEAR(a b)", "operators", ("near", "a", "b")),
        ("colour:red shoes", "not a search filter", ("colour", "red", "shoes")),
        ("status:angry", "status: can be", ("status", "angry")),
        ("before:yesterday refund", "not a date", ("before", "yesterday", "refund")),
        ("from: refund", "needs something", ("from", "refund")),
        ("-from:@troll", "cannot be excluded", ("from", "troll")),
    ],
)
def test_malformed_queries_fall_back_to_the_words_and_say_so(text, note, words):
    q = parse(text, UTC)
    assert q.fell_back and note in " ".join(q.notes)
    assert q.words == words and not (q.phrases or q.excluded or q.author or q.status)


def test_ten_kilobytes_of_text_is_cut_and_said():
    q = parse("word " * 2_000, UTC)
    assert q.fell_back and "first 1,000 characters" in q.notes[0]
    assert q.words == ("word",)
    many = parse(" ".join(f"w{n}" for n in range(50)), UTC)
    assert len(many.words) == 20 and "first 20 words" in many.notes[0]


def test_a_link_is_words_not_a_filter():
    q = parse("https://shop.example.com/track", UTC)
    assert not q.fell_back and q.words == ("https", "shop", "example", "com", "track")


@given(st.text(max_size=300))
def test_any_text_parses_and_makes_only_quoted_terms(text):
    q = parse(text, UTC)
    for expression in (q.match(), q.exclusion()):
        for term in expression.replace(" AND ", "\0").replace(" OR ", "\0").split("\0"):
            assert term == "" or (term.startswith('"') and term.rstrip("*").endswith('"'))
            assert '"' not in term.strip('"*')


def test_highlight_spans_ignore_case_and_accents_and_keep_positions():
    text = "Le Café était fermé — CAFÉ closed, cafeteria open"
    spans = find_spans(text, parse("cafe", UTC).highlights())
    assert [text[a:b] for a, b in spans] == ["Café", "CAFÉ", "cafe"]  # prefixes too
    phrase = parse('"cafe closed"', UTC).highlights()
    assert [text[a:b] for a, b in find_spans(text, phrase)] == ["CAFÉ closed"]
    assert len(fold("İstanbul ﬁne")) == len("İstanbul ﬁne")
