"""The tone-check contract: types, order, spans and suggestions that do what they say; bad input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialdesk.core.limits import NetworkLimits
from socialdesk.core.tone import CODES, BannedPhrase, Finding, ReplyContext, check

COMPLAINT = ReplyContext(mention_category="complaint", mention_text="My order arrived broken")


def codes(draft: str, context: ReplyContext | None = None) -> list[str]:
    return [f.code for f in check(draft, context or ReplyContext())]


def apply(draft: str, finding: Finding) -> str:
    start, end = finding.span
    return draft[:start] + finding.suggestion + draft[end:]


def test_check_works_with_the_draft_alone_and_rejects_non_strings():
    assert check("Thanks, see you soon.") == []
    with pytest.raises(TypeError, match="draft must be a str"):
        check(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="context must be a ReplyContext"):
        check("hi", {"network": "x"})  # type: ignore[arg-type]


def test_findings_come_most_severe_first_in_a_stable_order():
    draft = "@bob YOU SHOULD HAVE READ THE MANUAL!! " + "x" * 260
    found = check(draft, COMPLAINT)
    ranks = [("block", "warning", "info").index(f.severity) for f in found]
    assert ranks == sorted(ranks)
    assert found[0].code == "over-limit"
    assert found == check(draft, COMPLAINT)
    assert {f.severity for f in found} <= {"block", "warning", "info"}
    assert {f.code for f in found} <= {code for code, _ in CODES}


def test_only_empty_over_limit_and_a_blank_left_in_a_template_block():
    blocking = {code for code, severity in CODES if severity == "block"}
    assert blocking == {"empty", "over-limit", "unfilled-template"}
    assert codes("@bob   \n") == ["empty"]


def test_over_limit_marks_the_text_that_does_not_fit_under_the_servers_own_limit():
    draft = "We are open until nine tonight, see you there."
    assert "over-limit" not in codes(draft, ReplyContext(network="mastodon"))
    tight = ReplyContext(network="mastodon", limits=NetworkLimits(20))
    (finding,) = [f for f in check(draft, tight) if f.code == "over-limit"]
    assert finding.span == (20, len(draft))
    assert "26 characters over the 20" in finding.message


@pytest.mark.parametrize(
    ("draft", "context", "code"),
    [
        ("@bob PLEASE DM US NOW", ReplyContext(), "shouting"),
        ("@bob Thanks!!!", ReplyContext(), "excess-punctuation"),
        ("@bob You should have read the manual. DM us.", COMPLAINT, "blames-customer"),
        ("@bob That's not true. Sorry, DM us.", COMPLAINT, "defensive"),
        ("@bob Please reply with your order number. Sorry!", COMPLAINT, "private-data"),
        ("@bob Your refund goes out today.", COMPLAINT, "missing-apology"),
        ("@bob Sorry to hear that.", COMPLAINT, "no-next-step"),
        ("@bob So glad you like it!", ReplyContext(mention_category="praise"), "unthanked-praise"),
        ("@bob Sorry, we apologise for any inconvenience. DM us.", COMPLAINT, "robotic"),
        ("@bob Sorry, fixed today.", ReplyContext(thread_depth=2), "move-to-dm"),
        (
            "@bob Thanks, the cheap ones are back.",
            ReplyContext(
                banned_phrases=(BannedPhrase("cheap", "Say 'great value'.", "great value"),)
            ),
            "brand-voice",
        ),
    ],
)
def test_applying_a_suggestion_clears_its_finding(draft, context, code):
    (finding,) = [f for f in check(draft, context) if f.code == code]
    assert finding.suggestion is not None and finding.span is not None
    fixed = apply(draft, finding)
    assert code not in codes(fixed, context), fixed


def test_spans_point_at_what_the_message_quotes():
    draft = "@bob Sorry! As we already told you, refunds take 5 days."
    (finding,) = [f for f in check(draft, COMPLAINT) if f.code == "blames-customer"]
    assert draft[slice(*finding.span)] == "As we already told you"
    assert "“As we already told you”" in finding.message


def test_curly_apostrophes_count_like_straight_ones():
    assert "defensive" in codes("@bob That’s not true. Sorry, DM us.", COMPLAINT)
    assert "missing-apology" not in codes("@bob That’s frustrating, we’ll fix it today.", COMPLAINT)


def test_the_clients_rule_speaks_in_the_clients_words():
    rule = BannedPhrase("no worries", "Our voice guide says: 'happy to help'.")
    (finding,) = check("@bob No worries, thanks!", ReplyContext(banned_phrases=(rule,)))
    assert finding.code == "brand-voice" and finding.message == rule.message


def test_another_language_skips_the_english_lists_and_says_so():
    draft = "@ana Lo sentimos mucho, tu pedido llega mañana. ¡¡Gracias!!"
    found = {f.code: f for f in check(draft, COMPLAINT)}
    assert "missing-apology" not in found and "no-next-step" not in found
    assert "Spanish" in found["other-language"].message
    assert "excess-punctuation" in found  # language-independent checks still run


def test_a_mastodon_handle_is_not_an_email_and_the_brands_own_address_is_fine():
    draft = "@ana@mastodon.social Write to help@brand.example or care@shop.example, thanks."
    shop = ReplyContext(brand_contacts=("care@shop.example",))
    assert "private-data" not in codes(draft, shop)
    assert "private-data" in codes("@ana Is this ana.lopez@gmail.com? Thanks.", shop)


def test_a_direct_message_may_carry_private_details():
    draft = "Thanks Ana, is ana.lopez@gmail.com still the right address?"
    assert "private-data" in codes(draft)
    assert "private-data" not in codes(draft, ReplyContext(private=True))


@pytest.mark.parametrize(
    "draft",
    [
        "x" * 1_000_000,
        "<b>Sorry</b> <img src=x onerror=alert(1)> &amp; we'll fix it",
        "שלום, אנחנו מצטערים מאוד על העיכוב 🙏",
        "😀" * 5_000,
        "\u202eSorry\u202c we'll refund you today",
        "!!!???" * 10_000,
        "A" * 50_000,
    ],
)
def test_junk_gets_findings_not_exceptions(draft):
    found = check(draft, COMPLAINT)
    assert all(f.span is None or 0 <= f.span[0] <= f.span[1] <= len(draft) for f in found)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(codec=None), max_size=400),
    st.sampled_from([None, "complaint", "question", "praise", "abuse"]),
    st.sampled_from(["x", "mastodon", "bluesky"]),
)
def test_any_text_in_any_context_gives_findings_with_spans_inside_it(draft, category, network):
    context = ReplyContext(network=network, mention_category=category, thread_depth=2)
    for finding in check(draft, context):
        assert finding.message
        if finding.span is not None:
            assert 0 <= finding.span[0] <= finding.span[1] <= len(draft)
