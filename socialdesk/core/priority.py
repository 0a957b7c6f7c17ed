"""The priority of a mention, weighed the same way everywhere: at arrival (sync), again when what
arrival could not know changes (``store.mentions.reprioritise``: the author's flags, a repeat
complaint, the manager's category, the clock), and when the detail pane says why.

The rules themselves are customer-care.md's, in ``triage.priority``.
"""

from __future__ import annotations

from socialdesk.core.models import Category, Priority
from socialdesk.core.sla import ResponseClock


def mention_priority(
    category: str,
    sentiment: float | None,
    *,
    author_flags: frozenset[str] = frozenset(),
    repeat_complainer: bool = False,
    clock: ResponseClock | None = None,
) -> tuple[Priority, tuple[str, ...]]:
    """(priority, why) for a mention of ``category`` (the manager's, when they chose one) with
    ``sentiment``; from an author with ``author_flags`` who complained to the same client before
    (``repeat_complainer``), whose response ``clock`` is as given (None: not weighed)."""
    # On first use: triage's word lists load after the window first paints, not with the store.
    from socialdesk.core.triage import ACTIONS, Triage
    from socialdesk.core.triage import priority as _weigh

    verdict = Triage(category, sentiment or 0.0, (), ACTIONS[Category(category)])
    level, why = _weigh(
        verdict, author_flags=author_flags, repeat_complainer=repeat_complainer, clock=clock
    )
    return Priority(level), why
