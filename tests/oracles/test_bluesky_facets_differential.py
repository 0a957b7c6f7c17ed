"""Where a Bluesky reply's mentions, hashtags and cashtags are, against the Bluesky app's own
detection (@atproto/api ``RichText.detectFacets``): the same spans, in UTF-8 bytes, and the same
values, on texts built from the pieces detectors get wrong. What SocialDesk links must be what the
app would have linked."""

import pytest
from hypothesis import HealthCheck, given, seed, settings

from socialdesk.core.richtext import mentions_and_tags
from tests.oracles.conftest import CASES, FIXED_SEED, FRESH_SEED
from tests.oracles.texts import hard_texts

SEEDS = {"fixed": FIXED_SEED, "fresh": FRESH_SEED}
KINDS = {"mention", "tag"}


@pytest.mark.parametrize("which", SEEDS)
def test_mentions_and_tags_are_where_the_bluesky_app_puts_them(oracle, which):
    @seed(SEEDS[which])
    @settings(
        max_examples=CASES, deadline=None, database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.function_scoped_fixture],
    )  # fmt: skip
    @given(hard_texts)
    def same(text):
        theirs = sorted(
            (f["start"], f["end"], kind, _value(kind, f["features"][0]["value"]))
            for f in oracle.count("bluesky", text)["facets"]
            if (kind := f["features"][0]["type"]) in KINDS
        )
        ours = sorted((s.byte_start, s.byte_end, s.kind, s.value) for s in mentions_and_tags(text))
        assert ours == theirs, text

    same()


@pytest.mark.parametrize(
    "text",
    [
        "$TSLA up, $aapl down (and $BRK.B)",  # cashtags: tags "$TSLA", "$AAPL", "$BRK"
        "#日本\ufeff÷more",  # U+FEFF is a space to JavaScript: the tag ends there
        "#tag\x1c",  # \x1c is a space to Python, not to JavaScript
        "@alice.bsky hi @bob.test @carol.bsky.social @dan.example.COM",  # only known TLDs
        "@alice.testé @bob.test_x",  # JavaScript's \b knows only ASCII letters
        "#١٢٣ #x١",  # Arabic-Indic digits are not \d to JavaScript
    ],
)
def test_the_edges_where_python_and_javascript_regexes_differ(oracle, text):
    theirs = sorted(
        (f["start"], f["end"], kind, _value(kind, f["features"][0]["value"]))
        for f in oracle.count("bluesky", text)["facets"]
        if (kind := f["features"][0]["type"]) in KINDS
    )
    assert sorted((s.byte_start, s.byte_end, s.kind, s.value) for s in mentions_and_tags(text)) == (
        theirs
    )


def _value(kind: str, value: str) -> str:
    # The app resolves a mention's handle as typed; handles are case-insensitive, and SocialDesk
    # keeps them lower case.
    return value.lower() if kind == "mention" else value
