"""Any text at all gives a sensible count, never an exception."""

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from socialdesk.core import graphemes
from socialdesk.core.counter import NETWORKS, count

ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=600)
SURROGATES = st.lists(st.sampled_from(["\ud83d", "\ude00", "a", "😀", "https://x.com/", " "]))


@settings(max_examples=300, deadline=None)
@given(text=ANY_TEXT | SURROGATES.map("".join), network=st.sampled_from(NETWORKS))
def test_counts_are_consistent(text, network):
    result = count(text, network)
    assert result.remaining == result.limit - result.weighted_length
    if result.weighted_length > result.limit:
        assert not result.valid
        assert result.overflow_start is not None
    if result.overflow_start is not None:
        assert 0 <= result.overflow_start <= len(text)
    for entity in result.entities:
        assert 0 <= entity.start < entity.end <= len(text)


MARKS = st.sampled_from(["\u0301", "\u0308", "\u200d", "\ufe0f", "\u20e3", "\U0001f3fd"])
PIECES = st.sampled_from(["e", "a", "1", "#", " ", "\r", "\n", "\r\n", "Ł", "ó", "👩", "🇯", "🇵",
                          "\u0600", "\u1100", "\u1161", "\u11a8", "क", "\u094d", "ष"])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(PIECES | MARKS, max_size=80))
def test_the_fast_grapheme_count_is_the_full_rules_count(pieces):
    """The counter reads ASCII one character at a time and only the rest through the full
    rules: the total is what the full rules (regex's \\X, as Intl.Segmenter) give for the whole
    text — a letter and its marks, decomposed, are one, wherever the runs meet."""
    text = "".join(pieces)
    assert graphemes.count_graphemes(text) == len(regex.findall(r"\X", text)), ascii(text)


def test_the_characters_counted_one_by_one_never_join_a_neighbour():
    """The fast count takes every character of graphemes.SINGLE for a cluster of its own: none
    of them may have a grapheme break property that joins (regex's Unicode data, as \\X)."""
    single = regex.compile(f"[{graphemes.SINGLE}]")
    text = "".join(chr(c) for c in range(0x110000) if single.match(chr(c)))
    joins = regex.compile(
        r"[\r\p{gcb=Extend}\p{gcb=ZWJ}\p{gcb=SpacingMark}\p{gcb=Prepend}"
        r"\p{gcb=Regional_Indicator}\p{gcb=L}\p{gcb=V}\p{gcb=T}\p{gcb=LV}\p{gcb=LVT}]"
    )
    assert joins.search(text) is None
