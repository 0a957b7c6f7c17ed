"""False findings and misses met on a second independent author's drafts
(tests/data/tuning/drafts-second.jsonl), fixed by family rather than by sentence; each family
cites customer-care.md's rule. The drafts here are written afresh, not copied from the file."""

from __future__ import annotations

import pytest

from socialdesk.core.tone import ReplyContext, check
from tests.core.tone_contexts import COMPLAINT, PRAISE, QUESTION, fired


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


# "defensive: the draft argues or contradicts": correcting their own words ("X, not Y" where Y is
# what their mention said), opening with a correction ("Technically,", "a common misconception"),
# or answering their "I never" with an emphatic "you did".
@pytest.mark.parametrize(
    ("mention", "draft"),
    [
        (
            "the app was down all weekend",
            "Sorry for the bother. It was down for an hour, not all weekend.",
        ),
        ("you charged me £50", "We're sorry. The charge was £35, not £50."),
        ("you never sent my voucher", "Technically, the voucher went out on Monday."),
        ("you never sent my voucher", "We did send it, on the 3rd. Check your spam folder."),
        (
            "you only sell plastic junk",
            "That's a common misconception. Most of our range is steel.",
        ),
    ],
)
def test_correcting_their_words_is_defensive(mention, draft):
    context = ReplyContext(mention_category="complaint", mention_text=mention)
    assert "defensive" in fired(draft, context)


def test_not_again_is_sympathy_not_a_correction():
    context = ReplyContext(mention_category="complaint", mention_text="my bill is wrong again")
    assert "defensive" not in fired("Oh no, not again. Sorry! We'll fix it today.", context)


# "blames-customer: the draft puts the fault on the customer": a fault placed in what they entered
# or set up, or in not looking ("if you look").
@pytest.mark.parametrize(
    "draft",
    [
        "Sorry! There was a spelling mistake in the email you entered. DM us and we'll resend.",
        "The van stopped right at the postcode you gave. Sorry, we'll look into it.",
        "It usually comes down to how the hub was installed. Try a reset.",
        "The opening hours are easy to find if you look.",
        "The policy is on our site for anyone who bothers to read it.",
    ],
)
def test_fault_in_what_they_did_is_blame(draft):
    assert "blames-customer" in fired(draft)


# "negative-tone": a reply that is nothing but a refusal or a shrug, or a question that asks them
# to justify themselves, turns them away whatever its words.
@pytest.mark.parametrize(
    ("draft", "context"),
    [
        ("No clue, sorry.", QUESTION),
        ("Not going to happen, sorry.", ReplyContext(mention_category="feedback")),
        ("Excuse me?!", ReplyContext(mention_category="abuse")),
        ("Why would you need that?", QUESTION),
        ("We don't give a damn, honestly.", COMPLAINT),
    ],
)
def test_a_refusal_or_a_put_down_is_negative(draft, context):
    assert "negative-tone" in fired(draft, context)


@pytest.mark.parametrize(
    "draft",
    [
        "No idea why that happened, sorry! We'll send a new one today.",
        "Why not try the Leeds store? It has them in stock.",
    ],
)
def test_a_shrug_with_help_after_it_is_fine(draft):
    assert "negative-tone" not in fired(draft, QUESTION)


def test_the_findings_explain_themselves():
    for f in check("Factually, it's £35, not £50.", COMPLAINT):
        assert f.message and len(f.message.split()) >= 8


# "Never blame or argue in public": criticism answered with only the brand's case, neither heard
# nor thanked nor given anything to do, argues back; a link or a thank-you changes that.
CRITICISM = ReplyContext(mention_category="criticism", mention_text="your fares are a rip-off")


def test_criticism_answered_only_with_the_brands_case_is_defensive():
    found = {f.code: f for f in check("Our fares fund new trains on every line.", CRITICISM)}
    assert "defensive" in found and "their point" in found["defensive"].message


@pytest.mark.parametrize(
    "draft",
    [
        "Thanks for saying so. Our fares fund new trains on every line.",
        "Our fare review is open until Friday at example.com/fares.",
    ],
)
def test_criticism_heard_or_given_a_way_in_is_not_defensive(draft):
    assert "defensive" not in fired(draft, CRITICISM)


# "defensive": playing their problem down against the industry or the odds ("in line with every
# other network", "this is extremely rare", "rated for 10,000 uses"), or an excuse for not
# helping ("we're a small team, we can't reply to everyone").
@pytest.mark.parametrize(
    "draft",
    [
        "Our delivery fees are on a par with all the big supermarkets.",
        "Our hinges are tested to 50,000 openings. This is very unusual.",
        "We're a tiny team and can't reply to everyone the same day.",
    ],
)
def test_playing_it_down_or_excusing_is_defensive(draft):
    assert "defensive" in fired(draft)


# "blames-customer": "you needed to … first" says they skipped a step; "negative-tone": "we
# apparently …" doubts what they told you.
def test_a_skipped_step_and_apparently():
    assert "blames-customer" in fired("You have to reset the hub first, then pair it.")
    assert "negative-tone" in fired("We'll add it to everything we supposedly broke this year.")
    assert "negative-tone" not in fired(
        "Sorry! It's in the app: reset the hub first, then pair it."
    )


# "The brand's own public contact points ... are not private data": an address the reply names
# as its own team's is the brand's; "we've emailed lena@…" still shows the customer's.
def test_our_teams_address_is_not_private_data():
    assert "private-data" not in fired("Our events team would love to help: events@kettle.co.uk.")
    assert "private-data" in fired("Sorry! We've emailed lena.k@gmail.com a new label.")


# A request word used as a noun ("the drop-off", "a leave of absence") asks for nothing.
def test_a_request_word_as_a_noun_asks_nothing():
    assert "private-data" not in fired("Our log puts the drop-off at the address you gave us.")
    assert "private-data" in fired("Sorry! Drop us your address and we'll resend it.")


# Bad input stays fine and fast enough: a megabyte of junk, emoji, right-to-left text, HTML; and a
# draft in another language stays quiet for the English-only checks ("Language").
@pytest.mark.parametrize(
    "draft",
    [
        ("Technically, not " + "x" * 40 + ", " * 3) * 10_000,
        "No idea, sorry. " * 60_000,
        "Why would you? 😂😂😂 " * 20_000,
        "\u05dc\u05d0 \u05e0\u05db\u05d5\u05df, not \u05e0\u05db\u05d5\u05df! \u202e" * 5_000,
        "<p>Sorry, <b>not</b> the <i>whole</i> sale</p><script>x</script>" * 15_000,
        "",
        "😡🙄🤷",
    ],
)
def test_bad_input_is_fine(draft):
    context = ReplyContext(mention_category="complaint", mention_text="not the whole sale " * 500)
    findings = check(draft, context)
    assert all(f.message for f in findings)


@pytest.mark.parametrize(
    "draft",
    [
        "Technisch gesehen war es nicht der ganze Tag, sondern nur eine Stunde.",
        "Ni idea, lo siento. ¿Por qué querrías eso?",
        "Techniquement, ce n'est pas vrai : vous avez bien signé le contrat.",
    ],
)
def test_other_languages_stay_quiet(draft):
    assert fired(draft) & {"defensive", "blames-customer", "negative-tone"} == set()


# "Sorry, but …" followed by a statement takes the apology back (Decided edge cases), also when the
# apology has its own clause first ("Sorry you feel that way, but …", "Sorry to hear it, but …").
@pytest.mark.parametrize(
    "draft",
    [
        "Sorry you see it like that, but the menu was designed by our head chef.",
        "Sorry to hear that, but the fee is the same in every branch.",
    ],
)
def test_an_apology_clause_then_but_takes_it_back(draft):
    assert "defensive" in fired(draft, ReplyContext(mention_category="criticism"))


# "A reply ... gives ... a link": a host and a path is one, whatever its top-level domain.
def test_a_host_and_path_is_a_link():
    assert "no-next-step" not in fired("Sorry! The new fares are at rail.example/fares.")
    assert "no-next-step" in fired("Sorry! Our sauce is rated 4.5/5 and/or better by most.")


# "no-next-step ... no answer": saying where something is answers a question.
def test_saying_where_it_is_answers_a_question():
    assert "no-next-step" not in fired("The export button is under the Reports tab now.", QUESTION)
    assert "no-next-step" in fired("We hear you.", QUESTION)


# "blames-customer": a counterfactual about what they did ("if you'd … it wouldn't have"), advice
# that says they should have ("it's worth making sure …"), or their setting as the usual culprit.
@pytest.mark.parametrize(
    "draft",
    [
        "If you'd booked the table in advance, you wouldn't have waited.",
        "That won't happen again if you charge it overnight.",
        "Our texts go to whatever number you saved, so it's worth checking it's right.",
        "An old extension lead is usually the culprit.",
        "A cold garage will do that.",
    ],
)
def test_counterfactuals_and_usual_culprits_blame(draft):
    assert "blames-customer" in fired(draft)


def test_advice_without_a_fault_is_not_blame():
    assert "blames-customer" not in fired(
        "So sorry! We'll resend it now. Our engineer will do that repair on Friday."
    )
