"""X's weighted length, as twitter-text v3 counts it: most characters weigh 2 (200 of 100 per
character), the Latin and general punctuation ranges 1, each link the reserved URL length and
each emoji twemoji knows 2 (x_emoji.py), all on the NFC form of the text; positions are given
back in the text as typed."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import NamedTuple

from socialdesk.core.limits import NetworkLimits
from socialdesk.core.links import Span, find_urls
from socialdesk.core.x_emoji import emoji_matches


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
_X_INVALID_RE = re.compile("[\ufffe\ufeff\uffff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")

Unit = tuple[int, int, int]  # (start, end, weight) of a link or an emoji counted whole
Weigher = Callable[[str, int, int], int]


class XLength(NamedTuple):
    weighted_length: int
    max_length: int
    valid: bool
    overflow_start: int | None  # index in the text as typed where it passes the limit
    urls: list[Span]


def x_length(original: str, config: XConfig, limits: NetworkLimits) -> XLength:
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
    return XLength(weighted, max_length, valid, overflow, urls)


def _x_units(
    text: str, urls: list[Span], url_weight: int, emoji_weight: int, emoji: bool
) -> list[Unit]:
    """(start, end, weight) of the links and emoji twitter-text counts whole, in text order.
    It walks the text: a link starting at an index wins over an emoji starting there, and
    whatever starts inside a unit already taken is passed over."""
    found = [(u.start, 0, u.end, url_weight) for u in urls]
    if emoji:
        found += [(m.start(), 1, m.end(), emoji_weight) for m in emoji_matches(text)]
        found.sort()
    units, pos = [], 0
    for start, _kind, end, weight in found:
        if start >= pos:
            units.append((start, end, weight))
            pos = end
    return units


def _x_invalid(text: str, units: list[Unit]) -> bool:
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


@functools.cache
def _segment_weigher(config: XConfig) -> Weigher:
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


def _char_weight(config: XConfig) -> Callable[[int], int]:
    ranges, default = config.ranges, config.default_weight

    def weight(cp: int) -> int:
        for start, end, w in ranges:
            if start <= cp <= end:
                return w
        return default

    return weight


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
