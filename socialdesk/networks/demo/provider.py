"""The Demo network behind the same ``Provider`` protocol as X, Mastodon and Bluesky: the feeds
the generator writes, served with cursors and threads, and replies posted exactly once (with a few
made-up failures on the way, as real networks have)."""

from __future__ import annotations

import bisect
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from socialdesk.core.limits import NetworkLimits
from socialdesk.core.models import Network, network_label
from socialdesk.networks.base import (
    AccountRef,
    FetchedMention,
    MentionBatch,
    PostedReply,
    RemoteAuthor,
)
from socialdesk.networks.demo.data import normalise
from socialdesk.networks.demo.generator import LIMITS, Feed, _ms
from socialdesk.networks.demo.people import People, make_people
from socialdesk.networks.demo.seeded import unit
from socialdesk.networks.errors import BadResponse, NetworkUnreachable, Refused, ServerError

_NETWORK_LABEL = {"x": "X", "mastodon": "Mastodon", "bluesky": "Bluesky"}
_MAX_FAILED_ATTEMPTS = 3  # a retried reply always gets through after this many failures


def _utc_now() -> datetime:
    return datetime.now(UTC)


class DemoProvider:
    """The simulated network. Thread-safe; every method may be called from any worker thread."""

    idempotent = True  # a retried key returns the first post, like Mastodon's Idempotency-Key
    idempotency_window = None  # keys are honoured for ever

    def __init__(
        self,
        anchor: datetime,
        *,
        clock: Callable[[], datetime] = _utc_now,
        seed: int = 2026,
        post_delay: float = 0.4,
        failure_rate: float = 0.1,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if anchor.tzinfo is None:
            anchor = anchor.replace(tzinfo=UTC)
        self.anchor = anchor.astimezone(UTC)
        self.anchor_ms = _ms(self.anchor)
        self.seed = seed
        self.post_delay = post_delay
        self.failure_rate = failure_rate
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.RLock()
        self._post_lock = threading.Lock()
        self._feeds: dict[tuple[str, str], Feed] = {}
        self._people: dict[str, People] = {}
        self._attempts: dict[str, int] = {}
        self.posted: dict[str, tuple[str, PostedReply]] = {}
        self.hidden: set[str] = set()  # remote ids of replies hidden by the brand

    # ---- Provider protocol

    def verify(self, account: AccountRef) -> RemoteAuthor:
        with self._lock:
            return self._feed(account).me.author

    def fetch_mentions(self, account: AccountRef, cursor: str | None) -> MentionBatch:
        now_ms = _ms(self._clock())
        with self._lock:
            feed = self._feed(account)
            feed.extend_until(now_ms)
            after = _cursor_ms(cursor)
            start = 0 if after is None else bisect.bisect_right(feed.times, after)
            end = bisect.bisect_right(feed.times, now_ms)
            mentions = feed.mentions[start:end]
        if not mentions:
            return MentionBatch([], cursor)
        last = mentions[-1]
        return MentionBatch(mentions, f"demo1:{_ms(last.created_at)}:{last.remote_id}")

    def fetch_thread(self, account: AccountRef, remote_id: str) -> list[FetchedMention]:
        now_ms = _ms(self._clock())
        with self._lock:
            feed = self._feed(account)
            feed.extend_until(now_ms)
            return feed.thread(remote_id, now_ms)

    def post_reply(
        self, account: AccountRef, text: str, in_reply_to: str | None, idempotency_key: str
    ) -> PostedReply:
        with self._post_lock:
            done = self.posted.get(idempotency_key)
            if done is not None:
                return done[1]
            self._sleep(self.post_delay)
            network = _NETWORK_LABEL.get(account.network, account.network)
            limit = self.limits(account).max_characters
            if not text.strip():
                raise BadResponse("The reply is empty, so it was not posted.")
            if len(text) > limit:
                raise BadResponse(
                    f"The reply is {len(text)} characters long; {network} allows {limit}. "
                    "It was not posted."
                )
            attempt = self._attempts.get(idempotency_key, 0) + 1
            self._attempts[idempotency_key] = attempt
            roll = unit(self.seed, "post", idempotency_key, attempt)
            if attempt <= _MAX_FAILED_ATTEMPTS and roll < self.failure_rate:
                if unit(self.seed, "error", idempotency_key, attempt) < 0.5:
                    raise ServerError(
                        f"{network} (demo) answered with a server error. The reply was not posted; "
                        "trying again should work."
                    )
                raise NetworkUnreachable(
                    f"Could not reach {network} (demo). The reply was not posted; trying again "
                    "should work."
                )
            now_ms = _ms(self._clock())
            with self._lock:
                feed = self._feed(account)
                feed.extend_until(now_ms)
                reply = feed.add_posted(text, in_reply_to, now_ms)
            posted = PostedReply(reply.remote_id, reply.url, reply.created_at)
            self.posted[idempotency_key] = (text, posted)
            return posted

    def find_reply(
        self, account: AccountRef, text: str, in_reply_to: str | None, since: datetime
    ) -> PostedReply | None:
        with self._post_lock:
            for posted_text, posted in self.posted.values():
                if posted_text == text and posted.posted_at >= since:
                    return posted
        return None

    def hide_reply(self, account: AccountRef, remote_id: str, hidden: bool = True) -> None:
        if not Network(account.network).hides_replies:
            raise Refused(f"{network_label(account.network)} has no way to hide a reply.")
        with self._lock:
            (self.hidden.add if hidden else self.hidden.discard)(remote_id)

    def limits(self, account: AccountRef) -> NetworkLimits:
        try:
            return LIMITS[account.network]
        except KeyError:
            raise BadResponse(f"The demo network does not simulate {account.network!r}.") from None

    def close(self) -> None:
        pass  # no connection: the demo network lives in memory

    # ---- shared state

    def people(self, network: str) -> People:
        people = self._people.get(network)
        if people is None:
            people = self._people[network] = make_people(network, self.seed, self.anchor_ms)
        return people

    def _feed(self, account: AccountRef) -> Feed:
        if account.network not in LIMITS:
            raise BadResponse(f"The demo network does not simulate {account.network!r}.")
        key = (account.network, normalise(account.network, account.handle))
        feed = self._feeds.get(key)
        if feed is None:
            feed = self._feeds[key] = Feed(
                account.network,
                key[1],
                seed=self.seed,
                anchor_ms=self.anchor_ms,
                people=self.people(account.network),
                server_url=account.server_url,
            )
        return feed


def _cursor_ms(cursor: str | None) -> int | None:
    """The position in a cursor this provider made; anything else starts from the beginning."""
    if not cursor:
        return None
    parts = cursor.split(":", 2)
    if len(parts) == 3 and parts[0] == "demo1" and parts[1].isdigit():
        return int(parts[1])
    return None
