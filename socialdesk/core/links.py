"""Finding links and mentions in text the way each network does, so the counter (and the composer's
highlighting) agree with the network.

X's links are exactly twitter-text 3.1.0's (``find_urls``, checked against it in tests/oracles): a
link needs a known top-level domain, may omit the scheme (then only the ASCII domains in it are
links), ends before trailing punctuation, and each domain label must fit DNS's 63 characters once
punycode-encoded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TypeAlias

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
    """A top-level domain on twitter-text's lists (any case), as X and Mastodon read links."""
    return label.lower() in _tlds()


@dataclass(frozen=True)
class Span:
    """A link or mention at ``text[start:end]`` (Python string indices)."""

    kind: str  # "url" or "mention"
    start: int
    end: int
    text: str


# X's links are twitter-text 3.1.0's (extractUrlsWithIndices), its regular expressions rebuilt
# piece by piece under their own names. Where Python reads a pattern otherwise than JavaScript:
# - ignoring case, Python takes "İ", "ı", "ſ" and the Kelvin sign for ASCII letters; JavaScript
#   never maps a non-ASCII character onto ASCII. The text is matched with stand-ins for those
#   four (_JS_CASE), which every class below treats as JavaScript treats the originals; so is
#   "꟝" (U+A7DC), whose lower case "ƛ" JavaScript knows (Unicode 16) and Python 3.11 does not;
# - "$" is the end of the text only (\Z);
# - JavaScript consumes the character before a link (it has no look-behind here), so a search
#   goes on from where the last match ended, as its lastIndex does.
_INVALID = "\ufffe\ufeff\uffff"
_BIDI = "\u202a-\u202e\u061c\u200e\u200f\u2066-\u2069"  # directionalMarkersGroup
_SPACES = "\t-\r \x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"  # spacesGroup
_PUNCT = r"!'#%&()*+,\\\-./:;<=>?@\[\]^_{|}~$"
# validUrlPrecedingChars. JavaScript sees a character beyond U+FFFF as two halves, and its
# first half may precede a link that starts at the second (a domain character, like any
# non-ASCII one): that link is tried first, here as one that starts at the whole character
# with nothing before it.
_PRECEDING = rf"(?=[\U00010000-\U0010ffff])|(?-i:[^A-Za-z0-9@＠$#＃{_INVALID}])|[{_BIDI}]|^"
_D = rf"[^{_PUNCT}{_SPACES}{_INVALID}{_BIDI}]"  # validDomainChars
_SUBDOMAIN = rf"(?:(?:{_D}(?:[_-]|{_D})*)?{_D}\.)"
_DOMAIN_NAME = rf"(?:(?:{_D}(?:-|{_D})*)?{_D}\.)"
_PUNYCODE = r"(?:xn--[\-0-9a-z]+)"
_LATIN = (  # latinAccentChars
    r"\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268"
    r"\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF"
)
_CYRILLIC = r"\u0400-\u04FF"
_PATH_CHARS = rf"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN}]"
_PARENS = rf"\((?:{_PATH_CHARS}+|(?:{_PATH_CHARS}*\({_PATH_CHARS}+\){_PATH_CHARS}*))\)"
_PATH_END = rf"[+\-a-z{_CYRILLIC}0-9=_#/{_LATIN}]|(?:{_PARENS})"
_PATH = rf"(?:(?:{_PATH_CHARS}*(?:{_PARENS}{_PATH_CHARS}*)*{_PATH_END})|(?:@{_PATH_CHARS}+/))"
_QUERY_CHARS = r"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
_QUERY_END = r"[a-z0-9\-_&=#/]"
_NOT_IN_A_LINK = f"{_SPACES}{_INVALID}{_BIDI}"
_LINK_ENDS = re.compile(f"[{_NOT_IN_A_LINK}]")
# A domain lies in a stretch of domain characters, dots, hyphens and underscores.
_NOT_IN_A_DOMAIN = rf"!'#%&()*+,\\/:;<=>?@\[\]^{{|}}~${_NOT_IN_A_LINK}"
_STRETCH_GOES_ON = re.compile(rf"[^{_NOT_IN_A_DOMAIN}]*")
_ENDS_A_STRETCH = frozenset(
    "!'#%&()*+,\\/:;<=>?@[]^{|}~$\t\n\v\f\r \x85\xa0\u1680\u180e\u2028\u2029\u202f\u205f\u3000"
    "\ufffe\ufeff\uffff\u061c\u200e\u200f"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "".join(map(chr, range(0x202A, 0x202F)))
    + "".join(map(chr, range(0x2066, 0x206A)))
)
_LONGEST_BEFORE_DOMAIN = len("xhttps://")  # the preceding character and the protocol
_JS_CASE = str.maketrans("İıſ\ua7dc\u212a", "āāāā\u2129")
_JS_CASE_TRAPS = re.compile("[İıſ\ua7dc\u212a]")
_NO_SCHEME_AFTER = frozenset("-_./")  # invalidUrlWithoutProtocolPrecedingChars
_MAX_URL_UTF16 = 4096
_MAX_TCO_SLUG = 40
_LABEL_SEPARATORS = re.compile("[.\u3002\uff0e\uff61]")  # where punycode.js splits labels


