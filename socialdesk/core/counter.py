"""Exact character counts for X, Mastodon and Bluesky — the network's own rules, so a reply is
never rejected at send time nor cut short for nothing (network-rules.md).

Pure and fast enough for every keystroke. Indices are Python string indices; ``qt_position``
converts one to the UTF-16 position a Qt text widget uses.
"""

from __future__ import annotations

import bisect
import functools
import ipaddress
import re
import unicodedata
from dataclasses import dataclass, field, replace
from importlib.resources import files

import regex

from socialdesk.core.limits import NETWORKS, NetworkLimits, check_network
from socialdesk.core.links import Span, find_bluesky_links, find_urls
from socialdesk.core.mastodon_text import countable_text, mention_local_part
from socialdesk.core.mastodon_text import find_entities as find_mastodon_entities

__all__ = ["NETWORKS", "Count", "Facet", "NetworkLimits", "count", "qt_position", "shorten_link"]

BLUESKY_MAX_BYTES = 3_000


@dataclass(frozen=True)
class Facet:
    """A Bluesky link facet: UTF-8 byte range of the posted text, pointing at the full URL."""

    byte_start: int
    byte_end: int
    uri: str


@dataclass(frozen=True)
class Count:
    weighted_length: int
    limit: int
    remaining: int
    valid: bool
    overflow_start: int | None  # index in the text where it passes the limit
    entities: tuple[Span, ...] = ()
    # Bluesky only: the text as the app posts it (links shortened) and its link facets.
    posted_text: str | None = None
    facets: tuple[Facet, ...] = field(default=())


def count(
    text: str, network: str, *, limits: NetworkLimits | None = None, spoiler_text: str = ""
) -> Count:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if not isinstance(spoiler_text, str):
        raise TypeError(f"spoiler_text must be a str, not {type(spoiler_text).__name__}")
    limits = limits or _DEFAULT_LIMITS.get(network) or NetworkLimits.default(network)
    match check_network(network):
        case "x":
            return _count_x(text, X_V3, limits)
        case "mastodon":
            return _count_mastodon(text, spoiler_text, limits)
        case _:
            return _count_bluesky(text, limits)


# Built once: the counter runs on every keystroke (frozen, so safe to share).
_DEFAULT_LIMITS = {network: NetworkLimits.default(network) for network in NETWORKS}


