"""The word and phrase lists of ``resources/tone/``, loaded once."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from socialdesk.resources import resource_path


# -- the lists, loaded once ----------------------------------------------------------------------
def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern:
    """One pattern for a list: longest phrases first, whole words only, spaces match any
    whitespace, apostrophes are optional, and a ``[word]`` may be left out ("that's [simply]
    false")."""
    return re.compile(_alternatives(phrases), re.IGNORECASE)


def _alternatives(phrases: Iterable[str]) -> str:
    unique = {p if p.startswith("re:") else p.lower() for p in phrases}
    parts = [_phrase_regex(p) for p in sorted(unique, key=len, reverse=True)]
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


@dataclass(frozen=True)
class _PhraseTable:
    """A list's one pattern, with its suggestions and reasons. It is matched on the lower-cased
    text (three times faster than ignoring case); when lower-casing changes a text's length (a
    dotted capital I), on the text itself, ignoring case. Matches carry the lower-cased words:
    quote the draft's own from their span."""

    pattern: re.Pattern  # ignoring case
    suggestions: list[tuple[re.Pattern, str]]
    # (phrase, why): the explanation given under a ``why:`` line for the phrases after it
    reasons: list[tuple[re.Pattern, str]] = field(default_factory=list)
    lower: re.Pattern | None = None  # the same, for lower-cased text

    def _on(self, text: str) -> tuple[re.Pattern, str]:
        low = text.lower()
        if self.lower is not None and len(low) == len(text):
            return self.lower, low
        return self.pattern, text

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        pattern, on = self._on(text)
        return pattern.search(on, pos, len(on) if endpos is None else endpos)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match]:
        pattern, on = self._on(text)
        return pattern.finditer(on, pos)

    def match(self, text: str) -> re.Match | None:
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
            if pattern.fullmatch(matched):
                return suggestion
        return None

    def why(self, matched: str) -> str | None:
        """Why the phrase that matched is a problem, in the words of its list's ``why:`` line."""
        for pattern, why in self.reasons:
            if pattern.fullmatch(matched):
                return why.partition("]")[2].strip() if why.startswith("[") else why
        return None

    def kind(self, matched: str) -> str | None:
        """The kind its ``why:`` line names in brackets (``why: [reminder] ...``), if any."""
        for pattern, why in self.reasons:
            if pattern.fullmatch(matched):
                return why[1:].partition("]")[0] if why.startswith("[") else None
        return None


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
            regex = re.compile(_LOOKBEHIND.sub("", found), re.IGNORECASE)
            if suggestion:
                suggestions.append((regex, suggestion))
            if why:
                reasons.append((regex, why))
    every = _alternatives(phrases)
    return _PhraseTable(re.compile(every, re.IGNORECASE), suggestions, reasons, re.compile(every))


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


@cache
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()
