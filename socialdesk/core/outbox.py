"""When the outbox tries again: backoff for transient failures, the network's own reset time when
rate limited. Plain Python so the sender and its tests share one rule."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

FIRST_RETRY = timedelta(seconds=30)
LONGEST_WAIT = timedelta(minutes=30)
MAX_ATTEMPTS = 8  # then the item fails with its last reason; the manager can retry it
SIGN_IN_RECHECK = timedelta(minutes=15)  # how often an account that needs sign-in is tried again


def new_key(now: datetime) -> str:
    """The idempotency key an item carries from approval on: random, so two approvals of the same
    text are two posts, and the same item is one post however often it is retried. It starts with
    the approval time in microseconds (13 hex digits), from which Bluesky's record key (a TID) is
    derived: record keys then sort in the order replies were approved."""
    return f"{int(now.timestamp() * 1_000_000):013x}{uuid.uuid4().hex[:19]}"


def key_time_micros(key: str) -> int | None:
    """The approval time encoded in a key from ``new_key``; None for any other string."""
    try:
        return int(key[:13], 16) if len(key) == 32 else None
    except ValueError:
        return None


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min, … up to 30 min after the ``attempts``-th failure."""
    doublings = min(max(attempts - 1, 0), 16)  # 2**16 × 30 s is past the cap already
    return min(FIRST_RETRY * (1 << doublings), LONGEST_WAIT)


def retry_at(now: datetime, attempts: int, reset_at: datetime | None = None) -> datetime:
    """When to try again: at the network's reset time when it named one, never sooner than the
    backoff."""
    wait = now + backoff(attempts)
    return max(wait, reset_at) if reset_at else wait
