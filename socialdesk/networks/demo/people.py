"""The people who write to the demo accounts: about 500 customers, a troll and 30 spam bots per
network, named from ``resources/demo/people.json``."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

from socialdesk.networks.base import RemoteAuthor
from socialdesk.networks.demo.data import corpus
from socialdesk.networks.demo.seeded import h64


@dataclass(frozen=True)
class Person:
    author: RemoteAuthor
    kind: str  # "customer", "troll", "bot" or "brand"
    at: str  # how a mention of them is written: "@name", "@name@server", "@name.bsky.social"
    web_host: str = ""  # Mastodon: the server their posts live on

    @property
    def first_name(self) -> str:
        word = self.author.display_name.split(" ")[0].strip(",.|")
        return word if word.isalpha() else self.author.handle.split("@")[0].split(".")[0]


@dataclass
class People:
    customers: list[Person]
    trolls: list[Person]
    bots: list[Person]


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def did(rng: random.Random) -> str:
    return "did:plc:" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz234567") for _ in range(24))


def _person(network: str, rng: random.Random, user: str, display: str, kind: str) -> Person:
    """A person on ``network`` whose handle is built from ``user`` (already unique)."""
    words = corpus()
    if network == "x":
        handle = user.replace(".", "_").replace("-", "_")[:15]
        author = RemoteAuthor(str(rng.randrange(10**8, 2 * 10**18)), handle, display)
        return Person(author, kind, "@" + handle)
    if network == "mastodon":
        name, _, server = user.partition("@")
        server = server or rng.choice(words.mastodon_servers)
        name = name.replace(".", "_").replace("-", "_")
        author = RemoteAuthor(str(rng.randrange(10**17, 12 * 10**16)), f"{name}@{server}", display)
        return Person(author, kind, f"@{name}@{server}", server)
    if kind == "troll":
        handle = user
    elif "." in user:
        handle = f"{user}.{rng.choice(words.bluesky_custom_tlds)}"  # their own domain
    elif rng.random() < 0.12:
        handle = f"{user.replace('_', '-')}.{rng.choice(words.bluesky_custom_tlds)}"
    else:
        handle = f"{user.replace('_', '-')}.bsky.social"
    return Person(RemoteAuthor(did(rng), handle, display), kind, "@" + handle)


def make_people(network: str, seed: int, anchor_ms: int) -> People:
    words = corpus()
    rng = random.Random(h64(seed, anchor_ms, "people", network))
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
            display, latin = rng.choice(words.rtl_names)
            user = unique(f"{latin}{rng.choice(['', '_', ''])}{rng.randint(1, 99)}")
        else:
            first, last = rng.choice(words.first_names), rng.choice(words.last_names)
            style = rng.random()
            if style < 0.35:
                display = f"{first} {last}"
            elif style < 0.6:
                display = f"{first} {last[0]}."
            elif style < 0.75:
                display = first.lower()
            else:
                display = first
            display += rng.choice(words.name_decorations)
            f, la = _ascii(first), _ascii(last)
            user = unique(
                rng.choice(
                    [
                        f + la,
                        f"{f}_{la}",
                        f"{f}{rng.randint(1, 999)}",
                        f"{f}{rng.choice(words.handle_words)}",
                        f"{f}.{la}" if network == "bluesky" else f + la,
                        f"{la}{f[0]}",
                        f"the{f}",
                        f"{f}_{rng.choice(words.handle_words)}",
                    ]
                )
            )
        customers.append(_person(network, rng, user, display, "customer"))
    trolls = [
        _person(network, rng, handle, name, "troll") for handle, name in words.trolls[network]
    ]
    bots = []
    for i in range(30):
        prefix = words.bot_prefixes[i % len(words.bot_prefixes)][: longest - 5]
        user = unique(f"{prefix}{rng.randint(100, 9999)}")
        bots.append(_person(network, rng, user, rng.choice(words.bot_names), "bot"))
    return People(customers, trolls, bots)