# The top-level domains by character: a TLD ends at a node holding "".
_Trie: TypeAlias = dict[str, "_Trie"]


def _tld_pattern() -> str:
    """The known top-level domains, each followed by what may not continue one. twitter-text
    lists them so that a longer one comes before its prefix ("嘉里大酒店" before "嘉里"); a trie
    tried longest first picks the same, without trying 1,500 alternatives one by one."""
    tree: _Trie = {}
    for tld in _tlds():
        node = tree
        for ch in tld:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return rf"(?:{emit(tree)}(?=[^0-9a-zA-Z@+\-]|\Z))"


@cache
def _url_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    tld = _tld_pattern()
    domain = rf"(?:{_SUBDOMAIN}*{_DOMAIN_NAME}(?:{tld}|{_PUNYCODE}))"  # validDomain
    url = re.compile(  # extractUrl: 2 before, 3 url, 4 protocol, 5 domain, 7 path
        rf"(({_PRECEDING})((https?://)?({domain})(?::([0-9]+))?(/{_PATH}*)?"
        rf"(\?{_QUERY_CHARS}*{_QUERY_END})?))",
        re.IGNORECASE,
    )
    ascii_domain = re.compile(rf"(?:(?:[\-a-z0-9{_LATIN}]+)\.)+(?:{tld}|{_PUNYCODE})", re.I)
    tco = re.compile(rf"https?://t\.co/([a-z0-9]+)(?:\?{_QUERY_CHARS}*{_QUERY_END})?", re.I)
    return url, ascii_domain, tco


def find_urls(text: str) -> list[Span]:
    """Links as twitter-text's extractUrlsWithIndices finds them. Each span is what
    twitter-text counts as the link: from its start, as many characters as its URL has."""
    if "." not in text:
        return []
    scan = text.translate(_JS_CASE) if _JS_CASE_TRAPS.search(text) else text
    url_re = _url_patterns()[0]
    tlds = _tlds()
    found: list[Span] = []
    # twitter-text's pattern searched from every index is slow, quadratic or worse on long
    # runs of labels ("a.a.a.…"). Its domain lies in one stretch of domain characters and dots
    # that holds a known TLD after a dot, and nothing of a link is a space, a bidi mark or an
    # invalid character: only those stretches are searched, from the preceding character and
    # protocol before them to the end of their run. Between them no match can start, so this
    # finds what searching from where the last match ended finds. Each stretch is read once.
    pos = run_end = stretch_end = searched = 0
    for candidate in _TLD_CANDIDATE.finditer(scan):
        dot = candidate.start()
        if dot < max(pos, stretch_end, searched):
            continue  # inside a link found, a stretch searched, or a run with no more links
        if candidate[1] is not None and candidate[1].lower() not in tlds:
            continue
        start = dot
        while start > pos and scan[start - 1] not in _ENDS_A_STRETCH:
            start -= 1
        stretch = _STRETCH_GOES_ON.match(scan, dot)
        assert stretch is not None  # a starred character class: it matches, if only ""
        stretch_end = stretch.end()
        if run_end < stretch_end:
            ends = _LINK_ENDS.search(scan, stretch_end)
            run_end = ends.start() if ends else len(scan)
        lo = max(pos, start - _LONGEST_BEFORE_DOMAIN)
        while pos < stretch_end:
            # The leftmost match from here is the next one twitter-text finds, in this
            # stretch or a later one of the run.
            match = url_re.search(scan, max(pos, lo), run_end)
            if match is None:
                searched = run_end
                break
            pos = match.end()
            found.extend(_url_spans(text, match))
    return found


# After a dot, what may be a top-level domain: a run of ASCII letters that nothing a TLD can
# hold goes on from (its TLD is all of it), any non-ASCII letter (there are non-ASCII TLDs),
# or punycode.
_TLD_CANDIDATE = re.compile(r"\.(?:([a-zA-Z]{2,})(?![0-9a-zA-Z@+\-])|[^\x00-\x7f]|[xX][nN]--)")


def _url_spans(text: str, match: re.Match[str]) -> list[Span]:
    before, url, protocol, domain, path = match.group(2, 3, 4, 5, 7)
    start, end = match.start(3), match.end()
    split = not before and ord(url[0]) > 0xFFFF  # JavaScript's link starts at its second half
    if not _valid_url(url, protocol or "https://", domain, split):
        return []
    if not protocol:
        if before and before in _NO_SCHEME_AFTER:
            return []
        return _ascii_domains(text, start, url, domain, path)
    if short := _url_patterns()[2].match(url):  # a t.co link takes no more than its slug
        if len(short[1]) > _MAX_TCO_SLUG:
            return []
        end = start + short.end()
    return [Span("url", start, end, text[start:end])]


