"""negative-tone is "the draft itself reads clearly negative or hostile". A sixth author's drafts
showed the shapes the checks missed: a reply that sulks, scores a point or mocks, to a fan as much
as to a complainer, and a one-word opener said with a sigh. The drafts here are written afresh."""

from __future__ import annotations

import pytest

from socialdesk.core.tone import ReplyContext
from tests.core.tone_contexts import COMPLAINT, PRAISE, QUESTION, fired

FEEDBACK = ReplyContext(mention_category="feedback", mention_text="open a branch in Hull")
CHATTER = ReplyContext(mention_category="other", mention_text="busy at the market today!")


# Sulking and point-scoring read as contempt whoever the reply is to.
@pytest.mark.parametrize(
    "draft, context",
    [
        ("Thanks. Shame nobody said that when the app kept crashing.", PRAISE),
        ("Thank you! Not that anyone usually bothers to tell us.", PRAISE),
        ("Told you so. The other lot never answer their phones.", PRAISE),
        ("Don't sound so surprised, we answer every message.", PRAISE),
        ("We're a bakery, not a bank 😂", FEEDBACK),
        ("Yes, some of us have been on shift since five.", CHATTER),
        ("Sigh. Fine, we'll look at it.", FEEDBACK),
        ("Sorry we're not trendy enough for you.", COMPLAINT),
        ("If price is all that matters, maybe we're not the shop for you.", QUESTION),
        ("Interesting, considering you ordered from us last week.", COMPLAINT),
        ("Great idea, we'll hire twenty more people for that 🙃", FEEDBACK),
        ("Nobody's making you shop here if you prefer the old bags.", FEEDBACK),
        ("Thanks. Nice that someone says so for once.", PRAISE),
        ("Says the man with a cartoon frog for a profile picture.", COMPLAINT),
        ("Bold claim from someone who renewed twice.", COMPLAINT),
        ("Restart the router first, then we'll talk.", COMPLAINT),
        ('Forty flavours is "not much choice"?', COMPLAINT),
        ("And yet the buses still run 😘", COMPLAINT),
        # To someone with a problem or a question, talking down and brushing off do too.
        ("The form is on the fines page. Look harder.", QUESTION),
        ("Because the payment bounced. That's how direct debits work.", QUESTION),
        ("Did you read the booking terms? Deposits aren't refundable.", COMPLAINT),
        ("Why does everyone ask us rather than the app?", QUESTION),
        ("Again? We answered this on Monday: it's the blue bin.", QUESTION),
        ("Stock is short everywhere, so there isn't much we can do.", COMPLAINT),
        ("Other customers seem to manage with the current layout.", COMPLAINT),
        ("Wow. Blocked.", COMPLAINT),
        ("Depends.", QUESTION),
        ("It costs us more to make, so no.", COMPLAINT),
        ("No. The car park closes at ten.", QUESTION),
        ("It's all on the website.", QUESTION),
        ("Our panel looked at it twice. The decision stands.", COMPLAINT),
        ("We do stock them. Under 'Large'. Funny, that.", FEEDBACK),
        ("Search the help pages before asking?", FEEDBACK),
        ("Feel free to run the buses yourself and do better.", COMPLAINT),
        ("Here we go. What is it this time?", COMPLAINT),
        ("Most customers never have that issue, but fine, send it back.", COMPLAINT),
        ("Sorry, but we can't answer everyone straight away.", COMPLAINT),
        ("Cold chips, huh. Interesting. DM us the order.", COMPLAINT),
        ("Illegal? Bit dramatic.", PRAISE),
        ("She's great. Shame about the rest of us, eh?", PRAISE),
        ("Groundbreaking idea. Never heard that one before.", FEEDBACK),
        ("We paid out 96% of claims. Hardly robbery.", COMPLAINT),
        ("We grew the fund again this year. Facts matter.", COMPLAINT),
        ("Our staff are people too. Maybe think before you post.", COMPLAINT),
        ("It's a Visa, so yes. Not sure why people keep asking.", QUESTION),
        ("It's right there on the pricing page: 50% off.", QUESTION),
        ("Odd thing to say about a studio with four free expansions.", COMPLAINT),
        ("Our anti-cheat is reliable. Bans are final.", COMPLAINT),
        ("Thanks, we think.", PRAISE),
        ("Well noticed. Would you like a medal?", CHATTER),
        ("You can. It's a bistro, not a picnic.", QUESTION),
        ("We won't apologise for closing early.", COMPLAINT),
        ("Yes, 9 to 5. You're welcome.", QUESTION),
        ("Tragic.", COMPLAINT),
        ("We'll add it to the pile.", FEEDBACK),
        ("That's the fourth time today someone's asked. Platform 2.", QUESTION),
        ("Thursday at noon, same as every year.", QUESTION),
        ("Settings > Profile. It's pretty obvious.", QUESTION),
        ("Our terms need 30 days' notice. The fee stands.", COMPLAINT),
        ("Yes. As it says on every page of our website.", QUESTION),
        ("Maybe read it before calling it unclear.", COMPLAINT),
    ],
)
def test_sulking_point_scoring_and_talking_down_read_negative(draft, context):
    assert "negative-tone" in fired(draft, context)


