"""The inbox's order: what needs an answer now comes first.

"Most urgent" is urgent-priority mentions still waiting, then the high and normal ones by the time
their clock runs out (overdue first), then the low ones that need no public answer (abuse, spam,
chatter), then everything already handled, newest first. The key is computed once per change and
stored, so the store can page through 100,000 mentions in this order with an index instead of
sorting them for every page.
"""

from __future__ import annotations

from socialdesk.core.models import MentionStatus, Priority

_SPAN = 10**13  # milliseconds since 1970 stay below this until the year 2286
HANDLED = 3  # the bucket after every waiting one
_BUCKET: dict[str, int] = {Priority.URGENT: 0, Priority.LOW: 2}  # high, normal and none: 1


def urgency(status: str, priority: str | None, due_ms: int | None, created_ms: int) -> int:
    """Smaller sorts first."""
    if MentionStatus(status).awaits_reply:
        bucket = _BUCKET.get(priority or "", 1)
        return bucket * _SPAN + (due_ms if due_ms is not None else created_ms)
    return HANDLED * _SPAN + (_SPAN - created_ms)  # handled: newest first


def overdue_sql(column: str, now_ms: int) -> tuple[str, list[int]]:
    """ "Overdue" said on the urgency key alone — a waiting bucket, its time before now — so the
    most-urgent order's index both finds and orders the overdue ones (no sort of all of them)."""
    return f"{column} < ? AND {column} % ? < ?", [HANDLED * _SPAN, _SPAN, now_ms]
