"""How far a second reader agrees with a set's labels, beside how far the tone checks do:

    uv run python tests/core/label_agreement.py

A second reader labelled some draft sets again, blind: they saw only the product owner's guide and
each draft with its mention, never the labels, the code or the other sets. Their labels are in
``tests/data/second-reader/`` (one ``{"id", "codes"}`` line per draft, named after the set). Per
code it prints how many drafts each side labelled, the second reader's recall and precision
against the set, and the checks' recall against the set and against the second reader. Only
counts are printed, never a draft, so the frozen set can be measured without being read.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from socialdesk.core import tone  # noqa: E402
from tests.core.test_heldout_evidence import TEXT_CODES  # noqa: E402

DATA = ROOT / "tests" / "data"
SETS = {
    "heldout-drafts.jsonl": DATA / "heldout" / "drafts.jsonl",
    **{p.name: p for p in (DATA / "tuning").glob("drafts-*.jsonl")},
}


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line]


def _agreement(labelled: Path, second: Path) -> None:
    again = {r["id"]: set(r["codes"]) & TEXT_CODES for r in _lines(second)}
    rows = [r for r in _lines(labelled) if r["id"] in again]
    n, same = Counter(), Counter()
    for r in rows:
        context = tone.ReplyContext(
            network=r["network"], mention_text=r["mention"], mention_category=r["mention_category"]
        )
        sides = {
            "set": set(r["codes"]) & TEXT_CODES,
            "second": again[r["id"]],
            "checks": {f.code for f in tone.check(r["draft"], context)} & TEXT_CODES,
        }
        same["second", "set"] += sides["second"] == sides["set"]
        same["checks", "set"] += sides["checks"] == sides["set"]
        for code in TEXT_CODES:
            for side, codes in sides.items():
                n[code, side] += code in codes
            for a, b in (("second", "set"), ("checks", "set"), ("checks", "second")):
                n[code, a, b] += code in sides[a] and code in sides[b]
    exact = {side: same[side, "set"] / len(rows) for side in ("second", "checks")}
    print(f"\n{second.stem}, {len(rows)} drafts. Exactly the set's labels: second reader "
          f"{exact['second']:.3f}, the checks {exact['checks']:.3f}")  # fmt: skip
    print("  code                set  2nd  2nd recall, precision  checks' recall: of set, of 2nd")
    for code in sorted(TEXT_CODES):
        by_set, by_second = n[code, "set"], n[code, "second"]
        if by_set or by_second:
            both = n[code, "second", "set"]
            reader = f"{_share(both, by_set)}, {_share(both, by_second)}"
            checks = f"{_share(n[code, 'checks', 'set'], by_set)}, "
            checks += _share(n[code, "checks", "second"], by_second)
            print(f"  {code:18} {by_set:4} {by_second:4}  {reader:>21}  {checks:>30}")


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"


def main() -> None:
    for second in sorted((DATA / "second-reader").glob("*.jsonl")):
        _agreement(SETS[second.name], second)


if __name__ == "__main__":
    main()
