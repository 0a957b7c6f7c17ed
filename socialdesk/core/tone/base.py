"""What every tone check shares: the codes and their severities, a finding, the reply's context,
and the draft prepared once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from socialdesk.core.brand_voice import BannedPhrase
from socialdesk.core.limits import NetworkLimits


class Severity(StrEnum):
    """How much a finding matters: ``block`` cannot be sent as it is. A StrEnum, so a finding's
    severity still equals the plain word ("block", "warning", "info")."""

    BLOCK = "block"
    WARNING = "warning"
    INFO = "info"


# Most severe first; within a severity, the order of the table in customer-care.md.
CODES = (
    ("empty", "block"),
    ("over-limit", "block"),
    # Not in customer-care.md's table yet: a saved reply or statement with a blank left in ("To
    # all customers affected by …") must never be posted.
    ("unfilled-template", "block"),
    ("crisis-individual-reply", "warning"),
    ("feeding-troll", "warning"),
    ("private-data", "warning"),
    ("blames-customer", "warning"),
    ("defensive", "warning"),
    ("profanity", "warning"),
    ("negative-tone", "warning"),
    ("missing-apology", "warning"),
    ("no-next-step", "warning"),
    ("brand-voice", "warning"),
    ("shouting", "warning"),
    ("move-to-dm", "info"),
    ("robotic", "info"),
    ("unthanked-praise", "info"),
    ("excess-punctuation", "info"),
    ("other-language", "info"),
)
_SEVERITY = {code: Severity(severity) for code, severity in CODES}
_ORDER = {code: i for i, (code, _) in enumerate(CODES)}
_RANK = {Severity.BLOCK: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class ReplyContext:
    network: str = "x"
    mention_text: str = ""
    mention_category: str | None = None  # a triage category
    thread_depth: int = 0  # public replies the brand already posted to this person in this thread
    author_flags: frozenset[str] = frozenset()  # "troll", "vip"
    crisis: bool = False  # the mention is about the client's active crisis
    recent_replies: tuple[str, ...] = ()  # texts this account sent in the last 24 hours
    limits: NetworkLimits | None = None  # the account's own limits (a Mastodon server's maximum)
    brand_contacts: tuple[str, ...] = ()  # the client's public email, hotline, help URL
    banned_phrases: tuple[BannedPhrase, ...] = ()
    private: bool = False  # a direct message, not a public reply
    mention_sentiment: float | None = None  # -1..1, when the caller already knows it


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity  # equals "info", "warning" or "block"
    message: str  # plain words, to the person writing
    span: tuple[int, int] | None = None  # in the draft; an empty span marks where to insert
    suggestion: str | None = None  # replaces draft[span[0]:span[1]]


def _sort_key(f: Finding) -> tuple[int, int, tuple[int, int]]:
    return (_RANK[f.severity], _ORDER.get(f.code, len(_ORDER)), f.span or (-1, -1))


def _finding(
    code: str,
    message: str,
    span: tuple[int, int] | None = None,
    suggestion: str | None = None,
) -> Finding:
    return Finding(code, _SEVERITY[code], message, span, suggestion)


# -- the draft, prepared once ---------------------------------------------------------------------
_LEADING_MENTIONS = re.compile(r"^(?:\s*@[\w.@-]+)*\s*")


def _body_start(text: str) -> int:
    """Where the text starts after its leading @handles."""
    leading = _LEADING_MENTIONS.match(text)
    assert leading is not None  # every part of the pattern may be empty: it always matches
    return leading.end()


class _Draft:
    """The text and what every check needs from it: where the body starts after the leading
    @handles, and copies with curly apostrophes straightened and with the handles blanked (same
    length, so spans carry over)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.body_start = _body_start(text)
        self.flat = text.replace("\u2019", "'").replace("\u2018", "'")
        # The same with the leading @handles blanked: a shape that opens a sentence ("Sure you
        # did.") also opens the reply.
        self.body = " " * self.body_start + self.flat[self.body_start :]
        self.content = text[self.body_start :].strip()

    def insert_at_body(self) -> tuple[int, int]:
        return (self.body_start, self.body_start)

    def insert_at_end(self) -> tuple[int, int]:
        end = len(self.text.rstrip())
        return (end, end)


def _appended(draft: _Draft, sentence: str) -> str:
    before = draft.text[: draft.insert_at_end()[0]]
    joiner = "" if not before or before[-1] in " \n" else " "
    if before and before[-1] not in ".!?\n":
        joiner = ". "
    return joiner + sentence


_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def _sentence_start(text: str, pos: int, lo: int = 0) -> int:
    """Where the sentence holding ``pos`` begins: just after the last ".", "!", "?" or line break
    before it, looking no further back than ``lo``."""
    return max(text.rfind(mark, lo, pos) for mark in ".!?\n") + 1
