"""Finding links and mentions in text the way each network does, so the counter (and the composer's
highlighting) agree with the network.

X's rules are twitter-text's: a link needs a known top-level domain, may omit the scheme (then only
ASCII domains count, as twitter-text does), ends before trailing punctuation, and each domain label
must fit DNS's 63 characters once punycode-encoded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

_DATA = files("socialdesk.core.data")


@cache
def _tlds() -> frozenset[str]:
    """Generic and country-code top-level domains, read once."""
    found: set[str] = set()
    for name in ("tlds.txt", "cctlds.txt"):
        lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
        found.update(line for line in lines if line and not line.startswith("#"))
    return frozenset(found)


def known_tld(label: str) -> bool:
    """A top-level domain as written (the list is lower case, like the Bluesky app's)."""
    return label in _tlds()


@dataclass(frozen=True)
class Span:
    """A link or mention at ``text[start:end]`` (Python string indices)."""

    kind: str  # "url" or "mention"
    start: int
    end: int
    text: str


# Characters that may not come right before a link (twitter-text's valid_url_preceding_chars).
_PRECEDING = r"(?:^|(?<=[^A-Za-z0-9@＠$#＃\u202A-\u202E])|(?<=[\u202A-\u202E]))"
_SPACES = r"\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
_DOMAIN_CHAR = rf"[^\s!-/:-@\[-`{{-~{_SPACES}\u202A-\u202E\uFFFE\uFEFF\uFFFF]"
_LABEL = rf"(?:{_DOMAIN_CHAR}(?:[-_]|{_DOMAIN_CHAR})*)?{_DOMAIN_CHAR}"
_LETTERS = r"\u00C0-\u024F\u0400-\u04FF\u0500-\u0527\u2DE0-\u2DFF\uA640-\uA69F"  # Latin, Cyrillic
_PATH_CHAR = rf"[a-z0-9!*';:=+,.$/%#\[\]\-\u2013_~&|@{_LETTERS}]"
_PATH_BALANCED = rf"\((?:{_PATH_CHAR}+|(?:{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*))\)"
_PATH_END = rf"(?:[a-z0-9=_#/\-+{_LETTERS}]|{_PATH_BALANCED})"
_PATH = rf"(?:(?:{_PATH_CHAR}*(?:{_PATH_BALANCED}{_PATH_CHAR}*)*{_PATH_END})|(?:@{_PATH_CHAR}+/))"
_QUERY = r"[a-z0-9!?*'@\(\);:&=+$/%#\[\]\-_.,~|]"
_QUERY_END = r"[a-z0-9\-_&=#/]"

_URL = re.compile(
    rf"""{_PRECEDING}
    (?P<url>
      (?P<scheme>https?://)?
      (?P<host>(?:{_LABEL}\.)+{_LABEL})
      (?::(?P<port>[0-9]+))?
      (?P<path>/{_PATH}*)?
      (?P<query>\?{_QUERY}*{_QUERY_END})?
    )""",
    re.IGNORECASE | re.VERBOSE,
)


_WORD_GOES_ON = re.compile(r"[0-9a-z@+\-]", re.IGNORECASE)
# A link never contains whitespace and always has a dot: the full pattern runs only on each
# whitespace-free run holding a dot (most text, and most of a pasted megabyte, is not links).
# Anchored at a run's start, so a long run without a dot is scanned once, not once per character.
_DOTTED_RUN = re.compile(r"(?<!\S)[^\s.]*\.\S*")


def find_urls(text: str) -> list[Span]:
    """Links as twitter-text finds them (X's rules; Mastodon's are in mastodon_text.py)."""
    found = []
    if "." not in text:
        return found
    for run in _DOTTED_RUN.finditer(text):
        start, end = run.span()
        pos = start
        while match := _URL.search(text, pos, end):
            if cut := _tld_cut(match):  # the host ran on past its TLD: end it there
                match = _URL.match(text, match.start("url"), cut) or match
            found.extend(_accept(text, match, need_scheme=False))
            pos = max(match.end(), pos + 1)
    return found


_ALNUM_RUN = re.compile(r"[0-9a-zA-Z]+")


def _tld_cut(match) -> int | None:
    """Where the host ends when its last label runs on past a known TLD into characters a TLD
    never has ("example.com「"): twitter-text ends the TLD at the first character that is not
    an ASCII letter, digit, "@", "+" or "-"."""
    host = match["host"]
    last = host.rsplit(".", 1)[-1]
    run = _ALNUM_RUN.match(last)
    if _tld(host) in _tlds() or not run or run.end() == len(last) or last[run.end()] in "@+-":
        return None
    if run[0].lower() not in _tlds():
        return None
    return match.end("host") - len(last) + run.end()


def _accept(text: str, match, need_scheme: bool) -> list[Span]:
    host = match["host"]
    labels = host.split(".")
    if _tld(host) not in _tlds() or not all(_fits_dns(label) for label in labels):
        return []
    start, end = match.span("url")
    runs_on = end < len(text) and _WORD_GOES_ON.match(text, end)
    if runs_on and not (match["path"] or match["query"]):
        return []  # the "TLD" runs on into more word: not a domain end
    schemeless = not match["scheme"]
    glued = start > 0 and text[start - 1] in "-_./"
    if schemeless and (need_scheme or glued):
        return []  # twitter-text: no link glued to a path or file name without its scheme
    if schemeless and not host.isascii():
        return _ascii_domains(text, match)
    return [Span("url", start, end, text[start:end])]


def _ascii_domains(text: str, match) -> list[Span]:
    """Without a scheme, twitter-text links only the ASCII domains inside a host ("「example.com"
    links "example.com"); the last of them takes the path and query."""
    host_start = match.start("host")
    spans = [
        Span("url", host_start + m.start(), host_start + m.end(), m[0])
        for m in _ascii_domain().finditer(match["host"])
    ]
    if spans and (match["path"] or match["query"]):
        last = spans[-1]
        spans[-1] = Span("url", last.start, match.end("url"), text[last.start : match.end("url")])
    return spans


@cache
def _ascii_domain() -> re.Pattern:
    """twitter-text's validAsciiDomain: ASCII (and Latin-accented) labels, then a known TLD."""
    tlds = "|".join(sorted(map(re.escape, _tlds()), key=len, reverse=True))
    latin = (
        r"\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B"
        r"\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF"
    )
    return re.compile(
        rf"(?:[-a-z0-9{latin}]+\.)+(?:(?:{tlds})(?=[^0-9a-zA-Z@+-]|$)|xn--[-0-9a-z]+)",
        re.IGNORECASE,
    )


def _fits_dns(label: str) -> bool:
    if label.isascii():
        return 0 < len(label) <= 63
    try:
        encoded = "xn--" + label.encode("punycode").decode("ascii")
    except UnicodeError:
        return False
    return len(encoded) <= 63


# Bluesky's app (RichText.detectFacets): http(s) links, or bare domains with a known TLD — its
# JavaScript regex, with JavaScript's \s spelled out (U+FEFF is a space to it, U+001C is not).
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_BSKY_LINK = re.compile(
    rf"(?:^|(?<=[{_JS_SPACE}(]))(?P<link>(?:https?://[^{_JS_SPACE}]+)"
    rf"|(?:(?P<domain>[a-z][a-z0-9]*(?:\.[a-z0-9]+)+)[^{_JS_SPACE}]*))",
    re.IGNORECASE,
)


def find_bluesky_links(text: str) -> list[Span]:
    found = []
    for match in _BSKY_LINK.finditer(text):
        link, start = match["link"], match.start("link")
        # As the app: a link is one when it starts "http" in lower case, or when its domain
        # ends in a known TLD as written. So "HTTPS://EXAMPLE.COM" is no link at all.
        if not link.startswith("http"):
            domain = match["domain"]
            if not domain or "." not in domain or not known_tld(domain.rsplit(".", 1)[1]):
                continue
        link = _trim_bluesky(link)
        found.append(Span("url", start, start + len(link), link))
    return found


def _tld(host: str) -> str:
    return host.rsplit(".", 1)[-1].lower()


def _trim_bluesky(link: str) -> str:
    if link[-1:] in ".,;:!?":
        link = link[:-1]
    if link.endswith(")") and "(" not in link:
        link = link[:-1]
    return link
