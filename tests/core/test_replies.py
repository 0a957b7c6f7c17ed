"""Saved-reply placeholders, the ;name trigger, search, and the outbox's retry rule."""

from datetime import timedelta

import pytest

from socialdesk.core import outbox, replies, tone
from socialdesk.core.replies import ReplyValues, SavedReply
from tests.factories import T0


def test_placeholders_are_filled_and_a_missing_first_name_reads_naturally():
    body = "Hi {first_name} (@{handle}), {client} here. {agent}"
    values = ReplyValues("Ana", "ana_s", "Emberline", "– Sam")
    assert replies.fill(body, values) == "Hi Ana (@ana_s), Emberline here. – Sam"
    assert replies.fill("Hi {first_name}, thanks! {agent}", ReplyValues()) == "Hi there, thanks!"
    assert replies.fill("{unknown} {first_name}", ReplyValues("Li")) == "{unknown} Li"


@pytest.mark.parametrize(
    ("display", "handle", "expected"),
    [
        ("Ana Souza", "ana", "Ana"),
        ("josé garcía", "jg", "José"),
        ("🌸🌸", "flowers", ""),
        ("coffeelover", "coffeelover", ""),
        ("محمد علي", "m", "محمد"),
        ("", "x", ""),
    ],
)
def test_first_name_from_a_display_name(display, handle, expected):
    assert replies.first_name(display, handle) == expected


def test_the_trigger_is_a_semicolon_at_a_word_start_before_the_cursor():
    assert replies.trigger_at("Hi ;ref", 7) == (3, "ref")
    assert replies.trigger_at(";", 1) == (0, "")
    assert replies.trigger_at("a;b", 3) is None  # inside a word: a real semicolon
    assert replies.trigger_at("Hi ;ref more", 12) is None


def test_search_ranks_name_prefix_then_name_then_body_and_own_before_shared():
    library = [
        SavedReply(1, "Delivery delay", "Sorry, parcels are late", None),
        SavedReply(2, "Refund", "Your refund is processed", 7),
        SavedReply(3, "Late refund", "Refunds can take 5 days", None),
        SavedReply(4, "Refund", "Shared refund text", None),
    ]
    assert [r.id for r in replies.search(library, "refund")] == [2, 4, 3]
    assert [r.id for r in replies.search(library, "late")] == [3, 1]
    assert replies.search(library, "nothing like it") == []


def test_the_built_in_replies_pass_the_tone_checks_they_exist_for():
    dms = next(r for r in replies.BUILT_IN if r.key == "take-to-dms")
    text = replies.fill(dms.body, ReplyValues(first_name="Ana"))
    context = tone.ReplyContext(
        mention_text="My order never arrived!", mention_category="complaint"
    )
    assert [f.code for f in tone.check(text, context) if f.severity != "info"] == []


def test_backoff_doubles_up_to_half_an_hour_and_respects_a_reset_time():
    assert [outbox.backoff(n).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]
    assert outbox.backoff(50) == timedelta(minutes=30)
    reset = T0 + timedelta(minutes=15)
    assert outbox.retry_at(T0, 1, reset) == reset
    assert outbox.retry_at(T0, 1) == T0 + timedelta(seconds=30)
    assert outbox.new_key(T0) != outbox.new_key(T0)
    assert outbox.key_time_micros(outbox.new_key(T0)) == int(T0.timestamp() * 1_000_000)


@pytest.mark.parametrize(
    ("text", "network", "handle", "posted"),
    [
        (
            "Sorry about that!",
            "mastodon",
            "ana@social.example",
            "@ana@social.example Sorry about that!",
        ),
        (
            "@Ana@Social.example sorry!",
            "mastodon",
            "ana@social.example",
            "@Ana@Social.example sorry!",
        ),
        (
            "Thanks @ana@social.example!",
            "mastodon",
            "ana@social.example",
            "Thanks @ana@social.example!",
        ),
        # Another Ana, or a longer handle, is not the customer.
        ("@ana sorry", "mastodon", "ana@social.example", "@ana@social.example @ana sorry"),
        (
            "@ana@social.example.org hi",
            "mastodon",
            "ana@social.example",
            "@ana@social.example @ana@social.example.org hi",
        ),
        ("@anabel hi", "mastodon", "ana", "@ana @anabel hi"),
        ("Sorry!  \n\n", "x", "ana", "Sorry!"),
        ("  Sorry!", "bluesky", "ana.bsky.social", "Sorry!"),
        ("", "mastodon", "ana", ""),
        ("Our winter hours start Monday.", "mastodon", None, "Our winter hours start Monday."),
    ],
)
def test_a_mastodon_reply_names_the_customer_and_nothing_trails(text, network, handle, posted):
    assert replies.as_posted(text, network=network, handle=handle) == posted
