"""What the demo's people write: a template for the category, its ``{slots}`` filled, then
roughened as people write (capitals, slang, typos, emoji, links) and the brand's handle placed.

A ``{h}`` in a template places the brand's handle; templates without one get it at the start or the
end. The templates are in ``resources/demo/`` (texts.json for every industry, industries/*.json).
"""

from __future__ import annotations

import random
import re
from functools import cache

from socialdesk.networks.demo.data import Brand, Industry, corpus
from socialdesk.networks.demo.people import People
from socialdesk.networks.demo.seeded import h64, unit

_SLOT = re.compile(r"\{(\w+)\}")
_A_AN = re.compile(r"\b([Aa]) ([aeioAEIO]\w)")  # "a oat latte" -> "an oat latte"


class Writer:
    """Writes the mentions one account receives."""

    def __init__(
        self,
        network: str,
        handle: str,
        server: str,
        brand: Brand,
        industry: Industry,
        people: People,
        limit: int,
        *,
        deal_seed: int = 0,
        share: tuple[int, int] = (0, 1),
        brand_share: tuple[int, int] = (0, 1),
    ) -> None:
        self.network = network
        self.handle = handle
        self.server = server
        self.brand = brand
        self.industry = industry
        self.people = people
        self.limit = limit  # the network's longest post
        # Templates are dealt, not drawn: each list is walked in an order fixed by ``deal_seed``,
        # so a template comes round again only after all the others, and each account starts
        # its walk at its own part of the list (``share``: this account's part of the lists every
        # client shares, ``brand_share``: its part among its client's accounts), so the accounts
        # do not all open with the same text. A week then shows each template about equally
        # often, not one nine times.
        self.deal_seed = deal_seed
        self.share = share
        self.brand_share = brand_share
        self._dealt: dict[tuple[str, ...], int] = {}

    def mention(
        self,
        rng: random.Random,
        category: str,
        *,
        follow_up: bool = False,
        answered: bool = False,
        in_incident: bool = False,
        author: str = "",
    ) -> str:
        """A mention of the brand meaning ``category``: a new one, or a ``follow_up`` in a thread
        the brand has ``answered`` or not; during an outage (``in_incident``) most are about it.
        ``author`` (their handle) fixes the language they write in, the same every time."""
        template, english = self._template(
            rng, category, follow_up, answered, in_incident, unit("language", self.handle, author)
        )
        at = self._at(rng)
        placed = "{h}" in template
        body = self.fill(rng, template, h=at)
        if english:
            body = _roughen(rng, _A_AN.sub(r"\1n \2", body), category)
        body = _decorate(rng, body, category, self.industry["site"])
        if follow_up:
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
        if len(text) > self.limit:
            text = text[: self.limit - 1].rstrip() + "…"
        return text

    def brand_reply(self, rng: random.Random, category: str, first_name: str) -> str:
        """What the brand had answered to a mention of ``category`` (without the customer's @)."""
        template = self._deal(("reply", category), corpus().brand_replies[category], shared=True)
        return self.fill(rng, template, first=first_name)

    def fill(self, rng: random.Random, template: str, **extra: str) -> str:
        slots = self.industry["slots"]
        common = corpus().slots

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
            return rng.choice(common[name])

        return _SLOT.sub(value, template)

    def _deal(self, key: tuple[str, ...], options: list[str], *, shared: bool) -> str:
        """The next template from ``options`` (which ``key`` names): every client's accounts
        deal from a ``shared`` list, only this client's from the industry's own."""
        count = self._dealt.get(key, 0)
        self._dealt[key] = count + 1
        part, parts = self.share if shared else self.brand_share
        index = (count + part * len(options) // parts) % len(options)
        return options[_order(self.deal_seed, key, len(options))[index]]

    def _language(self, roll: float) -> str | None:
        """The other language an author whose ``roll`` this is writes in, or None (English)."""
        for language, share in self.brand.languages.items():
            if roll < share:
                return language
            roll -= share
        return None

    def _at(self, rng: random.Random) -> str:
        if self.network == "mastodon" and rng.random() < 0.3:
            return f"@{self.handle}@{self.server}"
        return "@" + self.handle

    def _template(
        self,
        rng: random.Random,
        category: str,
        follow_up: bool,
        answered: bool,
        in_incident: bool,
        roll: float,
    ) -> tuple[str, bool]:
        """A template for ``category`` and whether it is in English; ``roll`` (the author's)
        picks the language, so nobody writes German one day and French the next."""
        words = corpus()
        if follow_up:
            kind = "followups_answered" if answered else "followups"
            language = self._language(roll)
            foreign = getattr(words, f"foreign_{kind}").get(language or "", {}).get(category)
            if foreign:  # someone who writes German follows up in German
                return self._deal((kind, language or "", category), foreign, shared=True), False
            options = getattr(words, kind)[category]
            return self._deal((kind, category), options, shared=True), True
        rng.random()  # the roll that picked the language before: still drawn, the week as it was
        for language, share in self.brand.languages.items():
            if roll < share:
                own = self.industry["foreign"].get(language, {}).get(category, [])
                options = own + words.foreign_generic.get(language, {}).get(category, [])
                if options:
                    key = ("foreign", language, category)
                    return self._deal(key, options, shared=not own), False
                break
            roll -= share
        if rng.random() < 0.015:
            own = self.industry["html"].get(category, [])
            options = own + words.html_generic.get(category, [])
            if options:
                return self._deal(("html", category), options, shared=not own), True
        if in_incident and category in self.industry.get("outage", {}) and (rng.random() < 0.85):
            options = self.industry["outage"][category]
            return self._deal(("outage", category), options, shared=False), True
        own = self.industry["templates"].get(category, [])
        generic = words.generic.get(category, [])
        if own and (not generic or rng.random() < 0.8):
            return self._deal(("own", category), own, shared=False), True
        return self._deal(("generic", category), generic, shared=True), True


@cache
def _order(seed: int, key: tuple[str, ...], size: int) -> tuple[int, ...]:
    """The order a list of ``size`` templates is dealt in, round and round: the same for every
    account, each starting at its own place, so they overlap only once they have gone round."""
    order = list(range(size))
    random.Random(h64(seed, *key, size)).shuffle(order)
    return tuple(order)


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
        before = corpus().slang_before.get(category)
        after = corpus().slang_after.get(category)
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
    slots = corpus().slots
    if rng.random() < chance:
        pool = slots[kind]
        if rng.random() < 0.2:
            body += " " + rng.choice(pool) * rng.randint(2, 3)
        else:
            body += " " + "".join(rng.sample(pool, rng.randint(1, 2)))
    if category == "complaint" and rng.random() < 0.06:
        body += " " + rng.choice(slots["shot"])
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
