"""Retrain the triage model shipped in resources/language/triage-model.json:

    uv run python tests/core/triage_model.py

It learns from the tuning set (tests/data/tuning/mentions.jsonl) and the labelled test cases
(tests/core/triage_cases.py), never from the frozen held-out set (tests/data/heldout/)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from socialdesk.core.classifier import MODEL_FILE, Model  # noqa: E402
from socialdesk.resources import resource_path  # noqa: E402
from tests.core import triage_cases  # noqa: E402

TUNING = ROOT / "tests" / "data" / "tuning" / "mentions.jsonl"


def training_pairs() -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in TUNING.read_text().splitlines() if line.strip()]
    return [(r["text"], r["category"]) for r in rows] + triage_cases.CASES + triage_cases.HELD_OUT


def main() -> None:
    model = Model.train(training_pairs())
    path = resource_path(*MODEL_FILE)
    path.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"{path}: {model.examples} mentions, {len(model.table)} tokens, {model.classes}")


if __name__ == "__main__":
    main()