def qt_position(text: str, index: int) -> int:
    """The UTF-16 position (QTextCursor's) of Python index ``index`` in ``text``."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


# -- X (twitter-text v3) -------------------------------------------------------------------------
@dataclass(frozen=True)
class XConfig:
    max_length: int
    scale: int
    default_weight: int
    url_length: int
    ranges: tuple[tuple[int, int, int], ...]
    emoji: bool


_LIGHT = ((0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100))
X_V3 = XConfig(280, 100, 200, 23, _LIGHT, emoji=True)
X_V2 = XConfig(280, 100, 200, 23, _LIGHT, emoji=False)
X_V1 = XConfig(140, 1, 1, 23, (), emoji=False)  # the 140-character era, for old conformance
_X_INVALID = frozenset("\ufffe\ufeff\uffff")


def _twemoji_pattern() -> str:
    """twemoji-parser's JavaScript expression as a Python one. JavaScript matches UTF-16 code
    units, so every astral code point in it is a high-surrogate literal followed by a low
    surrogate, or by a class of them; Python matches code points, so each such pair becomes the
    code point, and each high surrogate + class a class of code points."""
    lines = (_DATA / "twemoji_regex.txt").read_text(encoding="utf-8").splitlines()
    (source,) = [line for line in lines if line and not line.startswith("//")]
    body = source[1 : source.rindex("/")]  # /…/g

    def astral(high: int, low: str) -> str:
        return f"\\U{0x10000 + ((high - 0xD800) << 10) + (int(low, 16) - 0xDC00):08x}"

    def pair(m: re.Match) -> str:
        high = int(m["high"], 16)
        if m["low"]:
            return astral(high, m["low"])
        ranges = _LOW_RANGE.findall(m["lows"])
        return "[" + "".join(astral(high, lo) + (f"-{astral(high, hi)}" if hi else "")
                             for lo, hi in ranges) + "]"  # fmt: skip

    pattern = _SURROGATE_PAIR.sub(pair, body)
    if _SURROGATE.search(pattern):
        raise ValueError("twemoji_regex.txt: a surrogate that is not part of a pair")
    return pattern


_DATA = files("socialdesk.core.data")
_LOW = r"\\u[dD][c-fC-F][0-9a-fA-F]{2}"
_SURROGATE_PAIR = re.compile(
    rf"\\u(?P<high>[dD][89abAB][0-9a-fA-F]{{2}})"
    rf"(?:\\u(?P<low>[dD][c-fC-F][0-9a-fA-F]{{2}})|\[(?P<lows>(?:{_LOW}(?:-{_LOW})?)+)\])"
)
_LOW_RANGE = re.compile(r"\\u([dD][c-fC-F][0-9a-fA-F]{2})(?:-\\u([dD][c-fC-F][0-9a-fA-F]{2}))?")
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")

# X's emoji: exactly twitter-text's. twitter-text 3.1.0 counts an emoji as one (weight 200) only
# where twemoji-parser 11.0.2's regular expression matches the NFC text; anything else is weighed
# character by character (so "🫶🏼", newer than that data, is 2 + 2). Decision: count as
# twitter-text does, not as newer Unicode data would. X's servers validate with twitter-text's
# data; were theirs newer, they would count an emoji it does not know as one (less), never as
# more, so counting as twitter-text never promises a fit the server refuses. The expression ships
# verbatim in data/twemoji_regex.txt (MIT, Twitter Inc.); it also matches a lone U+FE0F, and a
# text-style pictograph ("❤") not followed by U+FE0E, as twitter-text then counts them.
_EMOJI = re.compile(_twemoji_pattern())


def _emoji_run(pattern: str) -> re.Pattern:
    """Runs of the non-ASCII characters the expression names: an emoji is made of them only
    (bar a keycap's leading "#", "*" or digit), so the expression, slow to try at every
    character, runs only around them. Beyond U+FFFF the class is widened to whole blocks of
    4,096 (a class of many astral ranges is tried range by range, ten times slower)."""
    escaped = r"\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}"
    named = [(int(lo[2:], 16), int((hi or lo)[2:], 16))
             for lo, hi in re.findall(rf"({escaped})(?:-({escaped}))?", pattern)]  # fmt: skip
    named += [(ord(ch), ord(ch)) for ch in pattern if not ch.isascii()]  # "©" and "®" as typed
    spans: list[list[int]] = []
    for lo, hi in sorted((lo, hi) if hi < 0x10000 else (lo & ~0xFFF, hi | 0xFFF)
                         for lo, hi in named):  # fmt: skip
        if spans and lo <= spans[-1][1] + 1:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    members = "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in spans)
    return re.compile(f"[{members}]+")


_EMOJI_RUN = _emoji_run(_EMOJI.pattern)


def _emoji_matches(text: str):
    pos = 0
    for run in _EMOJI_RUN.finditer(text):
        start = run.start()
        if start and text[start - 1] in _KEYCAP_LEADS:  # a keycap's "#", "*" or digit
            start -= 1  # (trying the expression where none can start costs as much as a match)
        for match in _EMOJI.finditer(text, max(pos, start), run.end() + 1):  # +1: look-ahead
            yield match
            pos = match.end()


_KEYCAP_LEADS = frozenset("#*0123456789")


def _count_x(original: str, config: XConfig, limits: NetworkLimits) -> Count:
    text = unicodedata.normalize("NFC", original)
    urls = find_urls(text)
    max_length = limits.max_characters if config is X_V3 else config.max_length
    url_weight = limits.characters_reserved_per_url if config is X_V3 else config.url_length
    emoji = config.emoji and not text.isascii()  # every emoji holds a non-ASCII character
    units = _x_units(text, urls, url_weight * config.scale, config.default_weight, emoji)
    weigh = _segment_weigher(config)
    limit, total, pos, overflow = max_length * config.scale, 0, 0, None
    for start, end, weight in [*units, (len(text), len(text), 0)]:
        # Plain characters between units are weighed in bulk; only the segment where the limit
        # is crossed is walked character by character.
        segment = weigh(text, pos, start)
        if overflow is None and total + segment > limit:
            overflow = _crossing(text, pos, limit - total, config)
        total += segment + weight
        if overflow is None and total > limit:
            overflow = start
        pos = end
    weighted = total // config.scale
    if text != original:  # positions found in the NFC form, given back in what was typed
        where = _OriginalIndex(original)
        if overflow is not None:
            overflow = where(overflow)
        urls = [_original_span(original, u, where) for u in urls]
    valid = total > 0 and not _x_invalid(text, units) and weighted <= max_length
    return Count(weighted, max_length, max_length - weighted, valid, overflow, tuple(urls))


def _x_units(text: str, urls: list[Span], url_weight: int, emoji_weight: int, emoji: bool):
    """(start, end, weight) of the links and emoji twitter-text counts whole, in text order.
    It walks the text: a link starting at an index wins over an emoji starting there, and
    whatever starts inside a unit already taken is passed over."""
    found = [(u.start, 0, u.end, url_weight) for u in urls]
    if emoji:
        found += [(m.start(), 1, m.end(), emoji_weight) for m in _emoji_matches(text)]
        found.sort()
    units, pos = [], 0
    for start, _kind, end, weight in found:
        if start >= pos:
            units.append((start, end, weight))
            pos = end
    return units


def _x_invalid(text: str, units) -> bool:
    """twitter-text looks for U+FFFE, U+FEFF and U+FFFF only at the characters it steps on: each
    plain character, and the last of each link or emoji."""
    found = _X_INVALID_RE.search(text)
    if found is None:
        return False
    inside = [(start, end - 1) for start, end, _ in units]
    for i in range(found.start(), len(text)):
        if text[i] in _X_INVALID and not any(start <= i < last for start, last in inside):
            return True
    return False


_X_INVALID_RE = re.compile("[\ufffe\ufeff\uffff]")


@functools.cache
def _segment_weigher(config: XConfig):
    if not config.ranges:
        return lambda text, start, end: (end - start) * config.default_weight
    light = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi, _ in config.ranges)
    heavy = re.compile(f"[^{light}]")
    light_weight = config.ranges[0][2]

    def weigh(text: str, start: int, end: int) -> int:
        heavy_count = len(heavy.findall(text, start, end)) if end > start else 0
        return (end - start) * light_weight + heavy_count * (config.default_weight - light_weight)

    return weigh


def _crossing(text: str, start: int, budget: int, config: XConfig) -> int:
    """The first index from ``start`` where plain characters use up more than ``budget``."""
    weight = _char_weight(config)
    for i in range(start, len(text)):
        budget -= weight(ord(text[i]))
        if budget < 0:
            return i
    return len(text)


class _OriginalIndex:
    """X counts the NFC form; this maps an index in it back to the text the user typed, in
    time linear in the text. ASCII never changes under NFC, and never composes with what comes
    before it: the text is cut into ASCII stretches (index for index) and non-ASCII runs, each
    with the one character before it that may be its base (normalised on their own); only inside
    such a run is a prefix normalised, by bisection."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.starts: list[int] = []  # NFC index where each piece starts
        self.pieces: list[tuple[int, int, bool]] = []  # (start, end) in the original, ASCII?
        nfc, pos = 0, 0
        for run in _NON_ASCII.finditer(original):
            start = max(pos, run.start() - 1)
            if start > pos:
                nfc = self._add(nfc, pos, start, True)
            nfc = self._add(nfc, start, run.end(), False)
            pos = run.end()
        self._add(nfc, pos, len(original), True)

    def _add(self, nfc: int, start: int, end: int, ascii_only: bool) -> int:
        self.starts.append(nfc)
        self.pieces.append((start, end, ascii_only))
        piece = self.original[start:end]
        return nfc + (len(piece) if ascii_only else len(unicodedata.normalize("NFC", piece)))

    def __call__(self, nfc_index: int) -> int:
        i = max(0, bisect.bisect_right(self.starts, nfc_index) - 1)
        start, end, ascii_only = self.pieces[i]
        offset = nfc_index - self.starts[i]
        if ascii_only:
            return min(start + offset, len(self.original))
        low, high = start, end  # the shortest prefix whose NFC form reaches past the index
        while low < high:
            mid = (low + high) // 2
            if len(unicodedata.normalize("NFC", self.original[start:mid])) > offset:
                high = mid
            else:
                low = mid + 1
        return max(start, low - 1)


def _original_span(original: str, span: Span, where: _OriginalIndex) -> Span:
    start = where(span.start)
    end = where(span.end - 1) + 1 if span.end > span.start else start
    return replace(span, start=start, end=end, text=original[start:end])


def _char_weight(config: XConfig):
    ranges, default = config.ranges, config.default_weight

    def weight(cp: int) -> int:
        for start, end, w in ranges:
            if start <= cp <= end:
                return w
        return default

    return weight


# -- Mastodon ------------------------------------------------------------------------------------
def _count_mastodon(text: str, spoiler: str, limits: NetworkLimits) -> Count:
    """The server's count (core/mastodon_text.py): the content warning as typed, then the text
    with each link as ``characters_reserved_per_url`` characters and each remote mention as
    ``@user``; a blank text counts nothing."""
    entities = find_mastodon_entities(text)
    countable = spoiler + countable_text(text, limits.characters_reserved_per_url, entities)
    length = _graphemes(countable)
    overflow = (
        _overflow_mastodon(text, spoiler, entities, limits)
        if length > limits.max_characters
        else None
    )
    valid = bool(text.strip()) and length <= limits.max_characters
    return Count(
        length,
        limits.max_characters,
        limits.max_characters - length,
        valid,
        overflow,
        tuple(entities),
    )


def _overflow_mastodon(text: str, spoiler: str, entities: list[Span], limits: NetworkLimits) -> int:
    """Where, in ``text``, the count passes the limit (the warning may already use it all)."""
    used = _graphemes(spoiler)
    by_start = {e.start: e for e in entities}
    for m in _GRAPHEME.finditer(text):
        i = m.start()
        if any(e.start < i < e.end for e in entities):
            continue
        span = by_start.get(i)
        if span is not None:
            used += (
                limits.characters_reserved_per_url
                if span.kind == "url"
                else len(mention_local_part(span))
            )
        else:
            used += 1
        if used > limits.max_characters:
            return i
    return len(text)


# -- Bluesky -------------------------------------------------------------------------------------
def _count_bluesky(text: str, limits: NetworkLimits) -> Count:
    links = find_bluesky_links(text)
    posted, facets, mapping, pos = [], [], [], 0
    byte_pos = 0
    for link in links:
        before = text[pos : link.start]
        posted.append(before)
        byte_pos += len(before.encode("utf-8", "surrogatepass"))
        short = shorten_link(link.text)
        encoded = len(short.encode("utf-8", "surrogatepass"))
        facets.append(Facet(byte_pos, byte_pos + encoded, _full_url(link.text)))
        posted.append(short)
        mapping.append((link, short))
        byte_pos += encoded
        pos = link.end
    posted.append(text[pos:])
    posted_text = "".join(posted)
    length = _graphemes(posted_text)
    too_many_bytes = len(posted_text.encode("utf-8", "surrogatepass")) > BLUESKY_MAX_BYTES
    valid = bool(text.strip()) and length <= limits.max_characters and not too_many_bytes
    overflow = None if valid or not text.strip() else _overflow_bluesky(text, mapping, limits)
    return Count(
        length, limits.max_characters, limits.max_characters - length, valid, overflow,
        tuple(links), posted_text, tuple(facets),
    )  # fmt: skip


def _overflow_bluesky(text: str, mapping, limits: NetworkLimits) -> int:
    used, nbytes = 0, 0
    shortened = {link.start: (link, short) for link, short in mapping}
    for m in _GRAPHEME.finditer(text):
        i = m.start()
        if any(link.start < i < link.end for link, _ in mapping):
            continue
        if i in shortened:
            _link, short = shortened[i]
            used += _graphemes(short)
            nbytes += len(short.encode("utf-8", "surrogatepass"))
        else:
            used += 1
            nbytes += len(m[0].encode("utf-8", "surrogatepass"))
        if used > limits.max_characters or nbytes > BLUESKY_MAX_BYTES:
            return i
    return len(text)


def shorten_link(link: str) -> str:
    """The official app's display form (social-app's toShortUrl): the host, then the path (a
    bare ``/`` dropped), query and fragment, this tail cut to 13 characters + ``...`` when longer
    than 15 — all as the app's URL parser (WHATWG, ``new URL``) gives them. A link that parser
    refuses, or that is not http(s), is shown as typed."""
    parsed = _parse_http_url(link)
    if parsed is None:
        return link
    host, path, query, fragment = parsed
    tail = ("" if path == "/" else path) + (f"?{query}" if query else "")
    tail += f"#{fragment}" if fragment else ""
    if len(tail) > 15:  # all ASCII by now: percent-encoded
        tail = tail[:13] + "..."
    return host + tail


# The WHATWG URL parser's percent-encode sets (beyond C0 controls and everything past "~") for a
# special URL's path, query and fragment, as Node 20's parser (Ada 2.9) applies them.
_PATH_ESCAPE = frozenset(' "#<>?`{}')
_QUERY_ESCAPE = frozenset(" \"#<>'")
_FRAGMENT_ESCAPE = frozenset(' "<>`')
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
# What each set escapes: the characters named, and any but the printable ASCII ones.
_ESCAPES = {
    chars: re.compile("[^!-~]|[" + "".join(map(re.escape, sorted(chars - {" "}))) + "]")
    for chars in (_PATH_ESCAPE, _QUERY_ESCAPE, _FRAGMENT_ESCAPE)
}
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+\-.]*):")
_AUTHORITY_END = re.compile(r"[/?#\\]")
_SINGLE_DOT = frozenset({".", "%2e"})
_DOUBLE_DOT = frozenset({"..", ".%2e", "%2e.", "%2e%2e"})
_DEFAULT_PORT = {"http": 80, "https": 443}


