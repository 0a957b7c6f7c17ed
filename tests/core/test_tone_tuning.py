"""Tone checks on the tuning drafts (tests/data/tuning/drafts.jsonl), which also label the
``unfilled-template`` code. ``-s`` prints recall per code and the false positives."""

from pathlib import Path

from tests.core.test_heldout_evidence import TEXT_CODES, tone_scores

TUNING = Path(__file__).resolve().parents[1] / "data" / "tuning"


def test_tone_checks_on_the_tuning_set():
    passed, recall, fp_rate, false_pos = tone_scores(TUNING, TEXT_CODES | {"unfilled-template"})
    print(f"\ntone on the tuning set: {passed:.3f} of drafts exactly right, "
          f"false positives {fp_rate:.3f} per draft {dict(false_pos)}")  # fmt: skip
    for code, r in recall.items():
        print(f"  {code:20} recall {r:.2f}")
    assert passed >= FLOORS["tone_pass"]


FLOORS = {"tone_pass": 0.98}
