"""How values cross between Python and the SQLite file: every moment as INTEGER milliseconds since
the epoch (UTC), and text SQLite can store."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import overload

from socialdesk.core.models import MentionStatus

AWAITING = tuple(s.value for s in MentionStatus if s.awaits_reply)


def to_ms(moment: datetime) -> int:
    if moment.tzinfo is None:
        raise ValueError("the store only takes timezone-aware datetimes")
    return int(moment.timestamp() * 1000)


@overload
def from_ms(ms: int) -> datetime: ...
@overload
def from_ms(ms: int | None) -> datetime | None: ...
def from_ms(ms: int | None) -> datetime | None:
    return None if ms is None else datetime.fromtimestamp(ms / 1000, UTC)


def clean_text(text: str) -> str:
    """Text SQLite can store: a lone surrogate (from a broken JSON escape) becomes U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text