def _parse_http_url(link: str) -> tuple[str, str, str | None, str | None] | None:
    """The serialised host (with a port that is not the default), path, query and fragment of an
    http(s) URL, read as the WHATWG URL standard's basic parser reads it; None where it fails
    or the scheme is another."""
    link = _TAB_OR_NEWLINE.sub("", link.strip(_C0_AND_SPACE))
    scheme = _SCHEME.match(link)
    if not scheme or scheme[1].lower() not in _DEFAULT_PORT:
        return None
    rest = link[scheme.end() :].lstrip("/\\")  # special authority (ignore) slashes states
    end = _AUTHORITY_END.search(rest)
    authority, rest = (rest[: end.start()], rest[end.start() :]) if end else (rest, "")
    if "@" in authority:
        authority = authority.rpartition("@")[2]
        if not authority:
            return None
    host, port = _split_port(authority)
    if host is None:
        return None
    host = _parse_host(host)
    if host is None or (port is not None and port > 65535):
        return None
    if port is not None and port != _DEFAULT_PORT[scheme[1].lower()]:
        host = f"{host}:{port}"
    rest, _, fragment = rest.partition("#") if "#" in rest else (rest, "", None)
    path, _, query = rest.partition("?") if "?" in rest else (rest, "", None)
    return (
        host,
        _path(path),
        None if query is None else _escape(query, _QUERY_ESCAPE),
        None if fragment is None else _escape(fragment, _FRAGMENT_ESCAPE),
    )


