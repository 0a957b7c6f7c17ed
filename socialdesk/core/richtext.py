"""Bluesky rich text: where a post's mentions, hashtags and cashtags are, as the UTF-8 byte ranges
its facets name — the rules of the Bluesky app's own detection (``@atproto/api`` RichText
``detectFacets``), so what SocialDesk posts links the same way the app would.

Those rules are JavaScript regular expressions, and Python's read the same letters differently:
``\\s`` (JavaScript counts U+FEFF as a space, Python counts U+001C–U+001F and U+0085), ``\\d``
(JavaScript: ASCII digits only) and ``\\b`` (JavaScript: ASCII letters only). So the classes are
spelled out here as JavaScript has them.

A mention only notifies its person when its facet carries their DID: resolving the handle is
the provider's job (it needs the network); this module only finds the spans.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from socialdesk.core.links import known_bluesky_tld

_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"  # JS \s
_WORD = "A-Za-z0-9_"  # JS \w, which its \b looks at
# "@" after the start, a space or "(", then a handle-shaped run ending where JavaScript's \b does.
_MENTION = regex.compile(
    rf"(?:^|(?<=[{_SPACE}(]))@([a-zA-Z0-9.-]+)"
    rf"(?:(?<=[{_WORD}])(?![{_WORD}])|(?<![{_WORD}])(?=[{_WORD}]))"
)
_INVISIBLE = "\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2"
_TAG = regex.compile(
    rf"(?:^|(?<=[{_SPACE}]))[#＃]((?!\ufe0f)[^{_SPACE}{_INVISIBLE}]*"
    rf"[^0-9{_SPACE}\p{{P}}{_INVISIBLE}]+[^{_SPACE}{_INVISIBLE}]*)"
)
_CASHTAG = regex.compile(
    rf"(?:^|(?<=[{_SPACE}(]))\$([A-Za-z][A-Za-z0-9]{{0,4}})(?=[{_SPACE}]|\Z|[.,;:!?)\"'\u2019])"
)
_TRAILING_PUNCTUATION = regex.compile(r"\p{P}+\Z")
_SPACES = "".join(chr(c) for c in (9, 10, 11, 12, 13, 32, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F,
                                   0x205F, 0x3000, 0xFEFF, *range(0x2000, 0x200B)))  # fmt: skip
MAX_TAG_GRAPHEMES = 64


@dataclass(frozen=True)
class Spot:
    """A mention ("mention", the handle in lower case) or a hashtag or cashtag ("tag": the tag
    without "#", or "$" and the ticker in capitals)."""

    kind: str
    value: str
    byte_start: int
    byte_end: int


def mentions_and_tags(text: str) -> list[Spot]:
    found = [_spot(text, "mention", m.start(), m.end(), m.group(1).lower())
             for m in _MENTION.finditer(text) if _is_handle(m.group(1))]  # fmt: skip
    for m in _TAG.finditer(text):
        tag = _TRAILING_PUNCTUATION.sub("", m.group(1).strip(_SPACES))
        if tag and len(regex.findall(r"\X", tag)) <= MAX_TAG_GRAPHEMES:
            found.append(_spot(text, "tag", m.start(), m.start() + 1 + len(tag), tag))
    for m in _CASHTAG.finditer(text):
        found.append(_spot(text, "tag", m.start(), m.end(), "$" + m.group(1).upper()))
    return sorted(found, key=lambda s: s.byte_start)


def _is_handle(name: str) -> bool:
    """As the app decides a handle is one: it ends in a top-level domain the app knows (as
    written: its list is lower case) or in the ".test" of development servers."""
    return name.endswith(".test") or ("." in name and known_bluesky_tld(name.rsplit(".", 1)[1]))


def _spot(text: str, kind: str, start: int, end: int, value: str) -> Spot:
    before = len(text[:start].encode("utf-8", "surrogatepass"))
    return Spot(kind, value, before, before + len(text[start:end].encode("utf-8", "surrogatepass")))