@pytest.mark.parametrize(
    "draft, context",
    [
        ("Thanks, Priya! Ten out of ten right back at you 💛", PRAISE),
        ("Again?? We're so sorry. An engineer can come tomorrow, DM us to book.", COMPLAINT),
        ("Lovely to hear, thank you! 🙂", PRAISE),
        ("Wow. So glad you enjoyed it, thank you!", PRAISE),
        ("Lovely. The gates open at 10 on Saturday.", CHATTER),
        ("It depends on your plan: most include 10 GB of hotspot data.", QUESTION),
        ("No problem at all, the car park closes at ten.", QUESTION),
        ("It's on the website too: beanroute.example/hours, 8 till 4 on Sundays.", QUESTION),
        ("Sorry for the wait. Most people find the app quicker: Account > Pay.", COMPLAINT),
        ("Sorry! The fine stands, but the reduced rate applies if paid in 14 days.", COMPLAINT),
        ("Thank you, see you Saturday 😘", PRAISE),
        ("You're welcome! Glad it helped.", PRAISE),
        ("It's a gift card, so it never expires: spend it any time.", QUESTION),
    ],
)
def test_the_same_words_in_a_kind_reply_stay_quiet(draft, context):
    assert "negative-tone" not in fired(draft, context)


# defensive: "the draft argues or contradicts". A reply with no apology and no next step that argues
# its case is defensive; one that only states a fact is not.
@pytest.mark.parametrize(
    "draft",
    [
        "Phone lines are always busiest on Mondays.",
        "The fees haven't changed in three years.",
        "Our drivers wouldn't have told you that.",
        "The card was frozen for your own protection.",
        "We've been baking in this town for 40 years.",
        "We'll take that with a pinch of salt.",
        "Our drivers were doing their best in the snow.",
        "Our delivery notes show otherwise.",
        "The voucher is worth more, and most customers actually prefer it.",
        "That's a courier issue, not something we control.",
        "We get hundreds of emails a day, it'll be answered.",
    ],
)
def test_a_reply_that_argues_its_case_is_defensive(draft):
    assert "defensive" in fired(draft)


def test_the_brand_doing_its_best_is_not_defensive():
    draft = "Sorry, we're doing our best to fix it: the engineer is there by 5pm."
    assert "defensive" not in fired(draft)


def test_a_brush_off_that_only_states_a_fact_is_not_called_defensive():
    found = fired("Couriers collect at four.")
    assert "negative-tone" in found
    assert not found & {"defensive", "blames-customer"}


# Neither sorry nor a step: in a few words that is a brush-off ("Unlucky."); a longer explanation
# makes the brand's case instead of answering theirs, which is defensive, not hostile.
def test_a_longer_explanation_with_neither_sorry_nor_a_step_is_defensive():
    found = fired("The courier collects from our warehouse in the afternoon, weekends included.")
    assert {"missing-apology", "no-next-step", "defensive"} <= found
    assert "negative-tone" not in found
    assert "negative-tone" in fired("Unlucky.")


def test_relaxing_in_a_place_is_not_telling_them_to_calm_down():
    draft = "Sadly no quiet zone this year, but there's a chill-out tent by Gate C. Relax in there!"
    assert "negative-tone" not in fired(draft, QUESTION)
    assert "negative-tone" in fired("Relax, it's one parcel. Chill.", COMPLAINT)


# blames-customer: "the draft puts the fault on the customer", also without a "you" in front.
@pytest.mark.parametrize(
    "draft",
    [
        "No. Should have read the terms before you booked.",
        "Our servers are fine, so it's probably something at your end.",
        "Reset it from the email, like everyone else has to.",
        "That's all explained in your contract, section 4.",
        "Please search the help centre before posting.",
        "Same-day dispatch is for orders before noon, which yours wasn't.",
        "Maybe turn up earlier then.",
        "It's under Payments once you actually look.",
        "Sorry. The label does say hand wash only.",
        "It went to the branch on your record, so it may be worth checking which one is set.",
        "The gym locks at ten. Worth knowing for next time!",
        "Tables are held for 15 minutes, which is on the confirmation.",
        "Sorry! A cold phone is the usual culprit.",
        "Passwords need to be typed exactly as shown, capitals included.",
        "Always wash it inside out at 30.",
    ],
)
def test_pointing_at_what_they_did_is_blame(draft):
    assert "blames-customer" in fired(draft)


def test_the_brand_saying_it_should_have_checked_is_not_blame():
    draft = "Sorry, we should have checked the address before dispatch. A new one ships today."
    assert "blames-customer" not in fired(draft)
