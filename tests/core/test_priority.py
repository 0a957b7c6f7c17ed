"""One function weighs a mention's priority, for sync, the store and the detail pane alike."""

from datetime import UTC, datetime, timedelta

from socialdesk.core.models import Priority
from socialdesk.core.priority import mention_priority
from socialdesk.core.sla import response_clock

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def test_by_category_alone():
    assert mention_priority("question", 0.0)[0] is Priority.HIGH
    assert mention_priority("complaint", None)[0] is Priority.HIGH
    assert mention_priority("feedback", 0.3)[0] is Priority.NORMAL
    assert mention_priority("other", 0.0)[0] is Priority.LOW
    level, why = mention_priority("spam", 0.0)
    assert level is Priority.LOW and why == ("no public answer needed",)


def test_what_arrival_cannot_know_makes_it_urgent_and_says_why():
    level, why = mention_priority("question", 0.0, author_flags=frozenset({"vip"}))
    assert level is Priority.URGENT and why[-1] == "from a VIP"
    level, why = mention_priority("complaint", -0.1, repeat_complainer=True)
    assert level is Priority.URGENT and why[-1] == "they have complained before"
    assert mention_priority("question", 0.0, repeat_complainer=True)[0] is Priority.HIGH
    overdue = response_clock(T0, 60, T0 + timedelta(hours=2), awaiting_reply=True)
    level, why = mention_priority("question", 0.0, clock=overdue)
    assert level is Priority.URGENT and "overdue" in why[-1]
