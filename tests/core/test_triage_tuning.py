"""Triage on the tuning set (tests/data/tuning/mentions.jsonl): the set the word lists and the
classifier are tuned on, beside the frozen held-out set they never see. ``-s`` prints the table."""

from pathlib import Path

from tests.core.test_heldout_evidence import shown_triage_scores

TUNING = Path(__file__).resolve().parents[1] / "data" / "tuning"


def test_triage_on_the_tuning_set():
    accuracy, macro_f1 = shown_triage_scores("tuning set", TUNING)
    assert accuracy >= FLOORS["accuracy"] and macro_f1 >= FLOORS["macro_f1"]


FLOORS = {"accuracy": 0.97, "macro_f1": 0.97}
