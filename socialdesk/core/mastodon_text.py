"""What a Mastodon server counts in a status: its validator's rules (StatusLengthValidator and
its Extractor, Mastodon 4.x), so "fits" in the composer means the server takes it.

The server counts the grapheme clusters of ``spoiler_text + countable_text(text)``, where the
countable text has every link it would make a link replaced by 23 characters and every remote
mention ``@user@domain`` by ``@user``. Which links and mentions those are:

- links: twitter-text's URL pattern (twitter-text 3.1, Ruby) as Mastodon's initializer widens
  it: a scheme is required (``http``, ``https``, ``dat``, ``dweb``, ``ipfs``, ``ipns``, ``ssb``
  or ``gopher``), the domain must end in a known top-level domain, and the path runs on over any
  character but whitespace, ``(``, ``)`` and ``?`` (CJK and emoji included), ending before
  trailing punctuation. A link longer than 4,096 characters counts in full, as does a ``t.co``
  link whose slug is over 40 characters;
- mentions: ``Account::MENTION_RE`` — not after a word character, ``=`` or ``/``; none
  followed by ``@``, a Latin accented letter or ``://``; none whose domain is over 253
  characters (those count in full).

Worked examples from Mastodon's own tests are in tests/core/test_mastodon_counting.py.
"""

from __future__ import annotations

import re

import regex

# Read as for X where Mastodon keeps twitter-text's pattern: the TLD lists, the query, the Latin
# letters that end a mention.
from socialdesk.core.links import _LATIN, _QUERY_CHARS, _QUERY_END, Span, known_tld

__all__ = ["countable_text", "find_entities", "mention_local_part"]

URL_PLACEHOLDER_CHARS = 23  # the server's constant, also published as characters_reserved_per_url
_MAX_URL_LENGTH = 4096
_MAX_TCO_SLUG_LENGTH = 40
_MAX_DOMAIN_LENGTH = 253

# twitter-text's pieces (valid_url_preceding_chars, domain characters).
_PRECEDING = r"(?:^|(?<=[^A-Za-z0-9@＠$#＃\uFFFE\uFEFF\uFFFF\u202A-\u202E])|(?<=[\u202A-\u202E]))"
_SPACES = r"\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
_DOMAIN_CHAR = rf"[^\s!-/:-@\[-`{{-~{_SPACES}\u202A-\u202E\uFFFE\uFEFF\uFFFF]"
_LABEL = rf"(?:{_DOMAIN_CHAR}(?:[-_]|{_DOMAIN_CHAR})*)?{_DOMAIN_CHAR}"
# Mastodon's path (config/initializers/twitter_regex.rb): anything but whitespace, parentheses
# and "?", one level of balanced parentheses, not ending in punctuation.
_PATH_CHAR = r"[^\p{White_Space}()?]"
_BALANCED = rf"\((?:{_PATH_CHAR}+|{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*)\)"
_PATH_END = rf"(?:[^\p{{White_Space}}()?!*';:=,.$%\[\]~&|@]|{_BALANCED})"
_PATH = rf"(?:{_PATH_CHAR}*(?:{_BALANCED}{_PATH_CHAR}*)*{_PATH_END}|{_PATH_CHAR}+/)"

_URL = regex.compile(
    rf"""{_PRECEDING}
    (?P<url>
      (?P<scheme>(?:https?|dat|dweb|ipfs|ipns|ssb|gopher)://)
      (?P<host>(?:{_LABEL}\.)+{_LABEL})
      (?::[0-9]+)?
      (?P<path>/{_PATH}*)?
      (?P<query>\?{_QUERY_CHARS}*{_QUERY_END})?
    )""",
    regex.IGNORECASE | regex.VERBOSE | regex.VERSION0,
)
_TCO = regex.compile(
    rf"https?://t\.co/([a-z0-9]+)(?:\?{_QUERY_CHARS}*{_QUERY_END})?", regex.IGNORECASE
)

_WORD = r"[\p{L}\p{M}\p{Nd}\p{Pc}]"  # Ruby's [[:word:]]
_MENTION = regex.compile(
    rf"(?<![=/]|{_WORD})@(?P<name>(?i:[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@{_WORD}+(?:[.-]+{_WORD}+)*)?)"
)
_END_MENTION = regex.compile(rf"[@＠{_LATIN}]|://")
_BLANK = regex.compile(r"[\p{White_Space}]*")