def _split_port(authority: str) -> tuple[str | None, int | None]:
    """The host state: a ":" outside brackets starts the port (digits only, may be empty)."""
    depth, cut = False, -1
    for i, ch in enumerate(authority):
        if ch == "[":
            depth = True
        elif ch == "]":
            depth = False
        elif ch == ":" and not depth:
            cut = i
            break
    if cut < 0:
        return (authority or None), None
    host, port = authority[:cut], authority[cut + 1 :]
    if not host or (port and not (port.isascii() and port.isdigit())):
        return None, None
    return host, int(port) if port else None


def _path(path: str) -> str:
    """The path state: segments split at "/" and "\\", escaped, dot segments resolved."""
    segments = re.split(r"[/\\]", path)
    if segments and segments[0] == "":
        segments = segments[1:]
    kept: list[str] = []
    for n, raw in enumerate(segments):
        segment = _escape(raw, _PATH_ESCAPE)
        last = n == len(segments) - 1
        if segment.lower() in _DOUBLE_DOT:
            if kept:
                kept.pop()
            if last:
                kept.append("")
        elif segment.lower() in _SINGLE_DOT:
            if last:
                kept.append("")
        else:
            kept.append(segment)
    return "/" + "/".join(kept)


def _escape(part: str, escaped: frozenset[str]) -> str:
    if _ESCAPES[escaped].search(part) is None:
        return part
    return "".join(
        "".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
        if ch in escaped or not " " < ch <= "~"
        else ch
        for ch in part
    )


