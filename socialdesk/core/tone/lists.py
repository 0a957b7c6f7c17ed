"""The word and phrase lists of ``resources/tone/``, loaded once."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any, Protocol

from socialdesk.resources import resource_path

# The standard library's own regular-expression parser (no stubs), to read where a phrase opens.
_parser: Any = importlib.import_module("re._parser")
_constants: Any = importlib.import_module("re._constants")


# -- the lists, loaded once ----------------------------------------------------------------------
def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One pattern for a list: longest phrases first, whole words only, spaces match any
    whitespace, apostrophes are optional, and a ``[word]`` may be left out ("that's [simply]
    false")."""
    return re.compile(_alternatives(phrases), re.IGNORECASE)


def _alternatives(phrases: Iterable[str]) -> str:
    return _wrapped(_parts(phrases))


def _parts(phrases: Iterable[str]) -> list[str]:
    unique = {p if p.startswith("re:") else p.lower() for p in phrases}
    return [_phrase_regex(p) for p in sorted(unique, key=len, reverse=True)]


def _wrapped(parts: list[str]) -> str:
    return rf"(?<![\w'])(?:{'|'.join(parts)})(?![\w'])"


def _phrase_regex(phrase: str) -> str:
    if phrase.startswith("re:"):
        return f"(?:{phrase[3:].strip()})"
    regex = ""
    for word in phrase.split():
        escaped = re.escape(word.strip("[]")).replace("'", "'?")
        if word.startswith("["):
            regex += rf"(?:\s+{escaped})?"
        else:
            regex += (r"\s+" if regex else "") + escaped
    return regex


class _Dispatched:
    """A list's pattern for lower-cased text, tried only where a phrase can start. Each phrase
    is filed under the first three letters its match can open with (``_openings``); the draft's
    words are read once, and at a word whose first three letters open some phrase only those
    phrases are tried, in the list's order. Phrases whose opening cannot be told are tried at
    every word. Finds what the whole pattern finds, at a fraction of the cost."""

    def __init__(self, parts: list[str]) -> None:
        self._parts = parts
        self._openings = [_openings(part) for part in parts]
        self._keys = frozenset(k for found in self._openings if found for k in found)
        anywhere = [p for p, found in zip(parts, self._openings, strict=True) if found is None]
        self._anywhere = re.compile(_wrapped(anywhere)) if anywhere else None
        self._by_key: dict[str, re.Pattern[str]] = {}  # compiled when a draft first needs one

    def _pattern(self, key: str) -> re.Pattern[str] | None:
        if key not in self._keys:
            return self._anywhere
        pattern = self._by_key.get(key)
        if pattern is None:
            pairs = zip(self._parts, self._openings, strict=True)
            pattern = re.compile(_wrapped([p for p, f in pairs if f is None or key in f]))
            self._by_key[key] = pattern
        return pattern

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        for word in _WORD_START.finditer(text, pos, end):
            start = word.start()
            if start < pos:
                continue
            pattern = self._pattern(word[0])
            m = pattern.match(text, start, end) if pattern is not None else None
            if m is not None:
                yield m
                pos = max(m.end(), start + 1)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str) -> re.Match[str] | None:
        m = self.search(text, 0, len(text))
        return m if m is not None and m.start() == 0 else None


# Where a phrase may start (not inside a word), and up to three characters from there: a word's
# first three letters, or one other character.
_WORD_START = re.compile(r"(?<![\w'])(?:[a-z0-9']{1,3}|.)", re.DOTALL)
_KEYCHAR = re.compile(r"[a-z0-9']")


class _Unknown(Exception):
    pass


def _openings(regex: str) -> frozenset[str] | None:
    """The keys (as ``_WORD_START`` reads them) a match of ``regex`` can start with, or None
    when that cannot be told."""
    try:
        found = _starts(list(_parser.parse(regex).data), "")
    except (re.error, RecursionError, TypeError, ValueError, _Unknown):
        return None
    return frozenset(found) if found else None