def countable_text(
    text: str, per_url: int = URL_PLACEHOLDER_CHARS, entities: list[Span] | None = None
) -> str:
    """``text`` as the server counts it: links as ``per_url`` x's, remote mentions as
    ``@user``; a blank text is empty. ``entities``: ``find_entities(text)``, if known."""
    if _BLANK.fullmatch(text):
        return ""
    pieces, pos = [], 0
    for span in find_entities(text) if entities is None else entities:
        pieces.append(text[pos : span.start])
        pieces.append("x" * per_url if span.kind == "url" else mention_local_part(span))
        pos = span.end
    pieces.append(text[pos:])
    return "".join(pieces)


def mention_local_part(span: Span) -> str:
    return "@" + span.text[1:].split("@", 1)[0]


def find_entities(text: str) -> list[Span]:
    """The links and mentions the server counts specially, in text order; where two overlap,
    the one that starts first (Extractor.remove_overlapping_entities)."""
    kept: list[Span] = []
    for span in sorted(_urls(text) + _mentions(text), key=lambda s: s.start):
        if not kept or kept[-1].end <= span.start:
            kept.append(span)
    return kept


def _urls(text: str) -> list[Span]:
    if ":" not in text:
        return []
    found, pos = [], 0
    while match := _URL.search(text, pos):
        pos = max(match.end(), pos + 1)
        if cut := _tld_cut(match):  # the host ran on past its TLD: the link ends there
            match = _URL.match(text, match.start("url"), cut) or match
            pos = match.end()
        if _host_ends_a_link(text, match):
            found.extend(_within_limits(match))
    return found


_WORD_GOES_ON = re.compile(r"[0-9a-z@+\-]", re.IGNORECASE)
_ALNUM_RUN = re.compile(r"[0-9a-zA-Z]+")


def _tld_cut(match: regex.Match[str]) -> int | None:
    """Where the host ends when its last label runs on past a known TLD into characters a TLD
    never has ("example.com「"): twitter-text ends the TLD at the first character that is not
    an ASCII letter, digit, "@", "+" or "-"."""
    last = match["host"].rsplit(".", 1)[-1]
    run = _ALNUM_RUN.match(last)
    if known_tld(last) or not run or run.end() == len(last) or last[run.end()] in "@+-":
        return None
    if not known_tld(run[0]):
        return None
    return int(match.end("host")) - len(last) + run.end()


def _host_ends_a_link(text: str, match: regex.Match[str]) -> bool:
    """A known TLD, every label within DNS's 63 characters (punycode-encoded), and a host that
    does not run on into more word unless a path or query follows."""
    labels = match["host"].split(".")
    if not known_tld(labels[-1]) or not all(map(_fits_dns, labels)):
        return False
    end = match.end("url")
    runs_on = end < len(text) and _WORD_GOES_ON.match(text, end)
    return not runs_on or bool(match["path"] or match["query"])


def _fits_dns(label: str) -> bool:
    if label.isascii():
        return 0 < len(label) <= 63
    try:
        return len("xn--" + label.encode("punycode").decode("ascii")) <= 63
    except UnicodeError:
        return False


def _within_limits(match: regex.Match[str]) -> list[Span]:
    """A t.co link takes no path beyond its slug (and none over 40 characters); no link is
    over 4,096 characters."""
    start, end = match.span("url")
    url = match["url"]
    if tco := _TCO.match(url):
        if len(tco[1]) > _MAX_TCO_SLUG_LENGTH:
            return []
        url, end = tco[0], start + len(tco[0])
    if len(match["scheme"]) + len(url) > _MAX_URL_LENGTH:
        return []
    return [Span("url", start, end, url)]


def _mentions(text: str) -> list[Span]:
    found = []
    for match in _MENTION.finditer(text):
        if _END_MENTION.match(text, match.end()):
            continue
        _user, _, domain = match["name"].partition("@")
        if len(domain) > _MAX_DOMAIN_LENGTH:
            continue
        found.append(Span("mention", match.start(), match.end(), match[0]))
    return found
