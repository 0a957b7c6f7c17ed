"""False findings met on a fourth independent author's drafts (the odd ids of
tests/data/tuning/drafts-fourth.jsonl), fixed by family; each family cites customer-care.md's rule.
The drafts here are written afresh, not copied from the file."""

from __future__ import annotations

import pytest

from tests.core.tone_contexts import COMPLAINT, QUESTION, fired


# "The brand's own public contact points (support email, hotline, ...) are not private data"
# (Decided edge cases): a number the reply asks them to call (us, our team, a named shop or
# desk) is the brand's, also when the client has not listed it under Brand voice yet.
@pytest.mark.parametrize(
    "draft, context",
    [
        ("Sorry for the mix-up. Call our billing team on 0330 555 0142 and they'll refund it "
         "today.", COMPLAINT),
        ("Book by phone: ring the Harbour Street shop on 01632 960 455, or online at "
         "bistro.example/book.", QUESTION),
        ("Sorry about this. Our store manager can sort it on 01632 960 310, any day until 6pm.",
         COMPLAINT),
    ],
)  # fmt: skip
def test_a_number_the_reply_asks_them_to_call_is_the_brands(draft, context):
    assert "private-data" not in fired(draft, context)


@pytest.mark.parametrize(
    "draft",
    [
        "Sorry! We'll call you on 07700 900 123 this afternoon to refund it.",
        "Sorry, we've noted your number, 07700 900 456, and a refund is on its way.",
    ],
)
def test_the_customers_own_number_in_public_is_still_private(draft):
    assert "private-data" in fired(draft)


# blames-customer: "the draft puts the fault on the customer". Saying it is NOT their fault,
# not user error, not their problem clears them: the opposite of blame.
@pytest.mark.parametrize(
    "draft",
    [
        "Not your fault at all, sorry: the checkout charged some cards twice this morning. "
        "The second payment is refunded and will show within 3 days.",
        "That was definitely not user error, it was our update, sorry. Version 2.1 fixes it today.",
        "We were short of drivers, which isn't your problem, sorry. A new slot is booked for "
        "tomorrow at 9.",
    ],
)
def test_saying_it_is_not_their_fault_is_not_blame(draft):
    found = fired(draft)
    assert "blames-customer" not in found and "negative-tone" not in found


@pytest.mark.parametrize(
    "draft",
    [
        "Sorry, but that's user error: the card was entered twice. Remove one in Settings.",
        "That's your problem, not ours. Ask your bank.",
    ],
)
def test_blame_itself_is_still_blame(draft):
    assert fired(draft) & {"blames-customer", "negative-tone"}
