"""X's own conformance cases (twitter-text's validate.yml), read from the shared folder at run time
— never copied here. Each weighted section runs under the config SOURCE.md names for it."""

from pathlib import Path

import pytest

from socialdesk.core import counter
from socialdesk.core.counter import NetworkLimits, qt_position
from socialdesk.core.x_length import X_V1, X_V2, X_V3

CONFORMANCE = Path(__file__).resolve().parents[3] / "shared" / "conformance" / "twitter-text"
SECTIONS = {
    "WeightedTweetsCounterTest": X_V2,
    "WeightedTweetsWithDiscountedEmojiCounterTest": X_V3,
    "UnicodeDirectionalMarkerCounterTest": X_V3,
    "tweets": X_V1,
}


def _cases():
    if not (CONFORMANCE / "validate.yml").exists():
        return []
    yaml = pytest.importorskip("yaml")
    tests = yaml.safe_load((CONFORMANCE / "validate.yml").read_text(encoding="utf-8"))["tests"]
    return [
        pytest.param(section, case, id=f"{section}: {case['description']}")
        for section in SECTIONS
        for case in tests[section]
    ]


@pytest.mark.skipif(not CONFORMANCE.exists(), reason="shared conformance data not present")
@pytest.mark.parametrize(("section", "case"), _cases())
def test_twitter_text_conformance(section, case):
    config = SECTIONS[section]
    result = counter._count_x(case["text"], config, NetworkLimits(config.max_length))
    expected = case["expected"]
    if section == "tweets":
        assert result.valid is expected
        return
    assert result.weighted_length == expected["weightedLength"]
    assert result.valid is expected["valid"]
    assert result.weighted_length * 1000 // config.max_length == expected["permillage"]
    if result.overflow_start is not None:
        # twitter-text reports the last valid UTF-16 index of the text as typed; ours is the
        # first Python index past the limit.
        assert qt_position(case["text"], result.overflow_start) - 1 == expected["validRangeEnd"]
