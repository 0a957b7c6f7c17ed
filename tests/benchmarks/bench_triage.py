"""Triage speed: 10,000 mentions (the labelled set, repeated and varied) beside the 1 s target,
and the one-off cost of loading the sentiment lexicon."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.core.triage_cases import CASES

TARGET_S = 1.0


def run(report) -> None:
    from socialdesk.core import sentiment

    t0 = time.perf_counter()
    sentiment._lexicon()
    load_ms = (time.perf_counter() - t0) * 1000
    from socialdesk.core.triage import classify

    texts = [f"{text} #{i}" for i, (text, _) in enumerate(CASES * (10_000 // len(CASES) + 1))][
        :10_000
    ]
    t0 = time.perf_counter()
    for text in texts:
        classify(text)
    elapsed = time.perf_counter() - t0
    report.add("triage 10,000 mentions", elapsed, "s", TARGET_S, "target")
    report.add("triage per mention", elapsed / len(texts) * 1e6, "µs")
    report.add("load the sentiment lexicon (once)", load_ms, "ms")