def _parse_host(text: str) -> str | None:
    """The host parser for a special URL: an IPv6 address in brackets, else a domain run through
    domain-to-ASCII (UTS #46), refused if it holds a forbidden character, read as IPv4 when it
    ends in a number."""
    if text.startswith("["):
        if not text.endswith("]"):
            return None
        try:
            return f"[{ipaddress.IPv6Address(text[1:-1]).compressed}]"
        except ValueError:
            return None
    domain = _percent_decode(text)
    ascii_domain = _domain_to_ascii(domain) if domain else None
    if not ascii_domain or _FORBIDDEN_IN_DOMAIN.search(ascii_domain):
        return None
    if _ends_in_a_number(ascii_domain):
        return _ipv4(ascii_domain)
    return ascii_domain


_FORBIDDEN_IN_DOMAIN = re.compile(r"[\x00-\x20#/:<>?@\[\\\]^|%\x7f]")
_PERCENT = re.compile(rb"%([0-9A-Fa-f]{2})")


def _percent_decode(text: str) -> str | None:
    """The host percent-decoded; bytes that are no UTF-8 make it no host (as Ada has it)."""
    if "%" not in text:
        return text
    raw = _PERCENT.sub(lambda m: bytes([int(m[1], 16)]), text.encode("utf-8", "surrogatepass"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _ends_in_a_number(domain: str) -> bool:
    labels = domain.split(".")
    if labels[-1] == "" and len(labels) > 1:
        labels.pop()
    last = labels[-1]
    if last and last.isascii() and last.isdigit():
        return True
    return bool(re.fullmatch(r"0[xX][0-9a-fA-F]*", last))


def _ipv4(domain: str) -> str | None:
    parts = domain.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    if len(parts) > 4:
        return None
    numbers = []
    for part in parts:
        number = _ipv4_number(part)
        if number is None:
            return None
        numbers.append(number)
    if any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        return None
    address = numbers[-1] + sum(n * 256 ** (3 - i) for i, n in enumerate(numbers[:-1]))
    return ".".join(str((address >> shift) & 255) for shift in (24, 16, 8, 0))


def _ipv4_number(part: str) -> int | None:
    if not part:
        return None
    base = 10
    if part[:2] in ("0x", "0X"):
        part, base = part[2:], 16
    elif len(part) > 1 and part[0] == "0":
        part, base = part[1:], 8
    if not part:
        return 0
    digits = {10: "0123456789", 16: "0123456789abcdefABCDEF", 8: "01234567"}[base]
    if not all(ch in digits for ch in part):
        return None
    return int(part, base)


def _domain_to_ascii(domain: str) -> str | None:
    """UTS #46 ToASCII as Node 20's URL parser (Ada 2.9.2) runs it for a host, with its own
    tables (data/url_idna.txt) and its own checks, quirks included: a label is checked up to
    its first joiner only; the bidi rule looks at labels with right-to-left characters only,
    and in a left-to-right one not at the last character."""
    if domain.isascii():
        domain = domain.lower()
        if "xn--" in domain and not all(
            _punycode_label_fits(label[4:]) for label in domain.split(".") if label[:4] == "xn--"
        ):
            return None
        return domain
    table = _idna()
    mapped = _idna_map(domain, table)
    if mapped is None:
        return None
    labels = unicodedata.normalize("NFC", mapped).split(".")
    out = []
    for label in labels:
        if label[:4] == "xn--":
            if not label.isascii() or not _punycode_label_fits(label[4:]):
                return None
            out.append(label)
        elif label.isascii():
            out.append(label)
        elif not _label_valid(label, table):
            return None
        else:
            out.append("xn--" + label.encode("punycode").decode("ascii"))
    return ".".join(out)


def _punycode_label_fits(encoded: str) -> bool:
    """An "xn--" label must decode to characters that map to themselves, in NFC, and pass the
    label checks."""
    try:
        label = encoded.encode("ascii").decode("punycode")
    except (UnicodeError, ValueError, IndexError, OverflowError):
        return False
    table = _idna()
    return (
        bool(label)
        and _idna_map(label, table) == label
        and unicodedata.normalize("NFC", label) == label
        and _label_valid(label, table)
    )


def _idna_map(text: str, table: _IdnaTables) -> str | None:
    out = []
    for ch in text:
        i = bisect.bisect_right(table.starts, ord(ch)) - 1
        status = table.statuses[i]
        if status == "V":
            out.append(ch)
        elif status == "M":
            out.append(table.mappings[i])
        elif status == "X":
            return None  # disallowed
    return "".join(out)


_L_ALLOWED = frozenset({"L", "EN", "ES", "CS", "ET", "ON", "BN", "NSM"})
_R_ALLOWED = frozenset({"R", "AL", "AN", "EN", "ES", "CS", "ET", "ON", "BN", "NSM"})


def _label_valid(label: str, table: _IdnaTables) -> bool:
    if ord(label[0]) in table.combining:
        return False
    for i, ch in enumerate(label):
        if ch == "\u200c":  # ZWNJ
            if i > 0 and ord(label[i - 1]) in table.virama:
                return True
            if i == 0 or i + 1 >= len(label):
                return False
            return any(ord(c) in table.joins_left for c in label[:i]) and any(
                ord(c) in table.joins_right for c in label[i + 1 :]
            )
        if ch == "\u200d":  # ZWJ
            return i > 0 and ord(label[i - 1]) in table.virama
    classes = [table.direction(ord(ch)) for ch in label]
    last = next((i for i in range(len(label) - 1, -1, -1) if classes[i] != "NSM"), None)
    if last is None:
        return False
    if not any(c in ("R", "AL", "AN") for c in classes):
        return True
    if classes[0] == "L":
        return all(c in _L_ALLOWED for c in classes[:last])
    has_en = has_an = False
    for i, c in enumerate(classes[: last + 1]):
        if c == "EN":
            has_en = True
            if has_an:
                return False
        elif c == "AN":
            has_an = True
            if has_en:
                return False
        if c not in _R_ALLOWED or (i == last and c not in ("R", "AL", "AN", "EN")):
            return False
    return True


@dataclass(frozen=True)
class _IdnaTables:
    starts: list[int]
    statuses: list[str]
    mappings: list[str]
    bidi_ends: list[int]
    bidi: list[tuple[int, str]]
    combining: frozenset[int]
    virama: frozenset[int]
    joins_left: frozenset[int]  # joining type L or D
    joins_right: frozenset[int]  # joining type R or D

    def direction(self, cp: int) -> str:
        i = bisect.bisect_left(self.bidi_ends, cp)
        if i == len(self.bidi) or cp < self.bidi[i][0]:
            return "NONE"
        return self.bidi[i][1]


@functools.cache
def _idna() -> _IdnaTables:
    sections: dict[str, list[list[str]]] = {}
    current: list[list[str]] = []
    for line in (_DATA / "url_idna.txt").read_text(encoding="ascii").splitlines():
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), [])
        elif line and not line.startswith("#"):
            current.append(line.split())
    codes = {name: frozenset(int(c, 16) for row in rows for c in row)
             for name, rows in sections.items() if name != "map" and name != "bidi"}  # fmt: skip
    bidi = [(int(a, 16), int(b, 16), kind) for a, b, kind in sections["bidi"]]
    return _IdnaTables(
        starts=[int(row[0], 16) for row in sections["map"]],
        statuses=[row[1] for row in sections["map"]],
        mappings=["".join(chr(int(c, 16)) for c in row[2:]) for row in sections["map"]],
        bidi_ends=[end for _, end, _ in bidi],
        bidi=[(start, kind) for start, _, kind in bidi],
        combining=codes["combining"],
        virama=codes["virama"],
        joins_left=codes["joining-l"] | codes["joining-d"],
        joins_right=codes["joining-r"] | codes["joining-d"],
    )


