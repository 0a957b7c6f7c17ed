"""False findings and misses met on a second independent author's drafts
(tests/data/tuning/drafts-second.jsonl), fixed by family rather than by sentence; each family
cites customer-care.md's rule. The drafts here are written afresh, not copied from the file."""

from __future__ import annotations

import pytest

from socialdesk.core.tone import ReplyContext, check

COMPLAINT = ReplyContext(mention_category="complaint", mention_text="my card was declined twice")
QUESTION = ReplyContext(mention_category="question", mention_text="where is my order?")
PRAISE = ReplyContext(mention_category="praise", mention_text="love the new candles")


def fired(draft: str, context: ReplyContext = COMPLAINT) -> set[str]:
    return {f.code for f in check(draft, context)}


# "An instruction is a next step" (Decided edge cases): a clause that opens with "please" and a
# verb asks them to do something, whatever the verb; asking them to wait or to accept is not one.
@pytest.mark.parametrize(
    "draft",
    [
        "Sorry about that! Please present the voucher at the till and they'll honour it.",
        "So sorry. Please re-pair the speaker by holding the button for ten seconds.",
        "Sorry for the trouble, please resubmit the form with the new date.",
    ],
)
def test_please_and_any_verb_is_an_instruction(draft):
    assert "no-next-step" not in fired(draft)


@pytest.mark.parametrize(
    "draft", ["Sorry. Please be patient.", "Sorry about this. Please note our terms apply."]
)
def test_please_wait_or_accept_is_no_step(draft):
    assert "no-next-step" in fired(draft)


# "negative-tone ... the draft itself reads hostile": "look it up" tells them to find it
# themselves; "we'll look it up" is the brand doing the work.
def test_we_look_it_up_is_an_offer_not_a_brush_off():
    assert "negative-tone" not in fired("Happy to! DM us the order and we'll look it up.", QUESTION)
    assert "negative-tone" in fired("It's on the website, look it up.", QUESTION)


# "did you expect" asks nothing of the brand: it is no promise of anything to expect.
def test_what_did_you_expect_offers_nothing():
    assert "no-next-step" in fired("What did you expect, putting it in the dryer?")


# "Thank people for positive mentions": a tag question to praise agrees with them
# ("isn't it?"); it contradicts only someone who has a complaint.
def test_a_tag_question_agrees_with_praise():
    assert "defensive" not in fired("Thank you! It smells amazing, doesn't it?", PRAISE)
    assert "defensive" in fired("It was delivered on time, wasn't it?", COMPLAINT)
