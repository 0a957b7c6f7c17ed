"""The domain vocabulary: each state is a StrEnum, so the store's strings compare equal to it."""

from socialdesk.core.inbox import urgency
from socialdesk.core.models import MentionStatus, OutboxState, Priority


def test_priorities_most_pressing_first_and_equal_to_the_stored_strings():
    assert [p.value for p in Priority] == ["urgent", "high", "normal", "low"]
    assert Priority.URGENT == "urgent" and "low" in {Priority.LOW}
    assert {Priority.URGENT: 0}.get("urgent") == 0  # a stored string finds an enum key


def test_waiting_outbox_states_are_the_ones_not_out_and_not_given_up():
    waiting = {state for state in OutboxState if state.waiting}
    assert waiting == {OutboxState.QUEUED, OutboxState.SENDING, OutboxState.PAUSED}


def test_the_inbox_order_takes_priorities_as_stored():
    new = MentionStatus.NEW
    assert urgency(new, "urgent", 5, 1) < urgency(new, "high", 1, 1) == urgency(new, None, 1, 1)
    assert urgency(new, Priority.LOW, 1, 1) > urgency(new, Priority.NORMAL, 9, 1)
