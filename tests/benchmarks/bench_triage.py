"""Triage speed: 10,000 mentions (the labelled and tuning sets, repeated and varied, in six
languages) beside the 1 s target, language detection alone, and the one-off cost of loading."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.core.test_triage_tuning import TUNING
from tests.core.triage_cases import CASES

TARGET_S = 1.0


def _texts() -> list[str]:
    """10,000 different texts: the sets repeated, each copy with its own number (a word the
    language detector's cache has not seen)."""
    tuning = [
        json.loads(line)["text"] for line in (TUNING / "mentions.jsonl").read_text().splitlines()
    ]
    base = [text for text, _ in CASES] + tuning
    return [f"{text} {i}" for i, text in enumerate(base * (10_000 // len(base) + 1))][:10_000]


def _recorded(metric: str) -> float | None:
    """The figure this machine's results.json (not committed) holds for ``metric``: the last
    run, usually the build before this one."""
    path = Path(__file__).with_name("results.json")
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return next((r["value"] for r in rows if r.get("metric") == metric), None)


def run(report) -> None:
    """Times are CPU seconds of this process (``process_time``): on a shared two-core machine the
    wall clock also counts everyone else's work."""
    from socialdesk.core import language, triage

    t0 = time.perf_counter()
    triage.load()
    load_ms = (time.perf_counter() - t0) * 1000
    texts = _texts()
    t0 = time.process_time()
    for text in texts:
        triage.classify(text)
    elapsed = time.process_time() - t0
    report.add("triage 10,000 mentions", elapsed, "s", TARGET_S, "target")
    per_mention = elapsed / len(texts) * 1e6
    report.add("triage per mention", per_mention, "µs", PREVIOUS_US, "before issue 20")
    recorded = _recorded("triage per mention")
    if recorded is not None:
        report.add("triage per mention, beside the last recorded", per_mention, "µs", recorded,
                   "results.json")  # fmt: skip
    language._detect.cache_clear()
    t0 = time.process_time()
    for text in texts:
        language.detect(text)
    detection = time.process_time() - t0
    report.add("language detection 10,000 mentions", detection, "s", TARGET_S, "limit")
    report.add("load word lists, lexicon and CLD2 (once)", load_ms, "ms")


# The build before issue 20 (English-only inline lists, no language detection, no learned model),
# on these same 10,000 texts, this machine, CPU time: 64 µs a mention.
PREVIOUS_US = 64
