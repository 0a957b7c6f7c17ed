"""Bluesky rich text: where a post's mentions and hashtags are, as the UTF-8 byte ranges its
facets name — the rules of the Bluesky app's own detection (``@atproto/api`` RichText
``detectFacets``), so what SocialDesk posts links the same way the app would.

A mention only notifies its person when its facet carries their DID: resolving the handle is
the provider's job (it needs the network); this module only finds the spans.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

# As detectFacets: "@" after the start, a space or "(", then a handle-shaped run.
_MENTION = regex.compile(r"(?:^|(?<=[\s(]))@([a-zA-Z0-9.-]+)\b")
_HANDLE = regex.compile(r"^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,}$")
_INVISIBLE = "\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2"
_TAG = regex.compile(
    rf"(?:^|(?<=\s))[#＃]((?!\ufe0f)[^\s{_INVISIBLE}]*[^\d\s\p{{P}}{_INVISIBLE}]+[^\s{_INVISIBLE}]*)"
)
_TRAILING_PUNCTUATION = regex.compile(r"\p{P}+$")
MAX_TAG_GRAPHEMES = 64


@dataclass(frozen=True)
class Spot:
    """A mention ("mention", the handle) or a hashtag ("tag", the tag without "#")."""

    kind: str
    value: str
    byte_start: int
    byte_end: int


def mentions_and_tags(text: str) -> list[Spot]:
    found = [_spot(text, "mention", m.start(), m.end(), m.group(1).lower().rstrip("."))
             for m in _MENTION.finditer(text) if _HANDLE.match(m.group(1).rstrip("."))]  # fmt: skip
    for m in _TAG.finditer(text):
        tag = _TRAILING_PUNCTUATION.sub("", m.group(1).strip())
        if tag and len(regex.findall(r"\X", tag)) <= MAX_TAG_GRAPHEMES:
            end = m.start() + 1 + len(tag)
            found.append(_spot(text, "tag", m.start(), end, tag))
    return sorted(found, key=lambda s: s.byte_start)


def _spot(text: str, kind: str, start: int, end: int, value: str) -> Spot:
    if kind == "mention" and text[start:end].endswith("."):
        end -= 1  # "@alice.bsky.social." ends a sentence: the dot is not the handle's
    before = len(text[:start].encode("utf-8", "surrogatepass"))
    return Spot(kind, value, before, before + len(text[start:end].encode("utf-8", "surrogatepass")))