def _starts(items: list[tuple[Any, Any]], prefix: str) -> set[str]:
    """The keys that ``items`` can open with, ``prefix`` already read."""
    if len(prefix) == 3:
        return {prefix}
    if not items:
        if prefix:  # the phrase ends here and (?![\w']) follows: the word ends too
            return {prefix}
        raise _Unknown
    (op, arg), rest = items[0], items[1:]
    c = _constants
    if op is c.LITERAL:
        ch = chr(arg)
        if not _KEYCHAR.match(ch):
            return {prefix} if prefix else {ch}  # the word ended, or a non-word opening
        return _starts(rest, prefix + ch)
    if prefix and _ends_word(op, arg):
        return {prefix}  # a space or another non-word character ends the word
    if op is c.BRANCH:
        found: set[str] = set()
        for branch in arg[1]:
            found |= _starts(list(branch) + rest, prefix)
        return found
    if op is c.SUBPATTERN:
        return _starts(list(arg[3].data) + rest, prefix)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[1] == 1:
        once = _starts(list(arg[2].data) + rest, prefix)
        return once | _starts(rest, prefix) if arg[0] == 0 else once
    if op in (c.ASSERT, c.ASSERT_NOT) and not prefix:
        return _starts(rest, prefix)  # takes no character
    if op is c.AT and arg is c.AT_BOUNDARY:
        return {prefix} if prefix else _starts(rest, prefix)
    raise _Unknown


def _ends_word(op: object, arg: object) -> bool:
    """Whether this piece of a pattern takes at least one character, none of them a word's."""
    c = _constants
    if op is c.IN:
        return all(
            (k is c.LITERAL and not _KEYCHAR.match(chr(v)))
            or (k is c.CATEGORY and v in (c.CATEGORY_SPACE, c.CATEGORY_NOT_WORD))
            for k, v in arg  # type: ignore[attr-defined]
        )
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] >= 1:  # type: ignore[index]
        body = list(arg[2].data)  # type: ignore[index]
        return len(body) == 1 and _ends_word(*body[0])
    return False


@dataclass(frozen=True)
class _PhraseTable:
    """A list's one pattern, with its suggestions and reasons. It is matched on the lower-cased
    text (three times faster than ignoring case); when lower-casing changes a text's length (a
    dotted capital I), on the text itself, ignoring case. Matches carry the lower-cased words:
    quote the draft's own from their span."""

    source: str  # the one pattern, compiled ignoring case when first needed
    # (phrase's pattern, replacement) and (phrase's pattern, why): found again only on a hit
    suggestions: list[tuple[str, str]]
    reasons: list[tuple[str, str]] = field(default_factory=list)
    lower: _Dispatched | re.Pattern[str] | None = None  # the same, for lower-cased text

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(self.source, re.IGNORECASE)

    def _on(self, text: str) -> tuple[re.Pattern[str] | _Dispatched, str]:
        low = text.lower()
        if self.lower is not None and len(low) == len(text):
            return self.lower, low
        return self.pattern, text

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        pattern, on = self._on(text)
        return pattern.search(on, pos, len(on) if endpos is None else endpos)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        pattern, on = self._on(text)
        return pattern.finditer(on, pos)

    def match(self, text: str) -> re.Match[str] | None:
        pattern, on = self._on(text)
        return pattern.match(on)

    def sub(self, replacement: str, text: str) -> str:
        """``text`` with each phrase replaced, the rest as it was written."""
        pieces, last = [], 0
        for m in self.finditer(text):
            pieces += [text[last : m.start()], replacement]
            last = m.end()
        return "".join(pieces) + text[last:] if pieces else text

    def suggestion(self, matched: str) -> str | None:
        """The replacement for the phrase that matched (found again only on a hit)."""
        for pattern, suggestion in self.suggestions:
            if _phrase(pattern).fullmatch(matched):
                return suggestion
        return None

    def why(self, matched: str) -> str | None:
        """Why the phrase that matched is a problem, in the words of its list's ``why:`` line."""
        for pattern, why in self.reasons:
            if _phrase(pattern).fullmatch(matched):
                return why.partition("]")[2].strip() if why.startswith("[") else why
        return None

    def kind(self, matched: str) -> str | None:
        """The kind its ``why:`` line names in brackets (``why: [reminder] ...``), if any."""
        for pattern, why in self.reasons:
            if _phrase(pattern).fullmatch(matched):
                return why[1:].partition("]")[0] if why.startswith("[") else None
        return None


@cache
def _phrase(pattern: str) -> re.Pattern[str]:
    """One phrase's own pattern, compiled once when a hit first needs it. Not left to ``re``'s
    cache: the lists hold more phrases than it keeps (512), so it would compile them again and
    again, which cost more than the matching itself."""
    return re.compile(pattern, re.IGNORECASE)


