"""Grapheme clusters — what Mastodon and the Bluesky app count as one character — counted fast
enough for every keystroke, exactly as the full Unicode rules (regex's ``\\X``, as
Intl.Segmenter) count them."""

from __future__ import annotations

import re

import regex

GRAPHEME = regex.compile(r"\X")

# Characters that never join a grapheme cluster with a neighbour (no Extend, ZWJ, SpacingMark,
# Prepend, regional indicator, Hangul jamo or syllable, nor CR): ASCII but CR, Latin, Greek,
# Cyrillic, punctuation, symbols, CJK, kana, and emoji bar their modifiers and flags' letters.
# tests/core/test_counter_properties.py checks that none of them has a joining break property.
SINGLE = (
    "\x00-\x0c\x0e-\u02ff\u0370-\u0482\u048a-\u0590\u2010-\u2027\u2030-\u205f\u2070-\u20cf"
    "\u2100-\u2bff\u3000-\u3029\u3030-\u3098\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff00-\uff9d\U0001f000-\U0001f1e5\U0001f200-\U0001f3fa\U0001f400-\U0001faff"
    "\U00020000-\U0003ffff"
)
_MAY_JOIN = re.compile(f"[^{SINGLE}]+")


def count_graphemes(text: str) -> int:
    """Grapheme clusters, fast: a character that never joins a neighbour is a cluster of its
    own; only the runs of the others, with the character on each side they may join, go through
    the full rules — runs that touch merged, so no character counts in two."""
    total, start, end = len(text), 0, 0
    for run in _MAY_JOIN.finditer(text):
        if run.start() - 1 <= end and end:
            end = run.end() + 1
            continue
        if end:
            total += len(GRAPHEME.findall(text, start, end)) - (min(end, len(text)) - start)
        start, end = max(0, run.start() - 1), run.end() + 1
    if end:
        total += len(GRAPHEME.findall(text, start, end)) - (min(end, len(text)) - start)
    return total
