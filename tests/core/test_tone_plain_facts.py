"""Findings wrong or missed on the tuning drafts' odd ids after the fourth author: a next step said
in capitals after a handle or as a plan with a day, factual words VADER scores as grim, the brand's
own phone lines, "you shouldn't have paid", and dismissive idioms. The drafts here are written
afresh, not copied from the files."""

from __future__ import annotations

import pytest

from socialdesk.core.tone import ReplyContext
from tests.core.tone_contexts import COMPLAINT, QUESTION, fired


# "An instruction is a next step" (Decided edge cases), also shouted after the reply's @handle,
# and so is a plan, a replacement or a correction with a time frame.
@pytest.mark.parametrize(
    "draft",
    [
        "@jo@social.example PLEASE PLUG THE HUB INTO A DIFFERENT SOCKET.",
        "Sorry, that code has expired; SPRING15 is valid until Friday.",
        "Sorry for the confusion. A corrected invoice goes out shortly.",
        "Sorry about the outage. The new cable is planned for this week.",
        "Sorry it ran. It's worth washing it cold, inside out, next time.",
        "Sorry for the wait. Booking online is usually quicker than the phone line.",
        "Sorry about that. Your loyalty card is also in the app.",
        "Sorry! If a slot opens, tick 'notify me' on the booking page.",
    ],
)
def test_a_step_with_a_time_or_an_instruction_is_a_next_step(draft):
    found = fired(draft)
    assert not found & {"no-next-step", "defensive", "negative-tone"}, found


def test_sympathy_with_nothing_to_do_still_lacks_a_next_step():
    assert "no-next-step" in fired("Sorry about that, we hope the rest of your week is better.")


# negative-tone is "the draft itself reads clearly negative or hostile". On 2,400 labelled tuning
# drafts, VADER at -0.5 fired ten times and was right once; words such as "grim" or "horrifying"
# in a plain answer are facts, not hostility. Only a strongly negative score counts.
def test_grim_facts_in_a_plain_answer_are_not_hostile():
    draft = "Honestly the climb is grim and the fall is horrifying. Kids 10+ only."
    assert "negative-tone" not in fired(draft, QUESTION)


@pytest.mark.parametrize(
    "draft",
    [
        "It's a terrifying, brutal climb. Kids 10+ only, with a harness.",
        "This whole thread is a horrible, miserable waste of everyone's time.",
    ],
)
def test_a_strongly_negative_reply_still_reads_negative(draft):
    assert "negative-tone" in fired(draft, QUESTION)


# "The brand's own public contact points (support email, hotline, ...) are not private data": a
# line the brand calls its own, a UK 03 or 08 number (only organisations have those), or one its
# named people answer on.
@pytest.mark.parametrize(
    "draft",
    [
        "Please freeze the card in the app, then call our 24/7 card line on +44 20 7946 0111.",
        "It's 0345 600 1234, open 8am to 8pm, and a pharmacist answers.",
        "Sorry for the shock. Our practice manager can go through the bill on 01632 960 777.",
    ],
)
def test_the_brands_own_lines_are_not_private_data(draft):
    assert "private-data" not in fired(draft)


def test_the_number_the_brand_will_call_them_on_is_theirs():
    assert "private-data" in fired("Sorry! Our team will call you on 07700 900 321 today.")


# Blame is "you should have"; "you shouldn't have paid a penny" takes their side.
def test_saying_they_should_not_have_had_to_pay_is_not_blame():
    draft = "Sorry, you shouldn't have paid a penny after cancelling. We've refunded it today."
    assert "blames-customer" not in fired(draft)


def test_saying_they_should_have_paid_is_still_blame():
    assert "blames-customer" in fired("You should have paid by the 5th. The fee stands.")


