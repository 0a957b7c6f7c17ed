"""Shared table printer for the benchmarks: every figure is shown beside its baseline and the
ratio."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Figure:
    metric: str
    value: float
    unit: str
    baseline: float | None
    baseline_label: str  # what the baseline is: a limit ("target") or a peer measured in this run
    higher_is_better: bool = False

    @property
    def ratio(self) -> float | None:
        if not self.baseline:
            return None
        return self.value / self.baseline


@dataclass
class Report:
    figures: list[Figure] = field(default_factory=list)

    def add(self, metric, value, unit, baseline=None, baseline_label="", higher_is_better=False):
        fig = Figure(metric, value, unit, baseline, baseline_label, higher_is_better)
        self.figures.append(fig)
        print(_row(fig), flush=True)
        return fig

    def write_json(self, path: Path) -> None:
        """This run's figures, and the figures of benchmarks not run this time as they were (a
        benchmark reads its previous figure from here)."""
        rows = [asdict(f) | {"ratio": f.ratio} for f in self.figures]
        ran = {r["metric"] for r in rows}
        try:
            kept = [r for r in json.loads(path.read_text()) if r.get("metric") not in ran]
        except (OSError, ValueError):
            kept = []
        path.write_text(json.dumps(kept + rows, indent=2))


def header() -> str:
    return f"{'metric':<58} | {'value':>14} | {'baseline':>26} | {'ratio':>7}\n" + "-" * 115


def _row(f: Figure) -> str:
    base = f"{f.baseline:.4g} {f.unit} ({f.baseline_label})" if f.baseline is not None else "-"
    ratio = f"{f.ratio:.2f}" if f.ratio is not None else "-"
    return f"{f.metric:<58} | {f.value:>11.4g} {f.unit:<2} | {base:>26} | {ratio:>7}"


def time_calls(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall time of each of ``repeat`` calls, in seconds."""
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def percentile(xs: list[float], p: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]