def _ascii_domains(text: str, start: int, url: str, domain: str, path: str | None) -> list[Span]:
    """Without a scheme, twitter-text links only the ASCII domains inside the domain it found
    ("「example.com" links "example.com"). With a path, the last of them stands for the whole
    URL, the domain in it replaced by the ASCII one, counted from where that one starts."""
    spans, ascii_end = [], 0
    for m in _url_patterns()[1].finditer(domain):
        ascii_start = domain.find(m[0], ascii_end)  # as twitter-text finds it: indexOf
        ascii_end = ascii_start + len(m[0])
        spans.append((start + ascii_start, start + ascii_end))
    if spans and path:
        first, last = spans[-1]
        spans[-1] = (first, last + len(url) - len(domain))
    return [Span("url", s, e, text[s:e]) for s, e in spans]


def _valid_url(url: str, protocol: str, domain: str, split: bool) -> bool:
    """twitter-text's isValidUrl: a domain starting "xn--" must hold an ASCII domain, each label
    is 1–63 characters once punycode-encoded (as punycode.js's toASCII gives it), and the URL
    with its protocol is at most 4,096 UTF-16 units."""
    if len(protocol) + _utf16_len(url) - split > _MAX_URL_UTF16:
        return False
    if domain.startswith("xn--") and not _url_patterns()[1].search(domain):
        return False
    if split:  # the link JavaScript saw starts with a lone low surrogate
        domain = chr(0xDC00 + ((ord(domain[0]) - 0x10000) & 0x3FF)) + domain[1:]
    return all(0 < _punycode_length(label) <= 63 for label in domain.split("."))


def _punycode_length(label: str) -> int:
    if label.isascii() or len(label) > 63:  # encoding never makes a label shorter
        return len(label)
    parts = _LABEL_SEPARATORS.split(label)
    encoded = sum(
        len(part) if part.isascii() else 4 + len(part.encode("punycode", "surrogatepass"))
        for part in parts
    )
    return encoded + len(parts) - 1


def _utf16_len(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le", "surrogatepass")) // 2


# Bluesky's app (RichText.detectFacets): http(s) links, or bare domains with a TLD it knows — its
# JavaScript regex, with JavaScript's \s spelled out (U+FEFF is a space to it, U+001C is not)
# and its case-insensitive [a-z] as ASCII letters (Python would take "ſ" or "K" for one).
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_BSKY_LINK = re.compile(
    rf"(?:^|(?<=[{_JS_SPACE}(]))(?P<link>(?:[hH][tT][tT][pP][sS]?://[^{_JS_SPACE}]+)"
    rf"|(?:(?P<domain>[a-zA-Z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+)+)[^{_JS_SPACE}]*))"
)


@cache
def _bluesky_tlds() -> frozenset[str]:
    lines = (_DATA / "bluesky_tlds.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def known_bluesky_tld(label: str) -> bool:
    """A top-level domain the Bluesky app knows, as written (its list is lower case)."""
    return label in _bluesky_tlds()


# A run of non-space characters holding a "." or "://" (read once from its start).
_JS_LINK_RUN = re.compile(rf"(?<![^{_JS_SPACE}])[^{_JS_SPACE}]*?(?:\.|://)[^{_JS_SPACE}]*")


def find_bluesky_links(text: str) -> list[Span]:
    found = []
    # A link starts a run of non-space characters or follows a "(" in one, and takes the rest
    # of the run: the app's expression is tried there only, in runs that hold a "." or "://".
    for run in _JS_LINK_RUN.finditer(text):
        word = run[0]
        start, end = run.span()
        match = _BSKY_LINK.match(text, start, end)
        paren = word.find("(")
        while match is None and paren >= 0:
            match = _BSKY_LINK.match(text, start + paren + 1, end)
            paren = word.find("(", paren + 1)
        if match is None:
            continue
        link, start = match["link"], match.start("link")
        # As the app: a link is one when it starts "http" in lower case, or when its domain
        # ends in a TLD it knows, as written. So "HTTPS://EXAMPLE.COM" is no link at all.
        if not link.startswith("http"):
            domain = match["domain"]
            if not domain or not known_bluesky_tld(domain.rsplit(".", 1)[1]):
                continue
        link = _trim_bluesky(link)
        found.append(Span("url", start, start + len(link), link))
    return found


def _trim_bluesky(link: str) -> str:
    if link[-1:] in ".,;:!?":
        link = link[:-1]
    if link.endswith(")") and "(" not in link:
        link = link[:-1]
    return link