# negative-tone: "the draft itself reads clearly negative or hostile". Dismissive idioms and an
# eye roll, in fresh wording.
@pytest.mark.parametrize(
    "draft, context",
    [
        ("Rules are rules. No pets in the dining room.", QUESTION),
        ("Refunds take as long as they take. We'll be in touch.", COMPLAINT),
        ("The menu is online for anyone who bothers to read it.", COMPLAINT),
        ("Your order ships Friday. Posting again won't make it go any faster.", COMPLAINT),
        ("The timetable is not exactly a secret: trains leave at 8 and 9.", QUESTION),
        (
            "Sure, we'll add it to the list 🙄",
            ReplyContext(mention_category="feedback", mention_text="please add a dark mode"),
        ),
        ("Then don't order it. Lots of people love it.", COMPLAINT),
        ("Sorry. Send it back if you like, or don't.", COMPLAINT),
        ("Yes, both. Read the sign by the door.", QUESTION),
        ("Sure, if it's that important to you. Account > Invoices.", QUESTION),
        ("Fine. We'll refund it. Again.", COMPLAINT),
        (
            "Lovely idea, we'll just hire a hundred people then.",
            ReplyContext(mention_category="feedback", mention_text="open on Sundays please"),
        ),
    ],
)
def test_dismissive_idioms_read_negative(draft, context):
    assert "negative-tone" in fired(draft, context)


def test_a_laughing_emoji_with_a_fan_stays_friendly():
    praise = ReplyContext(mention_category="praise", mention_text="best cake ever 😂")
    assert "negative-tone" not in fired("Thank you so much 😂 glad it made you smile!", praise)


def test_an_actually_tacked_on_corrects_them():
    assert "defensive" in fired("Our drivers are very careful, actually. DM us the order number.")


@pytest.mark.parametrize(
    "draft",
    [
        "Sorry it happened again. A refund is on its way today.",
        "Actually, good news: your order left this morning and arrives tomorrow.",
    ],
)
def test_again_and_actually_in_a_kind_reply_stay_quiet(draft):
    assert not fired(draft) & {"negative-tone", "defensive"}


# Good replies the checks flagged on the seventh author's odd ids, in fresh wording.
def test_telling_them_a_question_is_not_dumb_reassures_them():
    draft = "Not a stupid question at all! It's the 12 words you wrote down at setup."
    assert "negative-tone" not in fired(draft, QUESTION)
    assert "negative-tone" in fired("Don't be stupid, it's the 12 words from setup.", QUESTION)


def test_oh_no_not_on_the_day_is_dismay_not_a_correction():
    context = ReplyContext(mention_category="complaint", mention_text="cake late for his party")
    draft = "Oh no, not for his party. I'm so sorry: a new cake goes out free tomorrow."
    assert "defensive" not in fired(draft, context)


def test_a_mailbox_named_after_the_team_it_names_is_the_brands():
    draft = "Results are out on 12 July. The admissions team can help at admissions@uni.example."
    assert "private-data" not in fired(draft, QUESTION)


@pytest.mark.parametrize(
    "draft",
    [
        "Sorry! Take it back to the shop with the receipt.",
        "That's a manufacturer fault, so you'll need to contact them directly.",
        "The driver had no access, so please make sure someone can let them in next time.",
        "Our staff acted appropriately, but DM us the booking number.",
    ],
)
def test_an_instruction_inside_an_arguing_sentence_is_still_a_next_step(draft):
    assert "no-next-step" not in fired(draft)


def test_a_number_the_reply_tells_them_to_ring_is_the_brands():
    draft = "Most results are back in 3 days. You can ring 0161 496 0102 after 2pm."
    assert "private-data" not in fired(draft, QUESTION)


def test_we_have_never_inside_a_relative_clause_is_not_a_contradiction():
    praise = ReplyContext(mention_category="praise", mention_text="the storm scene was amazing")
    assert "defensive" not in fired("Thank you! It's a haze rig we've never used before.", praise)
    assert "defensive" in fired("We've never charged anyone twice for that.")


def test_a_team_that_has_it_booked_for_a_day_is_a_next_step():
    draft = "Sorry it's been a week. The clearance team has it for Wednesday morning."
    assert "no-next-step" not in fired(draft)


def test_we_are_also_adding_with_a_day_is_a_next_step():
    draft = "Sorry about the queue. We're also adding a second till from next week."
    assert "no-next-step" not in fired(draft)
