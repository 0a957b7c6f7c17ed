"""Any text at all gives a sensible count, never an exception."""

from hypothesis import given, settings
from hypothesis import strategies as st

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
