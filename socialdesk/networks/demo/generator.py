"""The Demo network's story for one account: a week of history before the anchor, then new
mentions every minute or two, threads, follow-ups and the brand's earlier answers.

Everything is a deterministic function of (seed, anchor, account, time). Each mention carries the
triage category the generator meant in the low bits of its remote id (``ids``), so ``demo_label``
can grade triage later without any state (the app never uses it to triage).
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
import re
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from socialdesk.core.limits import NetworkLimits
from socialdesk.networks.base import FetchedMention, RemoteAuthor
from socialdesk.networks.demo.data import (
    BRANDS,
    DEMO_CLIENTS,
    STANDARD_OFFSETS,
    WEEKLY_VOLUME,
    Brand,
    DemoAccount,
    corpus,
    find_account,
    host,
)
from socialdesk.networks.demo.ids import LABEL_CODE, new_remote_id
from socialdesk.networks.demo.people import People, Person, did
from socialdesk.networks.demo.seeded import h64, unit
from socialdesk.networks.demo.text import Writer
from socialdesk.networks.errors import BadResponse

_TOTAL_VOLUME = sum(WEEKLY_VOLUME.values())
_UNKNOWN_VOLUME = 120  # an account the user added to the demo workspace themselves

# --- what the generator aims for ------------------------------------------------------------------

# customer-care.md: of customer mentions 48% questions, 33% complaints, 10% feedback, 9% criticism;
# praise, abuse, spam and other chatter come on top (12%, 3%, 4%, 6% of everything).
CATEGORY_MIX: dict[str, float] = {
    "question": 0.75 * 0.48,
    "complaint": 0.75 * 0.33,
    "criticism": 0.75 * 0.09,
    "feedback": 0.75 * 0.10,
    "praise": 0.12,
    "abuse": 0.03,
    "spam": 0.04,
    "other": 0.06,
}
_CATS = list(CATEGORY_MIX)
_CAT_CUM = [sum(list(CATEGORY_MIX.values())[: i + 1]) for i in range(len(_CATS))]

# How likely a mention of each category is a follow-up in an existing thread (~15% overall).
_FOLLOW_UP = {
    "question": 0.15,
    "complaint": 0.18,
    "criticism": 0.08,
    "feedback": 0.04,
    "praise": 0.17,
    "abuse": 0.4,
    "spam": 0.0,
    "other": 0.25,
}
# Which root categories a follow-up of each category continues. Thanks ("sorted! thank you") only
# come after the brand has answered.
_FOLLOWS = {
    "question": ("question", "complaint"),
    "complaint": ("complaint",),
    "praise": ("question", "complaint"),
    "other": ("question", "complaint", "feedback"),
    "criticism": ("complaint", "criticism"),
    "feedback": ("feedback",),
    "abuse": ("abuse",),
}
_BRAND_REPLY_SHARE = {
    "question": 0.35,
    "complaint": 0.4,
    "feedback": 0.3,
    "praise": 0.3,
    "criticism": 0.15,
}
_MAX_THREAD = 6

LIMITS: dict[str, NetworkLimits] = {
    "x": NetworkLimits(280, 23),
    "mastodon": NetworkLimits(500, 23),
    "bluesky": NetworkLimits(300),
}
LIVE_PER_MINUTE = 0.5  # new mentions a minute across the whole demo workspace, on average

_MINUTE_MS = 60_000
_HOUR_MS = 3_600_000
_HISTORY = timedelta(days=7)


def _ms(moment: datetime) -> int:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp() * 1000)


def _from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


def _zone(name: str) -> timezone | ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        # No tz database (a bare Windows install without tzdata): standard time is close enough
        # for the rhythm of a simulated day.
        return timezone(timedelta(hours=STANDARD_OFFSETS.get(name, 0)))


# Repeat customers: a Zipf-like pick over a per-network pool, so a few people write 5-20 times.
_ZIPF_CUM = list(itertools.accumulate(1 / (rank + 6) for rank in range(500)))


# --- one account's stream -------------------------------------------------------------------------


@dataclass
class Conversation:
    root_id: str
    root_ms: int
    author: Person
    category: str
    # (ms, remote_id), mentions and replies
    items: list[tuple[int, str]] = field(default_factory=list)
    brand_ms: int | None = None  # when the brand first answered
    settled: bool = False  # the customer said thanks: nothing more to add

    def last_before(self, ms: int) -> str:
        return max((item for item in self.items if item[0] < ms), default=self.items[0])[1]


class Feed:
    """Everything one account receives: generated once, extended as time passes. Callers hold the
    provider's lock."""

    def __init__(
        self,
        network: str,
        handle: str,
        *,
        seed: int,
        anchor_ms: int,
        people: People,
        server_url: str | None,
    ) -> None:
        self.network = network
        self.handle = handle
        self.seed = seed
        self.anchor_ms = anchor_ms
        client, account = find_account(network, handle)
        self.client = client
        if client is not None and account is not None:  # find_account finds both or neither
            self.brand = BRANDS[client.name]
            self.target = client.response_target_minutes
            self.zone = _zone(client.timezone)
            self.volume = WEEKLY_VOLUME.get((network, account.handle), _UNKNOWN_VOLUME)
            display = account.display_name
            self.server = host(account.server_url)
        else:
            industry = ("coffee", "bikes", "saas")[h64("industry", network, handle) % 3]
            name = re.split(r"[.@]", handle)[0].capitalize() or "Brand"
            self.brand = Brand(industry, name, {"de": 0.02, "es": 0.02, "fr": 0.02}, False)
            self.target = 60
            self.zone = UTC
            self.volume = _UNKNOWN_VOLUME
            display = name
            self.server = host(server_url)
        self.industry = corpus().industries[self.brand.industry]
        self.people = people
        self.writer = Writer(
            network,
            handle,
            self.server,
            self.brand,
            self.industry,
            people,
            LIMITS[network].max_characters,
            deal_seed=h64(self.seed, self.anchor_ms, "deal"),
            share=self._share(account),
            brand_share=(
                (client.accounts.index(account), len(client.accounts))
                if client is not None and account is not None
                else (0, 1)
            ),
        )
        self.me = self._brand_person(display)
        rng = random.Random(h64(self.seed, self.anchor_ms, network, handle, "ranks"))
        self.rank_to_customer = list(range(len(self.people.customers)))
        rng.shuffle(self.rank_to_customer)
        self.worker = h64("worker", network, handle)
        self.counter = 0
        self.used_ids: set[str] = set()

        self.mentions: list[FetchedMention] = []
        self.times: list[int] = []
        self.by_id: dict[str, FetchedMention] = {}
        self.conversations: dict[str, Conversation] = {}
        self.recent: list[Conversation] = []  # in order of creation
        self.incident = self._incident_window()
        self._hour_factor: dict[int, float] = {}
        self._generate_history()
        self.live_next_slot = 0

    # ---- set-up

    def _share(self, account: DemoAccount | None) -> tuple[int, int]:
        """This account's place among all the demo's accounts (an account the user added takes
        a place fixed by its handle): the Writer's part of the template lists they share."""
        accounts = [a for c in DEMO_CLIENTS for a in c.accounts]
        if account in accounts:
            return accounts.index(account), len(accounts)
        return h64("share", self.network, self.handle) % len(accounts), len(accounts)

    def _brand_person(self, display: str) -> Person:
        rng = random.Random(h64("account", self.network, self.handle))
        if self.network == "x":
            author = RemoteAuthor(str(rng.randrange(10**9, 10**18)), self.handle, display)
            return Person(author, "brand", "@" + self.handle)
        if self.network == "mastodon":
            author = RemoteAuthor(str(rng.randrange(10**17, 12 * 10**16)), self.handle, display)
            return Person(author, "brand", "@" + self.handle, self.server)
        return Person(RemoteAuthor(did(rng), self.handle, display), "brand", "@" + self.handle)

    def _incident_window(self) -> tuple[int, int] | None:
        if not self.brand.outage or self.client is None:
            return None
        rng = random.Random(h64(self.seed, self.anchor_ms, "incident", self.client.name))
        day = _from_ms(self.anchor_ms - rng.choice([2, 3]) * 86_400_000).astimezone(self.zone)
        start = day.replace(
            hour=rng.randint(9, 15), minute=rng.choice([0, 15, 30, 45]), second=0, microsecond=0
        )
        start_ms = _ms(start)
        return start_ms, start_ms + 100 * _MINUTE_MS

    def _rhythm(self, ms: int) -> float:
        local = _from_ms(ms).astimezone(self.zone)
        return self.industry["hourly"][local.hour] * self.industry["weekday"][local.weekday()]

    def _in_incident(self, ms: int) -> bool:
        # People keep writing about an outage for an hour after it is over.
        return self.incident is not None and self.incident[0] <= ms < self.incident[1] + _HOUR_MS

    # ---- history

    def _generate_history(self) -> None:
        rng = random.Random(h64(self.seed, self.anchor_ms, self.network, self.handle, "history"))
        count = round(self.volume * rng.uniform(0.96, 1.04))
        start = self.anchor_ms - int(_HISTORY.total_seconds() * 1000)
        weights = []
        for hour in range(168):
            low = start + hour * _HOUR_MS
            weight = self._rhythm(low + _HOUR_MS // 2)
            if self.incident is not None:
                overlap = min(low + _HOUR_MS, self.incident[1]) - max(low, self.incident[0])
                weight *= 1 + 10 * max(0, overlap) / _HOUR_MS
            weights.append(weight)
        hours = rng.choices(range(168), weights=weights, k=count)
        moments = sorted(start + h * _HOUR_MS + rng.randrange(_HOUR_MS) for h in hours)
        previous = start - 1
        for ms, category in zip(moments, _deal(rng, count), strict=True):
            ms = max(ms, previous + 1)
            if ms >= self.anchor_ms:
                break
            previous = ms
            self._add_mention(rng, ms, history=True, category=category)

    # ---- live arrivals after the anchor

    def live_probability(self, slot: int) -> float:
        hour = slot // 60
        factor = self._hour_factor.get(hour)
        if factor is None:
            mean = (sum(self.industry["hourly"]) / 24) * (sum(self.industry["weekday"]) / 7)
            rhythm = self._rhythm(self.anchor_ms + hour * _HOUR_MS + _HOUR_MS // 2) / mean
            factor = 0.5 + 0.5 * rhythm  # livelier than history at night: the demo is for showing
            self._hour_factor[hour] = factor
        share = self.volume / _TOTAL_VOLUME
        return min(0.95, LIVE_PER_MINUTE * share * factor)

    def extend_until(self, now_ms: int) -> None:
        last_slot = (now_ms - self.anchor_ms) // _MINUTE_MS
        while self.live_next_slot <= last_slot:
            slot = self.live_next_slot
            self.live_next_slot += 1
            key = (self.seed, self.anchor_ms, self.network, self.handle, "live", slot)
            if unit(*key) >= self.live_probability(slot):
                continue
            rng = random.Random(h64(*key, "content"))
            self._add_mention(
                rng, self.anchor_ms + slot * _MINUTE_MS + rng.randrange(_MINUTE_MS), history=False
            )

    # ---- one mention

    def _add_mention(
        self, rng: random.Random, ms: int, *, history: bool, category: str | None = None
    ) -> None:
        if category is None:
            category = rng.choices(_CATS, cum_weights=_CAT_CUM)[0]
        conversation = None
        if rng.random() < _FOLLOW_UP[category]:
            conversation = self._pick_conversation(rng, category, ms)
        if conversation is not None:
            author = conversation.author
            answered = conversation.brand_ms is not None and conversation.brand_ms < ms
            text = self.writer.mention(
                rng, category, follow_up=True, answered=answered, author=author.author.handle
            )
            parent = conversation.last_before(ms)
            conversation.settled = category == "praise"
        else:
            author = self._pick_author(rng, category)
            text = self.writer.mention(
                rng, category, in_incident=self._in_incident(ms), author=author.author.handle
            )
            parent = None
        remote_id, url = self._new_id(ms, LABEL_CODE[category], author)
        if conversation is None:
            conversation = Conversation(remote_id, ms, author, category)
            self.conversations[remote_id] = conversation
            self.recent.append(conversation)
        conversation.items.append((ms, remote_id))
        mention = FetchedMention(
            remote_id=remote_id,
            author=author.author,
            text=text,
            created_at=_from_ms(ms),
            url=url,
            in_reply_to_remote_id=parent,
            conversation_id=conversation.root_id,
            visibility=self._visibility(conversation.root_id),
        )
        self.mentions.append(mention)
        self.times.append(ms)
        self.by_id[remote_id] = mention
        if history and parent is None and rng.random() < _BRAND_REPLY_SHARE.get(category, 0):
            self._add_brand_reply(rng, conversation, ms)

    def _pick_conversation(self, rng: random.Random, category: str, ms: int) -> Conversation | None:
        roots = _FOLLOWS[category]
        horizon = ms - 72 * _HOUR_MS
        eligible: list[Conversation] = []
        for conversation in reversed(self.recent):
            if len(eligible) >= 20 or conversation.root_ms < horizon:
                break
            if conversation.category not in roots or len(conversation.items) >= _MAX_THREAD:
                continue
            if conversation.settled:
                continue
            if (category == "abuse") != (conversation.author.kind == "troll"):
                continue
            answered = conversation.brand_ms is not None and conversation.brand_ms < ms
            if not answered and not corpus().followups.get(category):
                continue
            eligible.append(conversation)
        return rng.choice(eligible) if eligible else None

    def _pick_author(self, rng: random.Random, category: str) -> Person:
        if category == "spam":
            return rng.choice(self.people.bots)
        if (category == "abuse" and rng.random() < 0.85) or (
            category == "criticism" and rng.random() < 0.06
        ):
            return rng.choice(self.people.trolls)
        rank = bisect.bisect_left(_ZIPF_CUM, rng.random() * _ZIPF_CUM[-1])
        return self.people.customers[self.rank_to_customer[min(rank, len(_ZIPF_CUM) - 1)]]

    def _add_brand_reply(
        self, rng: random.Random, conversation: Conversation, root_ms: int
    ) -> None:
        minutes = min(48 * 60, max(2.0, rng.lognormvariate(math.log(self.target * 0.6), 0.8)))
        ms = root_ms + int(minutes * _MINUTE_MS) + rng.randrange(1000)
        if ms >= self.anchor_ms:
            return
        text = self.writer.brand_reply(rng, conversation.category, conversation.author.first_name)
        remote_id, url = self._new_id(ms, 0, self.me)
        reply = FetchedMention(
            remote_id=remote_id,
            author=self.me.author,
            text=f"{conversation.author.at} {text}",
            created_at=_from_ms(ms),
            url=url,
            in_reply_to_remote_id=conversation.root_id,
            conversation_id=conversation.root_id,
        )
        conversation.items.append((ms, remote_id))
        conversation.brand_ms = ms
        self.by_id[remote_id] = reply

    def add_posted(self, text: str, parent_id: str | None, now_ms: int) -> FetchedMention:
        parent = self.by_id.get(parent_id) if parent_id else None
        if parent_id and parent is None:
            raise BadResponse("The post you are replying to is not on the demo network any more.")
        remote_id, url = self._new_id(now_ms, 0, self.me)
        conversation_id = parent.conversation_id if parent is not None else remote_id
        reply = FetchedMention(
            remote_id, self.me.author, text, _from_ms(now_ms), url, parent_id, conversation_id
        )
        self.by_id[remote_id] = reply
        conversation = self.conversations.get(conversation_id or "")
        if conversation is None:
            conversation = Conversation(remote_id, now_ms, self.me, "other")
            self.conversations[remote_id] = conversation
        conversation.items.append((now_ms, remote_id))
        return reply

    def thread(self, remote_id: str, now_ms: int) -> list[FetchedMention]:
        mention = self.by_id.get(remote_id)
        if mention is None or _ms(mention.created_at) > now_ms:
            raise BadResponse("That post is not on the demo network.")
        conversation = self.conversations[mention.conversation_id or remote_id]
        items = [self.by_id[rid] for ms, rid in sorted(conversation.items) if ms <= now_ms]
        return items

    def _new_id(self, ms: int, code: int, author: Person) -> tuple[str, str]:
        """A remote id (and its URL) no mention of this feed has yet: two mentions in the same
        millisecond differ by the counter, and on a rare clash the next count is tried."""
        while True:
            self.counter += 1
            found = new_remote_id(
                self.network, ms, code, self.worker, self.counter, author, self.server
            )
            if found[0] not in self.used_ids:
                self.used_ids.add(found[0])
                return found

    def _visibility(self, root_id: str) -> str | None:
        """Mastodon threads are mostly public, one in ten a direct message and one in ten for
        followers only — the whole thread alike. From the root's id, so the generated stream
        (drawn from the random generator) is the same as without it."""
        if self.network != "mastodon":
            return None
        share = zlib.crc32(root_id.encode()) % 10
        return "direct" if share == 0 else "private" if share == 1 else "public"


def _deal(rng: random.Random, count: int) -> list[str]:
    """``count`` categories in exactly the target proportions (largest remainder), shuffled."""
    exact = {name: share * count for name, share in CATEGORY_MIX.items()}
    counts = {name: int(value) for name, value in exact.items()}
    by_remainder = sorted(exact, key=lambda name: exact[name] - counts[name], reverse=True)
    for name in by_remainder[: count - sum(counts.values())]:
        counts[name] += 1
    deck = [name for name, n in counts.items() for _ in range(n)]
    rng.shuffle(deck)
    return deck
