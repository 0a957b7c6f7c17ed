"""The Demo network: a simulated network behind the same ``Provider`` protocol as X, Mastodon and
Bluesky, so SocialDesk is alive on first launch with no account, no sign-up and no network.

Three fictional client brands (``DEMO_CLIENTS``) with six accounts receive about 2,000 mentions over
the seven days before the demo workspace was created (``anchor``), and new ones keep arriving every
minute or two after it. Everything is a deterministic function of (seed, anchor, account, time): two
providers built with the same arguments return the same mentions, ids and cursors, whenever asked.

The texts are made from the templates in ``demo_corpus``. Each mention carries the triage category
the generator meant in the low bits of its remote id, so ``demo_label(remote_id)`` can grade triage
later without any state (the app never uses it to triage).
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import math
import random
import re
import threading
import time
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from socialdesk.core.limits import NetworkLimits
from socialdesk.core.models import Network, network_label
from socialdesk.networks import demo_corpus as corpus
from socialdesk.networks.base import (
    AccountRef,
    FetchedMention,
    MentionBatch,
    PostedReply,
    RemoteAuthor,
)
from socialdesk.networks.errors import BadResponse, NetworkUnreachable, Refused, ServerError

# --- the demo clients -----------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoAccount:
    network: str  # core.models.Network value
    # as each network spells it: X "name", Mastodon "name" on server_url, Bluesky "name.bsky.social"
    handle: str
    display_name: str
    server_url: str | None = None


@dataclass(frozen=True)
class DemoClient:
    name: str
    colour: str  # "#rrggbb", legible on light and dark backgrounds
    response_target_minutes: int
    # {"mon": [["08:00", "20:00"]], ..., "sun": []}; None = around the clock
    service_hours: dict[str, list[list[str]]] | None = field(hash=False)
    timezone: str  # IANA
    accounts: tuple[DemoAccount, ...]


def _week(weekdays: list[list[str]], sat: list[list[str]], sun: list[list[str]]) -> dict:
    week = {day: [list(span) for span in weekdays] for day in ("mon", "tue", "wed", "thu", "fri")}
    return week | {"sat": sat, "sun": sun}  # an empty list: closed that day


DEMO_CLIENTS: tuple[DemoClient, ...] = (
    DemoClient(
        name="Emberline Coffee",
        colour="#C0622F",
        response_target_minutes=60,
        service_hours=_week([["07:00", "19:00"]], [["08:00", "18:00"]], [["09:00", "17:00"]]),
        timezone="Europe/Berlin",
        accounts=(
            DemoAccount("x", "emberlinecoffee", "Emberline Coffee"),
            DemoAccount("bluesky", "emberline.bsky.social", "Emberline Coffee"),
        ),
    ),
    DemoClient(
        name="Ridgeway Cycles",
        colour="#2E9B62",
        response_target_minutes=120,
        service_hours=_week([["09:00", "18:00"]], [["10:00", "16:00"]], []),
        timezone="America/New_York",
        accounts=(
            DemoAccount("x", "ridgewaycycles", "Ridgeway Cycles"),
            DemoAccount("mastodon", "ridgeway", "Ridgeway Cycles", "https://social.example"),
        ),
    ),
    DemoClient(
        name="Tallyfox",
        colour="#7B61D9",
        response_target_minutes=30,
        service_hours=None,
        timezone="Europe/London",
        accounts=(
            DemoAccount("mastodon", "tallyfox", "Tallyfox", "https://toot.example"),
            DemoAccount("bluesky", "tallyfox.bsky.social", "Tallyfox"),
        ),
    ),
)


@dataclass(frozen=True)
class _Brand:
    industry: str  # key of demo_corpus.INDUSTRIES
    short_name: str
    languages: dict[str, float]  # share of mentions written in each other language
    outage: bool  # an outage spike two or three days before the anchor


_BRANDS: dict[str, _Brand] = {
    "Emberline Coffee": _Brand(
        "coffee", "Emberline", {"de": 0.06, "es": 0.01, "fr": 0.01, "ar": 0.004, "he": 0.004}, False
    ),
    "Ridgeway Cycles": _Brand(
        "bikes", "Ridgeway", {"es": 0.05, "fr": 0.005, "de": 0.005, "ar": 0.004, "he": 0.006}, False
    ),
    "Tallyfox": _Brand(
        "saas", "Tallyfox", {"fr": 0.03, "de": 0.01, "es": 0.01, "ar": 0.005, "he": 0.005}, True
    ),
}

# Mentions a week per account; busier brands are busier. About 2,000 in all.
_WEEKLY_VOLUME: dict[tuple[str, str], int] = {
    ("x", "emberlinecoffee"): 480,
    ("bluesky", "emberline.bsky.social"): 330,
    ("x", "ridgewaycycles"): 250,
    ("mastodon", "ridgeway"): 190,
    ("mastodon", "tallyfox"): 340,
    ("bluesky", "tallyfox.bsky.social"): 410,
}
_TOTAL_VOLUME = sum(_WEEKLY_VOLUME.values())
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
# The label code in a remote id: 0 is the brand's own post, 1..8 these categories.
_LABELS: tuple[str, ...] = (
    "question",
    "complaint",
    "criticism",
    "feedback",
    "praise",
    "abuse",
    "spam",
    "other",
)
_LABEL_CODE = {name: i + 1 for i, name in enumerate(_LABELS)}
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
_NETWORK_LABEL = {"x": "X", "mastodon": "Mastodon", "bluesky": "Bluesky"}

LIVE_PER_MINUTE = 0.5  # new mentions a minute across the whole demo workspace, on average
_MAX_FAILED_ATTEMPTS = 3  # a retried reply always gets through after this many failures

# Relative volume by local hour (0-23) and by weekday (Mon-Sun).
_HOURLY = {
    "coffee": [
        1,
        0.6,
        0.4,
        0.3,
        0.3,
        0.6,
        2,
        5,
        7,
        6,
        5,
        4.5,
        5,
        5,
        4,
        3.5,
        3.5,
        3,
        2.5,
        2,
        2,
        1.8,
        1.5,
        1.2,
    ],
    "bikes": [
        0.8,
        0.5,
        0.3,
        0.2,
        0.2,
        0.3,
        0.8,
        2,
        3,
        3.5,
        4,
        4,
        4,
        4,
        4,
        4,
        4.5,
        5,
        5,
        4.5,
        4,
        3,
        2,
        1.3,
    ],
    "saas": [
        0.8,
        0.5,
        0.4,
        0.3,
        0.3,
        0.5,
        1,
        2.5,
        5,
        6.5,
        7,
        7,
        6,
        6.5,
        6.5,
        6,
        5,
        4,
        3,
        2.5,
        2,
        1.8,
        1.5,
        1.1,
    ],
}
_WEEKDAY = {
    "coffee": [1, 1, 1, 1, 1.05, 1.1, 0.9],
    "bikes": [0.9, 0.9, 0.9, 0.9, 1, 1.35, 1.25],
    "saas": [1.15, 1.1, 1.1, 1.1, 1, 0.45, 0.4],
}

_MINUTE_MS = 60_000
_HOUR_MS = 3_600_000
_HISTORY = timedelta(days=7)
_X_EPOCH_MS = 1_288_834_974_657
_S32 = "234567abcdefghijklmnopqrstuvwxyz"
_SLOT = re.compile(r"\{(\w+)\}")
_A_AN = re.compile(r"\b([Aa]) ([aeioAEIO]\w)")  # "a oat latte" -> "an oat latte"


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _h64(*parts: object) -> int:
    data = "\x1f".join(str(p) for p in parts).encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def _unit(*parts: object) -> float:
    """A number in [0, 1) fixed by ``parts``."""
    return _h64(*parts) / 2**64


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
        offsets = {"Europe/Berlin": 1, "America/New_York": -5, "Europe/London": 0}
        return timezone(timedelta(hours=offsets.get(name, 0)))


def _s32(value: int) -> str:
    return "".join(_S32[(value >> (60 - 5 * i)) & 31] for i in range(13))


def _s32_decode(text: str) -> int:
    value = 0
    for char in text:
        value = (value << 5) | _S32.index(char)
    return value


def demo_label(remote_id: str) -> str:
    """The triage category the generator meant for a demo mention (``core.models.Category`` value).

    Raises ``ValueError`` for the brand's own posts and for ids the demo network did not make.
    """
    try:
        if remote_id.startswith("at://"):
            value = _s32_decode(remote_id.rsplit("/", 1)[-1])
        else:
            value = int(remote_id)
    except ValueError:
        raise ValueError(f"{remote_id!r} is not a demo mention id") from None
    code = value & 0xF
    if not 1 <= code <= len(_LABELS):
        raise ValueError(f"{remote_id!r} is not a demo mention id")
    return _LABELS[code - 1]


# --- people ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Person:
    author: RemoteAuthor
    kind: str  # "customer", "troll", "bot" or "brand"
    at: str  # how a mention of them is written: "@name", "@name@server", "@name.bsky.social"
    web_host: str = ""  # Mastodon: the server their posts live on

    @property
    def first_name(self) -> str:
        word = self.author.display_name.split(" ")[0].strip(",.|")
        return word if word.isalpha() else self.author.handle.split("@")[0].split(".")[0]


@dataclass
class _People:
    customers: list[_Person]
    trolls: list[_Person]
    bots: list[_Person]


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def _did(rng: random.Random) -> str:
    return "did:plc:" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz234567") for _ in range(24))


def _person(network: str, rng: random.Random, user: str, display: str, kind: str) -> _Person:
    """A person on ``network`` whose handle is built from ``user`` (already unique)."""
    if network == "x":
        handle = user.replace(".", "_").replace("-", "_")[:15]
        author = RemoteAuthor(str(rng.randrange(10**8, 2 * 10**18)), handle, display)
        return _Person(author, kind, "@" + handle)
    if network == "mastodon":
        name, _, server = user.partition("@")
        server = server or rng.choice(corpus.MASTODON_SERVERS)
        name = name.replace(".", "_").replace("-", "_")
        author = RemoteAuthor(str(rng.randrange(10**17, 12 * 10**16)), f"{name}@{server}", display)
        return _Person(author, kind, f"@{name}@{server}", server)
    if kind == "troll":
        handle = user
    elif "." in user:
        handle = f"{user}.{rng.choice(corpus.BLUESKY_CUSTOM_TLDS)}"  # their own domain
    elif rng.random() < 0.12:
        handle = f"{user.replace('_', '-')}.{rng.choice(corpus.BLUESKY_CUSTOM_TLDS)}"
    else:
        handle = f"{user.replace('_', '-')}.bsky.social"
    return _Person(RemoteAuthor(_did(rng), handle, display), kind, "@" + handle)


def _make_people(network: str, seed: int, anchor_ms: int) -> _People:
    rng = random.Random(_h64(seed, anchor_ms, "people", network))
    taken: set[str] = set()

    longest = 15 if network == "x" else 20

    def unique(user: str) -> str:
        user = user[:longest] or "user"
        candidate = user
        while candidate in taken:
            candidate = f"{user[: longest - 4]}{rng.randint(2, 9999)}"
        taken.add(candidate)
        return candidate

    customers = []
    for _ in range(500):
        if rng.random() < 0.03:
            display, latin = rng.choice(corpus.RTL_NAMES)
            user = unique(f"{latin}{rng.choice(['', '_', ''])}{rng.randint(1, 99)}")
        else:
            first, last = rng.choice(corpus.FIRST_NAMES), rng.choice(corpus.LAST_NAMES)
            style = rng.random()
            if style < 0.35:
                display = f"{first} {last}"
            elif style < 0.6:
                display = f"{first} {last[0]}."
            elif style < 0.75:
                display = first.lower()
            else:
                display = first
            display += rng.choice(corpus.NAME_DECORATIONS)
            f, la = _ascii(first), _ascii(last)
            user = unique(
                rng.choice(
                    [
                        f + la,
                        f"{f}_{la}",
                        f"{f}{rng.randint(1, 999)}",
                        f"{f}{rng.choice(corpus.HANDLE_WORDS)}",
                        f"{f}.{la}" if network == "bluesky" else f + la,
                        f"{la}{f[0]}",
                        f"the{f}",
                        f"{f}_{rng.choice(corpus.HANDLE_WORDS)}",
                    ]
                )
            )
        customers.append(_person(network, rng, user, display, "customer"))
    trolls = [
        _person(network, rng, handle, name, "troll") for handle, name in corpus.TROLLS[network]
    ]
    bots = []
    for i in range(30):
        prefix = corpus.BOT_PREFIXES[i % len(corpus.BOT_PREFIXES)][: longest - 5]
        user = unique(f"{prefix}{rng.randint(100, 9999)}")
        bots.append(_person(network, rng, user, rng.choice(corpus.BOT_NAMES), "bot"))
    return _People(customers, trolls, bots)


# Repeat customers: a Zipf-like pick over a per-network pool, so a few people write 5-20 times.
_ZIPF_CUM = list(itertools.accumulate(1 / (rank + 6) for rank in range(500)))


# --- one account's stream -------------------------------------------------------------------------


@dataclass
class _Conversation:
    root_id: str
    root_ms: int
    author: _Person
    category: str
    items: list[tuple[int, str]] = field(
        default_factory=list
    )  # (ms, remote_id), mentions and replies
    brand_ms: int | None = None  # when the brand first answered
    settled: bool = False  # the customer said thanks: nothing more to add

    def last_before(self, ms: int) -> str:
        return max((item for item in self.items if item[0] < ms), default=self.items[0])[1]


class _Feed:
    """Everything one account receives: generated once, extended as time passes. Callers hold the
    provider's lock."""

    def __init__(self, provider: DemoProvider, network: str, handle: str) -> None:
        self.network = network
        self.handle = handle
        self.seed = provider.seed
        self.anchor_ms = provider.anchor_ms
        client, account = _find_account(network, handle)
        self.client = client
        if client is not None:
            self.brand = _BRANDS[client.name]
            self.target = client.response_target_minutes
            self.zone = _zone(client.timezone)
            self.volume = _WEEKLY_VOLUME.get((network, account.handle), _UNKNOWN_VOLUME)
            display = account.display_name
            self.server = _host(account.server_url)
        else:
            industry = ("coffee", "bikes", "saas")[_h64("industry", network, handle) % 3]
            name = re.split(r"[.@]", handle)[0].capitalize() or "Brand"
            self.brand = _Brand(industry, name, {"de": 0.02, "es": 0.02, "fr": 0.02}, False)
            self.target = 60
            self.zone = UTC
            self.volume = _UNKNOWN_VOLUME
            display = name
            self.server = _host(provider.server_for(network, handle))
        self.industry = corpus.INDUSTRIES[self.brand.industry]
        self.people = provider.people(network)
        self.me = self._brand_person(display)
        rng = random.Random(_h64(self.seed, self.anchor_ms, network, handle, "ranks"))
        self.rank_to_customer = list(range(len(self.people.customers)))
        rng.shuffle(self.rank_to_customer)
        self.worker = _h64("worker", network, handle)
        self.counter = 0
        self.used_ids: set[str] = set()

        self.mentions: list[FetchedMention] = []
        self.times: list[int] = []
        self.by_id: dict[str, FetchedMention] = {}
        self.conversations: dict[str, _Conversation] = {}
        self.recent: list[_Conversation] = []  # in order of creation
        self.incident = self._incident_window()
        self._hour_factor: dict[int, float] = {}
        self._generate_history()
        self.live_next_slot = 0

    # ---- set-up

    def _brand_person(self, display: str) -> _Person:
        rng = random.Random(_h64("account", self.network, self.handle))
        if self.network == "x":
            author = RemoteAuthor(str(rng.randrange(10**9, 10**18)), self.handle, display)
            return _Person(author, "brand", "@" + self.handle)
        if self.network == "mastodon":
            author = RemoteAuthor(str(rng.randrange(10**17, 12 * 10**16)), self.handle, display)
            return _Person(author, "brand", "@" + self.handle, self.server)
        return _Person(RemoteAuthor(_did(rng), self.handle, display), "brand", "@" + self.handle)

    def _incident_window(self) -> tuple[int, int] | None:
        if not self.brand.outage or self.client is None:
            return None
        rng = random.Random(_h64(self.seed, self.anchor_ms, "incident", self.client.name))
        day = _from_ms(self.anchor_ms - rng.choice([2, 3]) * 86_400_000).astimezone(self.zone)
        start = day.replace(
            hour=rng.randint(9, 15), minute=rng.choice([0, 15, 30, 45]), second=0, microsecond=0
        )
        start_ms = _ms(start)
        return start_ms, start_ms + 100 * _MINUTE_MS

    def _rhythm(self, ms: int) -> float:
        local = _from_ms(ms).astimezone(self.zone)
        ind = self.brand.industry
        return _HOURLY[ind][local.hour] * _WEEKDAY[ind][local.weekday()]

    def _in_incident(self, ms: int) -> bool:
        # People keep writing about an outage for an hour after it is over.
        return self.incident is not None and self.incident[0] <= ms < self.incident[1] + _HOUR_MS

    # ---- history

    def _generate_history(self) -> None:
        rng = random.Random(_h64(self.seed, self.anchor_ms, self.network, self.handle, "history"))
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
            ind = self.brand.industry
            mean = (sum(_HOURLY[ind]) / 24) * (sum(_WEEKDAY[ind]) / 7)
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
            if _unit(*key) >= self.live_probability(slot):
                continue
            rng = random.Random(_h64(*key, "content"))
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
            text = self._compose(rng, category, ms, conversation)
            parent = conversation.last_before(ms)
            conversation.settled = category == "praise"
        else:
            author = self._pick_author(rng, category)
            text = self._compose(rng, category, ms)
            parent = None
        remote_id, url = self._new_id(ms, _LABEL_CODE[category], author)
        if conversation is None:
            conversation = _Conversation(remote_id, ms, author, category)
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

    def _pick_conversation(
        self, rng: random.Random, category: str, ms: int
    ) -> _Conversation | None:
        roots = _FOLLOWS[category]
        horizon = ms - 72 * _HOUR_MS
        eligible = []
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
            if not answered and not corpus.FOLLOWUPS.get(category):
                continue
            eligible.append(conversation)
        return rng.choice(eligible) if eligible else None

    def _pick_author(self, rng: random.Random, category: str) -> _Person:
        if category == "spam":
            return rng.choice(self.people.bots)
        if (category == "abuse" and rng.random() < 0.85) or (
            category == "criticism" and rng.random() < 0.06
        ):
            return rng.choice(self.people.trolls)
        rank = bisect.bisect_left(_ZIPF_CUM, rng.random() * _ZIPF_CUM[-1])
        return self.people.customers[self.rank_to_customer[min(rank, len(_ZIPF_CUM) - 1)]]

    def _add_brand_reply(
        self, rng: random.Random, conversation: _Conversation, root_ms: int
    ) -> None:
        minutes = min(48 * 60, max(2.0, rng.lognormvariate(math.log(self.target * 0.6), 0.8)))
        ms = root_ms + int(minutes * _MINUTE_MS) + rng.randrange(1000)
        if ms >= self.anchor_ms:
            return
        template = rng.choice(corpus.BRAND_REPLIES[conversation.category])
        text = self._fill(rng, template, first=conversation.author.first_name)
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
            conversation = _Conversation(remote_id, now_ms, self.me, "other")
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

    # ---- ids in each network's style; the low 4 bits carry the intended category

    def _new_id(self, ms: int, code: int, author: _Person) -> tuple[str, str]:
        while True:
            self.counter += 1
            if self.network == "x":
                value = ((ms - _X_EPOCH_MS) << 22) | ((self.worker & 0x3FF) << 12)
                value |= ((self.counter & 0xFF) << 4) | code
                remote_id = str(value)
                url = f"https://x.com/{author.author.handle}/status/{remote_id}"
            elif self.network == "mastodon":
                value = (
                    (ms << 16) | ((self.worker & 0xFF) << 8) | ((self.counter & 0xF) << 4) | code
                )
                remote_id = str(value)
                name = author.author.handle.split("@")[0]
                url = f"https://{author.web_host or self.server}/@{name}/{remote_id}"
            else:
                micros = ms * 1000 + (self.counter * 37) % 1000
                tid = _s32((micros << 10) | ((self.worker & 0x3F) << 4) | code)
                remote_id = f"at://{author.author.remote_id}/app.bsky.feed.post/{tid}"
                url = f"https://bsky.app/profile/{author.author.handle}/post/{tid}"
            if remote_id not in self.used_ids:
                self.used_ids.add(remote_id)
                return remote_id, url

    def _visibility(self, root_id: str) -> str | None:
        """Mastodon threads are mostly public, one in ten a direct message and one in ten for
        followers only — the whole thread alike. From the root's id, so the generated stream
        (drawn from the random generator) is the same as without it."""
        if self.network != "mastodon":
            return None
        share = zlib.crc32(root_id.encode()) % 10
        return "direct" if share == 0 else "private" if share == 1 else "public"

    # ---- text

    def _at(self, rng: random.Random) -> str:
        if self.network == "mastodon" and rng.random() < 0.3:
            return f"@{self.handle}@{self.server}"
        return "@" + self.handle

    def _fill(self, rng: random.Random, template: str, **extra: str) -> str:
        slots = self.industry["slots"]

        def value(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in extra:
                return extra[name]
            if name == "order":
                return f"#{rng.randint(10000, 99999)}"
            if name == "brand":
                return self.brand.short_name
            if name == "site":
                return self.industry["site"]
            if name in slots:
                return rng.choice(slots[name])
            return rng.choice(corpus.COMMON_SLOTS[name])

        return _SLOT.sub(value, template)

    def _template(
        self, rng: random.Random, category: str, ms: int, thread: _Conversation | None
    ) -> tuple[str, bool]:
        """A template for ``category`` and whether it is in English."""
        if thread is not None:
            answered = thread.brand_ms is not None and thread.brand_ms < ms
            options = (corpus.FOLLOWUPS_ANSWERED if answered else corpus.FOLLOWUPS)[category]
            return rng.choice(options), True
        roll = rng.random()
        for language, share in self.brand.languages.items():
            if roll < share:
                options = self.industry["foreign"].get(language, {}).get(
                    category, []
                ) + corpus.FOREIGN_GENERIC.get(language, {}).get(category, [])
                if options:
                    return rng.choice(options), False
                break
            roll -= share
        if rng.random() < 0.015:
            options = self.industry["html"].get(category, []) + corpus.HTML_GENERIC.get(
                category, []
            )
            if options:
                return rng.choice(options), True
        if (
            self._in_incident(ms)
            and category in self.industry.get("outage", {})
            and (rng.random() < 0.85)
        ):
            return rng.choice(self.industry["outage"][category]), True
        own = self.industry["templates"].get(category, [])
        generic = corpus.GENERIC.get(category, [])
        if own and (not generic or rng.random() < 0.8):
            return rng.choice(own), True
        return rng.choice(generic), True

    def _compose(
        self, rng: random.Random, category: str, ms: int, thread: _Conversation | None = None
    ) -> str:
        template, english = self._template(rng, category, ms, thread)
        at = self._at(rng)
        placed = "{h}" in template
        body = self._fill(rng, template, h=at)
        if english:
            body = _roughen(rng, _A_AN.sub(r"\1n \2", body), category)
        body = _decorate(rng, body, category, self.industry["site"])
        if thread is not None:
            text = f"{at} {body}"
        elif placed:
            text = body
        elif category == "spam":
            text = f"{at} {body}" if rng.random() < 0.7 else f"{body} {at}"
        else:
            text = _place(rng, body, at)
        if category == "spam" and rng.random() < 0.5:
            extra = rng.sample(self.people.customers, rng.randint(1, 3))
            text = " ".join(p.at for p in extra) + " " + text
        limit = LIMITS[self.network].max_characters
        if len(text) > limit:
            text = text[: limit - 1].rstrip() + "…"
        return text


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


def _roughen(rng: random.Random, body: str, category: str) -> str:
    """Capitals, lowercase, slang and typos, as people write."""
    shout = {"abuse": 0.3, "complaint": 0.07, "criticism": 0.07}.get(category, 0)
    roll = rng.random()
    if roll < shout:
        body = body.upper()
        if rng.random() < 0.5:
            body += rng.choice(["!!!", "!!", "!!!!!", "?!"])
    elif roll < shout + 0.14:
        body = body.lower()
    if rng.random() < 0.1:
        before = corpus.SLANG_BEFORE.get(category)
        after = corpus.SLANG_AFTER.get(category)
        if before and (not after or rng.random() < 0.5):
            body = f"{rng.choice(before)} {body}"
        elif after:
            body = f"{body} {rng.choice(after)}"
    if rng.random() < 0.09:
        body = _typo(rng, body)
    return body


def _typo(rng: random.Random, body: str) -> str:
    words = body.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not candidates:
        return body
    i = rng.choice(candidates)
    word = words[i]
    j = rng.randrange(1, len(word) - 1)
    kind = rng.random()
    if kind < 0.4:
        word = word[: j - 1] + word[j] + word[j - 1] + word[j + 1 :]  # swapped letters
    elif kind < 0.75:
        word = word[:j] + word[j + 1 :]  # dropped letter
    else:
        word = word[:j] + word[j] + word[j:]  # doubled letter
    words[i] = word
    return " ".join(words)


_EMOJI_CHANCE = {
    "praise": ("pos", 0.45),
    "complaint": ("neg", 0.25),
    "criticism": ("neg", 0.2),
    "abuse": ("neg", 0.2),
    "question": ("neutral", 0.1),
    "other": ("neutral", 0.3),
    "feedback": ("pos", 0.15),
}


def _decorate(rng: random.Random, body: str, category: str, site: str) -> str:
    """Emoji, screenshots and links."""
    kind, chance = _EMOJI_CHANCE.get(category, ("neutral", 0))
    if rng.random() < chance:
        pool = corpus.COMMON_SLOTS[kind]
        if rng.random() < 0.2:
            body += " " + rng.choice(pool) * rng.randint(2, 3)
        else:
            body += " " + "".join(rng.sample(pool, rng.randint(1, 2)))
    if category == "complaint" and rng.random() < 0.06:
        body += " " + rng.choice(corpus.COMMON_SLOTS["shot"])
    elif category == "question" and rng.random() < 0.05:
        path = rng.choice(["faq", "help", "menu", "pricing", "shop", "locations"])
        body += " " + (f"https://{site}/{path}" if rng.random() < 0.6 else f"{site}/{path}")
    return body


def _place(rng: random.Random, body: str, at: str) -> str:
    roll = rng.random()
    if roll < 0.62:
        return f"{at} {body}"
    if roll < 0.70:
        return f"hey {at} {body[:1].lower()}{body[1:]}"
    if roll < 0.74:
        return f".{at} {body}"
    if roll < 0.88:
        return f"{body} {at}"
    return f"{body} cc {at}"


def _host(server_url: str | None) -> str:
    if not server_url:
        return "social.example"
    return re.sub(r"^https?://", "", server_url).strip("/") or "social.example"


def _normalise(network: str, handle: str) -> str:
    handle = handle.strip().lstrip("@").lower()
    if network == "mastodon":
        handle = handle.split("@")[0]
    return handle


def _find_account(network: str, handle: str) -> tuple[DemoClient | None, DemoAccount | None]:
    wanted = _normalise(network, handle)
    for client in DEMO_CLIENTS:
        for account in client.accounts:
            if account.network == network and _normalise(network, account.handle) == wanted:
                return client, account
    return None, None


# --- the provider ---------------------------------------------------------------------------------


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
        self._feeds: dict[tuple[str, str], _Feed] = {}
        self._people: dict[str, _People] = {}
        self._servers: dict[tuple[str, str], str | None] = {}
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
            roll = _unit(self.seed, "post", idempotency_key, attempt)
            if attempt <= _MAX_FAILED_ATTEMPTS and roll < self.failure_rate:
                if _unit(self.seed, "error", idempotency_key, attempt) < 0.5:
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

    # ---- shared state

    def people(self, network: str) -> _People:
        people = self._people.get(network)
        if people is None:
            people = self._people[network] = _make_people(network, self.seed, self.anchor_ms)
        return people

    def server_for(self, network: str, handle: str) -> str | None:
        return self._servers.get((network, handle))

    def _feed(self, account: AccountRef) -> _Feed:
        if account.network not in LIMITS:
            raise BadResponse(f"The demo network does not simulate {account.network!r}.")
        key = (account.network, _normalise(account.network, account.handle))
        feed = self._feeds.get(key)
        if feed is None:
            self._servers[key] = account.server_url
            feed = self._feeds[key] = _Feed(self, account.network, key[1])
        return feed


def _cursor_ms(cursor: str | None) -> int | None:
    """The position in a cursor this provider made; anything else starts from the beginning."""
    if not cursor:
        return None
    parts = cursor.split(":", 2)
    if len(parts) == 3 and parts[0] == "demo1" and parts[1].isdigit():
        return int(parts[1])
    return None