def _full_url(link: str) -> str:
    return link if link.lower().startswith(("http://", "https://")) else f"https://{link}"


_GRAPHEME = regex.compile(r"\X")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


# Characters that never join a grapheme cluster with a neighbour (no Extend, ZWJ, SpacingMark,
# Prepend, regional indicator, Hangul jamo or syllable, nor CR): ASCII but CR, Latin, Greek,
# Cyrillic, punctuation, symbols, CJK, kana, and emoji bar their modifiers and flags' letters.
# tests/core/test_counter_properties.py checks that none of them has a joining break property.
_SINGLE = (
    "\x00-\x0c\x0e-\u02ff\u0370-\u0482\u048a-\u0590\u2010-\u2027\u2030-\u205f\u2070-\u20cf"
    "\u2100-\u2bff\u3000-\u3029\u3030-\u3098\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff00-\uff9d\U0001f000-\U0001f1e5\U0001f200-\U0001f3fa\U0001f400-\U0001faff"
    "\U00020000-\U0003ffff"
)
_MAY_JOIN = re.compile(f"[^{_SINGLE}]+")


def _graphemes(text: str) -> int:
    """Grapheme clusters, fast: a character that never joins a neighbour is a cluster of its
    own; only the runs of the others, with the character on each side they may join, go through
    the full rules — runs that touch merged, so no character counts in two."""
    total, start, end = len(text), 0, 0
    for run in _MAY_JOIN.finditer(text):
        if run.start() - 1 <= end and end:
            end = run.end() + 1
            continue
        if end:
            total += len(_GRAPHEME.findall(text, start, end)) - (min(end, len(text)) - start)
        start, end = max(0, run.start() - 1), run.end() + 1
    if end:
        total += len(_GRAPHEME.findall(text, start, end)) - (min(end, len(text)) - start)
    return total
