"""The history search language: words, "quoted phrases", -exclusions and filters
(``from:@handle client:name account:@handle network:x category:complaint status:replied
before:2026-11-01 after:2026-10-01``).

``parse`` never fails. Whatever cannot be read as the language — an unbalanced quote, FTS5 syntax,
a lone ``*``, an unknown filter, a date that is not one, 10 KB of text — falls back to a plain
search for the words in it, and ``notes`` says so in plain words. The FTS5 expressions built here
quote every term, so user text can never reach SQLite as syntax.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from typing import Any

from socialdesk.core.models import Category, MentionStatus, Network

MAX_QUERY_CHARS = 1_000
MAX_TERMS = 20
FILTERS = ("from", "client", "account", "network", "category", "status", "before", "after")
# What ``status:`` means beyond a mention's own states: the manager's replies in the history.
REPLY_STATUSES = ("sent", "draft", "queued", "failed")

_WORD = re.compile(r"\w+")
# One token: an optional minus, an optional ``name:``, then a quoted run or a bare run.
_TOKEN = re.compile(r'(-?)(?:(\w+):)?(?:"([^"]*)"|(\S+))')
_FTS_SYNTAX = re.compile(r"[()*^{}]|\b(?:AND|OR|NOT|NEAR)\b")


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...] = ()  # each must appear (as a prefix)
    phrases: tuple[str, ...] = ()  # each must appear as written
    excluded: tuple[str, ...] = ()  # words or phrases that must not appear
    author: str | None = None  # from:
    client: str | None = None
    account: str | None = None
    network: str | None = None
    category: str | None = None
    status: str | None = None
    before: datetime | None = None  # before:2026-11-01 — earlier than that day's start
    after: datetime | None = None  # after:2026-10-01 — from that day's start on
    notes: tuple[str, ...] = field(default=())  # what was not understood, in plain words

    @property
    def fell_back(self) -> bool:
        return bool(self.notes)

    @property
    def is_empty(self) -> bool:
        return self == Query(notes=self.notes)

    def match(self) -> str:
        """The FTS5 expression every result must match ("" when there are no words)."""
        terms = [f'"{w}"*' for w in self.words] + [_phrase(p) for p in self.phrases]
        return " AND ".join(terms)

    def exclusion(self) -> str:
        """The FTS5 expression no result may match ("" when nothing is excluded)."""
        return " OR ".join(_phrase(e) for e in self.excluded)

    def highlights(self) -> tuple[str, ...]:
        """What to mark in a result's text, folded like the index folds it."""
        return tuple(fold(t) for t in (*self.phrases, *self.words))


def parse(text: str, zone: tzinfo) -> Query:
    """The query in ``text``; dates are days in ``zone`` (the user's)."""
    notes: list[str] = []
    if len(text) > MAX_QUERY_CHARS:
        notes.append(f"Only the first {MAX_QUERY_CHARS:,} characters were searched.")
        text = text[:MAX_QUERY_CHARS]
    if text.count('"') % 2:
        return _plain(text, [*notes, "A quote is not closed, so the words were searched."])
    if _FTS_SYNTAX.search(text):
        return _plain(text, [*notes, "Search operators were searched as plain words."])
    found: dict[str, Any] = {"words": [], "phrases": [], "excluded": []}
    for minus, name, quoted, bare in _TOKEN.findall(text):
        value = quoted if quoted or not bare else bare
        if name and bare.startswith("//"):  # a link (https://…), not a filter
            name, value = "", f"{name}:{bare}"
        if not name and bare.endswith(":") and bare[:-1].lower() in FILTERS:
            name, value = bare[:-1], ""  # "from: refund": the filter's value is missing
        if name:
            problem = (
                f"A filter cannot be excluded (“-{name}:”), so the words were searched."
                if minus
                else _filter(found, name.lower(), value, zone)
            )
            if problem:
                return _plain(text, [*notes, problem])
            continue
        words = _WORD.findall(value)
        if not words:
            continue  # punctuation only: nothing to look for
        if minus:
            found["excluded"].append(" ".join(words))
        elif quoted and len(words) > 1:
            found["phrases"].append(" ".join(words))
        else:
            found["words"].extend(words)
    return _query(found, notes)


def fold(text: str) -> str:
    """Lower case without accents, one character for one ("Café" → "cafe"), so positions found
    in the folded text are positions in the original."""
    return "".join(_fold_char(ch) for ch in text)


def find_spans(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of every place a term starts a word in ``text``, accents and case ignored;
    merged where they overlap."""
    if not terms:
        return []
    folded = fold(text)
    spans = []
    for term in terms:
        pattern = r"\b" + r"\W+".join(re.escape(w) for w in _WORD.findall(term))
        spans += [m.span() for m in re.finditer(pattern, folded)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# -- reading ---------------------------------------------------------------------------------------
def _filter(found: dict[str, Any], name: str, value: str, zone: tzinfo) -> str | None:
    """Store one filter; the reason it cannot be read otherwise."""
    value = value.strip()
    if name not in FILTERS:
        return f"“{name}:” is not a search filter, so the words were searched."
    if not value:
        return f"“{name}:” needs something after it, so the words were searched."
    if name in ("from", "account"):
        found[name if name == "account" else "author"] = value.lstrip("@").lower()
    elif name == "client":
        found["client"] = value
    elif name == "network":
        return _choice(found, "network", value, [n.value for n in Network])
    elif name == "category":
        return _choice(found, "category", value, [c.value for c in Category])
    elif name == "status":
        statuses = [s.value for s in MentionStatus] + list(REPLY_STATUSES)
        return _choice(found, "status", value, statuses)
    else:
        day = _day(value)
        if day is None:
            return f"“{value}” is not a date (use 2026-11-30), so the words were searched."
        found[name] = datetime.combine(day, time(), zone)  # the day's start, the user's time
    return None


def _choice(found: dict[str, Any], name: str, value: str, allowed: list[str]) -> str | None:
    value = value.lower()
    if value == "twitter" and name == "network":
        value = "x"
    if value not in allowed:
        return f"{name}: can be {', '.join(allowed)}, so the words were searched."
    found[name] = value
    return None


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value.replace("/", "-"))
    except ValueError:
        return None


def _query(found: dict[str, Any], notes: list[str]) -> Query:
    words = list(dict.fromkeys(w.lower() for w in found.pop("words")))
    phrases = list(dict.fromkeys(p.lower() for p in found.pop("phrases")))
    excluded = list(dict.fromkeys(e.lower() for e in found.pop("excluded")))
    if len(words) + len(phrases) + len(excluded) > MAX_TERMS:
        notes = [*notes, f"Only the first {MAX_TERMS} words were searched."]
    room = MAX_TERMS
    words, room = words[:room], room - len(words[:room])
    phrases, room = phrases[:room], room - len(phrases[:room])
    after = found.get("after")
    if "after" in found and "before" in found and found["before"] <= after:
        notes = [*notes, "“before:” is not after “after:”, so nothing can match."]
    return Query(
        words=tuple(words),
        phrases=tuple(phrases),
        excluded=tuple(excluded[:room]),
        notes=tuple(notes),
        **found,
    )


def _plain(text: str, notes: list[str]) -> Query:
    """The fallback: every word of the text, as words."""
    words = list(dict.fromkeys(w.lower() for w in _WORD.findall(text)))
    if len(words) > MAX_TERMS:
        notes = [*notes, f"Only the first {MAX_TERMS} words were searched."]
    return Query(words=tuple(words[:MAX_TERMS]), notes=tuple(notes))


def _phrase(text: str) -> str:
    return '"' + " ".join(_WORD.findall(text)) + '"'


def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch
