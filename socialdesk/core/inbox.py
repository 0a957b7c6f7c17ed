"""The inbox's order: what needs an answer now comes first.

"Most urgent" is urgent-priority mentions still waiting, then every other waiting mention by the
time its clock runs out (overdue first), then everything already handled, newest first. The key is
computed once per change and stored, so the store can page through 100,000 mentions in this order
with an index instead of sorting them for every page.
"""

from __future__ import annotations

from socialdesk.core.models import MentionStatus

PRIORITIES = ("urgent", "high", "normal", "low")
_SPAN = 10**13  # milliseconds since 1970 stay below this until the year 2286


def urgency(status: str, priority: str | None, due_ms: int | None, created_ms: int) -> int:
    """Smaller sorts first."""
    if MentionStatus(status).awaits_reply:
        bucket = 0 if priority == "urgent" else 1
        return bucket * _SPAN + (due_ms if due_ms is not None else created_ms)
    return 2 * _SPAN + (_SPAN - created_ms)  # handled: newest first
