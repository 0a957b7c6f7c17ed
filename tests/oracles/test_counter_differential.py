"""The composer's counter against the networks' official counting code, on texts built from the
pieces counters get wrong: the count must be the network's, exactly. X: twitter-text's
weightedLength and validity. Bluesky: the app composer's grapheme count (links shortened for
display) and the facets it detects.

Runs ``CASES`` texts for a fixed seed and as many for a fresh one (printed in the header)."""

import pytest
from hypothesis import HealthCheck, given, seed, settings

from socialdesk.core import counter
from tests.oracles.conftest import CASES, FIXED_SEED, FRESH_SEED
from tests.oracles.texts import hard_texts

SEEDS = {"fixed": FIXED_SEED, "fresh": FRESH_SEED}


def _settings():
    return settings(
        max_examples=CASES, deadline=None, database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.function_scoped_fixture],
    )  # fmt: skip


@pytest.mark.parametrize("which", SEEDS)
def test_x_counts_as_twitter_text(oracle, which):
    @seed(SEEDS[which])
    @_settings()
    @given(hard_texts)
    def same(text):
        theirs = oracle.count("x", text)
        ours = counter.count(text, "x")
        assert (ours.weighted_length, ours.valid) == (theirs["length"], theirs["valid"]), text

    same()


@pytest.mark.parametrize("which", SEEDS)
def test_bluesky_counts_as_the_bluesky_app(oracle, which):
    @seed(SEEDS[which])
    @_settings()
    @given(hard_texts)
    def same(text):
        theirs = oracle.count("bluesky", text)
        ours = counter.count(text, "bluesky")
        assert ours.weighted_length == theirs["length"], (text, theirs["shown"])

    same()
