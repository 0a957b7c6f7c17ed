"""Run every benchmark: `uv run python tests/benchmarks/run.py [NAME ...] [--json PATH]`.

Each module ``bench_*.py`` here exposes ``run(report)``. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from harness import Report, header  # noqa: E402


def main() -> int:
    names = sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "only", nargs="*", help=f"benchmarks to run (default all): {', '.join(names)}"
    )
    parser.add_argument("--json", type=Path, default=HERE / "results.json")
    args = parser.parse_args()
    report = Report()
    print(header())
    for name in args.only or names:
        importlib.import_module(f"bench_{name}").run(report)
    report.write_json(args.json)
    print(f"\nwritten: {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