@dataclass(frozen=True)
class _Profanity:
    exact: frozenset[str]
    stems: tuple[str, ...]
    by_length: dict[int, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Lists:
    acknowledgement: _PhraseTable
    next_step: _PhraseTable
    answer: _PhraseTable
    blame: _PhraseTable
    defensive: _PhraseTable
    boilerplate: _PhraseTable
    thanks: _PhraseTable
    private_channel: _PhraseTable
    data_asks: _PhraseTable
    profanity: _Profanity
    problem_words: _PhraseTable
    hostile: _PhraseTable
    vague_promises: _PhraseTable
    brand_mailboxes: frozenset[str]
    webmail: frozenset[str]
    acronyms: frozenset[str]
    empathy: frozenset[str]
    instruction_verbs: frozenset[str]


def _lines(name: str) -> list[str]:
    text = resource_path("tone", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


_LOOKBEHIND = re.compile(r"\(\?<[=!][^()]*\)")


def _table(name: str) -> _PhraseTable:
    """A list's phrases; ``phrase => suggestion`` gives a replacement, and a ``why: ...`` line
    explains the phrases after it (up to the next one) in plain words, optionally naming their
    kind first (``why: [reminder] ...``)."""
    phrases, suggestions, reasons, why = [], [], [], ""
    for line in _lines(name):
        if line.startswith("why:"):
            why = line[4:].strip()
            continue
        phrase, _, suggestion = (part.strip() for part in line.partition("=>"))
        phrases.append(phrase)
        if suggestion or why:
            found = _phrase_regex(phrase if phrase.startswith("re:") else phrase.lower())
            # Found again on the matched words alone, so what looks around them is left out.
            regex = _LOOKBEHIND.sub("", found)
            if suggestion:
                suggestions.append((regex, suggestion))
            if why:
                reasons.append((regex, why))
    parts = _parts(phrases)
    every = _wrapped(parts)
    # Filing phrases by their opening pays for the long lists only (5x faster on a reply);
    # a short one is quicker as one pattern.
    lower = _Dispatched(parts) if len(parts) > _DISPATCH_FROM else re.compile(_wrapped(parts))
    return _PhraseTable(every, suggestions, reasons, lower)


_DISPATCH_FROM = 160


def _profanity_list() -> _Profanity:
    words = _lines("profanity.txt")
    exact = frozenset(w for w in words if not w.endswith("*"))
    stems = tuple(w[:-1] for w in words if w.endswith("*"))
    by_length: dict[int, tuple[str, ...]] = {}
    for word in {*exact, *stems}:
        by_length[len(word)] = (*by_length.get(len(word), ()), word)
    return _Profanity(exact, stems, by_length)


@cache
def _lists() -> _Lists:
    return _Lists(
        acknowledgement=_table("acknowledgement.txt"),
        next_step=_table("next-step.txt"),
        answer=_table("answer.txt"),
        blame=_table("blame.txt"),
        defensive=_table("defensive.txt"),
        boilerplate=_table("boilerplate.txt"),
        thanks=_table("thanks.txt"),
        private_channel=_table("private-channel.txt"),
        data_asks=_table("private-data-asks.txt"),
        profanity=_profanity_list(),
        problem_words=_table("problem-words.txt"),
        hostile=_table("hostile.txt"),
        vague_promises=_table("vague-promises.txt"),
        brand_mailboxes=frozenset(_lines("brand-mailboxes.txt")),
        webmail=frozenset(w for line in _lines("webmail.txt") for w in line.split()),
        acronyms=frozenset(w for line in _lines("acronyms.txt") for w in line.split()),
        empathy=frozenset(w.lower() for w in _lines("empathy.txt")),
        instruction_verbs=frozenset(w.lower() for w in _lines("instruction-verbs.txt")),
    )


class _Sentiment(Protocol):
    """What the checks use of VADER's SentimentIntensityAnalyzer (vaderSentiment has no types)."""

    lexicon: dict[str, float]  # word: valence, from -4 to 4

    def polarity_scores(self, text: str) -> dict[str, float]: ...


@cache
def _vader() -> _Sentiment:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer: _Sentiment = SentimentIntensityAnalyzer()
    return analyzer
