"""Exact character counts for X, Mastodon and Bluesky — the network's own rules, so a reply is
never rejected at send time nor cut short for nothing (network-rules.md).

Pure and fast enough for every keystroke. Indices are Python string indices; ``qt_position``
converts one to the UTF-16 position a Qt text widget uses. X's weighted length and its emoji are
in x_length.py and x_emoji.py, grapheme clusters (Mastodon, Bluesky) in graphemes.py, and the URL
parser the Bluesky app shortens links with in whatwg_url.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from socialdesk.core.graphemes import GRAPHEME, count_graphemes
from socialdesk.core.limits import NETWORKS, NetworkLimits, check_network
from socialdesk.core.links import Span, find_bluesky_links
from socialdesk.core.mastodon_text import countable_text, mention_local_part
from socialdesk.core.mastodon_text import find_entities as find_mastodon_entities
from socialdesk.core.whatwg_url import parse_http_url
from socialdesk.core.x_length import X_V3, XConfig, x_length

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


# -- X (twitter-text v3: x_length.py) -----------------------------------------------------------
def _count_x(text: str, config: XConfig, limits: NetworkLimits) -> Count:
    x = x_length(text, config, limits)
    remaining = x.max_length - x.weighted_length
    return Count(
        x.weighted_length, x.max_length, remaining, x.valid, x.overflow_start, tuple(x.urls)
    )


# -- Mastodon ------------------------------------------------------------------------------------
def _count_mastodon(text: str, spoiler: str, limits: NetworkLimits) -> Count:
    """The server's count (core/mastodon_text.py): the content warning as typed, then the text
    with each link as ``characters_reserved_per_url`` characters and each remote mention as
    ``@user``; a blank text counts nothing."""
    entities = find_mastodon_entities(text)
    countable = spoiler + countable_text(text, limits.characters_reserved_per_url, entities)
    length = count_graphemes(countable)
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
    used = count_graphemes(spoiler)
    by_start = {e.start: e for e in entities}
    for m in GRAPHEME.finditer(text):
        i: int = m.start()
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
    posted: list[str] = []
    facets: list[Facet] = []
    mapping: list[tuple[Span, str]] = []  # each link and its shortened form
    pos = byte_pos = 0
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
    length = count_graphemes(posted_text)
    too_many_bytes = len(posted_text.encode("utf-8", "surrogatepass")) > BLUESKY_MAX_BYTES
    valid = bool(text.strip()) and length <= limits.max_characters and not too_many_bytes
    overflow = None if valid or not text.strip() else _overflow_bluesky(text, mapping, limits)
    return Count(
        length, limits.max_characters, limits.max_characters - length, valid, overflow,
        tuple(links), posted_text, tuple(facets),
    )  # fmt: skip


def _overflow_bluesky(text: str, mapping: list[tuple[Span, str]], limits: NetworkLimits) -> int:
    used, nbytes = 0, 0
    shortened = {link.start: (link, short) for link, short in mapping}
    for m in GRAPHEME.finditer(text):
        i: int = m.start()
        if any(link.start < i < link.end for link, _ in mapping):
            continue
        if i in shortened:
            _link, short = shortened[i]
            used += count_graphemes(short)
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
    parsed = parse_http_url(link)
    if parsed is None:
        return link
    host, path, query, fragment = parsed
    tail = ("" if path == "/" else path) + (f"?{query}" if query else "")
    tail += f"#{fragment}" if fragment else ""
    if len(tail) > 15:  # all ASCII by now: percent-encoded
        tail = tail[:13] + "..."
    return host + tail


def _full_url(link: str) -> str:
    return link if link.lower().startswith(("http://", "https://")) else f"https://{link}"
