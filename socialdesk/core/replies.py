"""Saved replies and what the composer does with them: fill placeholders, find one by name as the
manager types ``;name``, and the two replies every client needs from day one.

Plain Python; the store keeps the libraries, the composer shows them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PLACEHOLDERS = ("first_name", "handle", "client", "agent")
# What the crisis statement leaves for the manager to write: the composer selects it on insertion.
BLANK = "…"


@dataclass(frozen=True)
class SavedReply:
    id: int
    name: str
    body: str
    client_id: int | None = None  # None: the shared library
    built_in: bool = False


@dataclass(frozen=True)
class BuiltInReply:
    key: str
    name: str
    body: str


# Written to pass the tone checks: an apology where it is due, a next step, no private data asked
# for in public (customer-care.md, "Take it to private" and "Crisis").
BUILT_IN = (
    BuiltInReply(
        "take-to-dms",
        "Take it to DMs",
        "Hi {first_name}, I'm sorry about this. Please send us a direct message with your order "
        "number and we'll look into it right away. {agent}",
    ),
    BuiltInReply(
        "crisis-statement",
        "Crisis statement",
        f"To all customers affected by {BLANK}: we sincerely apologise. We are working on it and "
        "will update you shortly.",
    ),
)


@dataclass(frozen=True)
class ReplyValues:
    """What the placeholders stand for in one reply."""

    first_name: str = ""
    handle: str = ""
    client: str = ""
    agent: str = ""


_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")
# "Hi {first_name}," with no known first name reads "Hi there," rather than "Hi ,".
_FALLBACK = {"first_name": "there"}


def fill(body: str, values: ReplyValues) -> str:
    """``body`` with every known placeholder replaced; unknown braces are left as written."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        return getattr(values, name) or _FALLBACK.get(name, "")

    filled = _PLACEHOLDER.sub(value, body)
    # An empty {agent} at the end must not leave a dangling space.
    return re.sub(r"[ \t]+$", "", filled, flags=re.MULTILINE)


_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def first_name(display_name: str, handle: str = "") -> str:
    """The customer's first name when their display name has one ("Ana Souza" → "Ana"); nothing
    for a brand-like or emoji-only name, so "Hi there" is used instead of "Hi 🌸🌸"."""
    words: list[str] = _NAME_WORD.findall(display_name or "")
    if not words:
        return ""
    name = words[0]
    # A display name that is only the handle again ("coffeelover") is not a first name.
    if len(name) < 2 or display_name.strip().casefold() == (handle or "").lstrip("@").casefold():
        return ""
    return name[0].upper() + name[1:]


_TRIGGER = re.compile(r"(?:^|(?<=\s));([\w-]{0,40})$")


def trigger_at(text: str, cursor: int) -> tuple[int, str] | None:
    """When the text before ``cursor`` ends in ``;name`` (at a word start), where the ``;`` is and
    the name typed so far."""
    match = _TRIGGER.search(text, 0, cursor)
    return (match.start(), match.group(1)) if match else None


def search(replies: list[SavedReply], query: str) -> list[SavedReply]:
    """Replies matching ``query``: names starting with it first, then names containing it, then
    bodies containing it; the client's own before the shared ones within each."""
    words = query.casefold().split()
    if not words:
        return sorted(replies, key=lambda r: (r.client_id is None, r.name.casefold()))

    def rank(reply: SavedReply) -> int | None:
        name, body = reply.name.casefold(), reply.body.casefold()
        if name.startswith(words[0]) and all(w in name for w in words):
            return 0
        if all(w in name for w in words):
            return 1
        if all(w in name or w in body for w in words):
            return 2
        return None

    ranked = [(rank(r), r) for r in replies]
    hits = [(k, r) for k, r in ranked if k is not None]
    hits.sort(key=lambda kr: (kr[0], kr[1].client_id is None, kr[1].name.casefold()))
    return [r for _, r in hits]


# Who sees a reply, by the mention's visibility (a reply keeps it: core.mentions.reply_visibility).
AUDIENCE = {
    "direct": "🔒 Direct message — the reply is seen only by the people it mentions.",
    "private": "🔒 Followers only — the reply is seen by the account's followers and who it "
    "mentions, never in public.",
    "unlisted": "Unlisted — the reply is public but stays out of public timelines.",
    "public": "Public — anyone can see the reply.",
}

# Mastodon notifies only the accounts a status mentions, and shows a direct or followers-only
# status to nobody else: a reply that does not name the customer is never seen by them.
ADDRESSED_NETWORKS = ("mastodon",)


def addressee(handle: str | None, network: str) -> str:
    """``@handle`` as the reply must name it on ``network`` (the full ``user@server`` on Mastodon:
    a bare ``@user`` would name someone on our own server), or "" where replies need no name."""
    handle = (handle or "").strip().lstrip("@")
    return f"@{handle}" if handle and network in ADDRESSED_NETWORKS else ""


def names(text: str, mention: str) -> bool:
    """Whether ``text`` names ``mention`` ("@user@server"), in any case, as a whole mention."""
    pattern = r"(?<![\w@/])" + re.escape(mention) + r"(?![\w@.-]*[\w@-])"
    return re.search(pattern, text, re.IGNORECASE) is not None


def as_posted(text: str, *, network: str, handle: str | None = None) -> str:
    """The text as it will be posted, which is what review and the counter must show: without
    the spaces and blank lines around it (the networks keep them, and they count), and on
    Mastodon with the customer named first when the writer left them out."""
    text = text.strip()
    mention = addressee(handle, network)
    if text and mention and not names(text, mention):
        return f"{mention} {text}"
    return text
