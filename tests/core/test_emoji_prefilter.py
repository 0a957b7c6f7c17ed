"""The X counter tries twemoji's expression only around the characters an emoji is made of; it
must find exactly what the expression finds over the whole text."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialdesk.core import x_emoji

_ESCAPE = r"(\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8})(?:-(\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}))?"


def _named_code_points() -> list[int]:
    pattern = x_emoji.EMOJI.pattern
    found = {ord(ch) for ch in pattern if not ch.isascii()}
    for lo, hi in re.findall(_ESCAPE, pattern):
        found.update(range(int(lo[2:], 16), int((hi or lo)[2:], 16) + 1))
    return sorted(found)


NAMED = _named_code_points()
AROUND = ["", "\ufe0f", "\ufe0e", "\u200d\u2640\ufe0f", "\U0001f3fb", "\u20e3", "\ufe0f\u20e3"]


def _spans(matches):
    return [m.span() for m in matches]


@pytest.mark.parametrize("before", ["", "1", "#", "a "])
def test_every_character_the_expression_names_is_found_as_the_whole_text_run_finds_it(before):
    for cp in NAMED:
        for after in AROUND:
            text = f"{before}{chr(cp)}{after}x"
            assert _spans(x_emoji.emoji_matches(text)) == _spans(x_emoji.EMOJI.finditer(text))


pieces = st.sampled_from([chr(cp) for cp in NAMED[::3]] + [*"#*019a 日", "\u20e3", "\ufe0e"])


@settings(max_examples=2_000, deadline=None)
@given(st.lists(pieces, max_size=40).map("".join))
def test_any_mix_is_found_as_the_whole_text_run_finds_it(text):
    assert _spans(x_emoji.emoji_matches(text)) == _spans(x_emoji.EMOJI.finditer(text))
