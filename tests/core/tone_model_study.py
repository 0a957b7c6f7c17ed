"""Would a learned model beside the tone word lists find what they miss? A study, not shipped:

    uv run python tests/core/tone_model_study.py

For negative-tone, defensive and blames-customer, a logistic regression per code reads the
draft's words and word pairs, the mention's category, the codes the checks fired (with the
category) and VADER's score. Each author's drafts (one tuning file each) are predicted by a model
trained on the other authors, the way a new author's drafts would be. Printed per code and
threshold: the findings the model would add where the checks stayed quiet (right / wrong) and the
change in drafts exactly right, on all authors, on those who read the owner's guide, and on the
eleventh alone (never tuned on).

What it showed (2026-12-04, 4,474 drafts, twelve authors) is in ``docs/tone-models.md``: about one
wrong finding for each right one on the authors who read the owner's guide, so no model ships.
"""

from __future__ import annotations

import json
import math
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from socialdesk.core import classifier, tone  # noqa: E402
from socialdesk.core.tone.lists import _vader  # noqa: E402
from tests.core.test_heldout_evidence import TEXT_CODES  # noqa: E402
from tests.core.test_tone_tuning import LABELLED  # noqa: E402

TUNING = ROOT / "tests" / "data" / "tuning"
CODES = ("negative-tone", "defensive", "blames-customer")
OWNERS_GUIDE = {f"drafts-{n}.jsonl" for n in ("eighth", "ninth", "tenth", "eleventh")}
EPOCHS, RATE, L2, SEED = 10, 0.3, 1e-3, 8


def _drafts() -> list[dict]:
    vader, rows = _vader(), []
    for path in sorted(TUNING.glob("drafts*.jsonl")):
        counted = TEXT_CODES | {"unfilled-template"} | LABELLED.get(path.name, set())
        for line in filter(None, path.read_text().splitlines()):
            r = json.loads(line)
            context = tone.ReplyContext(
                network=r["network"],
                mention_text=r["mention"],
                mention_category=r["mention_category"],
            )
            fired = {f.code for f in tone.check(r["draft"], context)} & counted
            score = round(vader.polarity_scores(r["draft"])["compound"] * 4)
            features = set(classifier.tokens(r["draft"])) | {
                "=bias",
                f"=cat:{r['mention_category']}",
                f"=vader:{score}",
                f"=vader:{score}|{r['mention_category']}",
                *(f"=fired:{c}" for c in fired),
                *(f"=fired:{c}|{r['mention_category']}" for c in fired),
            }
            wanted = set(r["codes"]) & counted
            rows.append({"author": path.name, "fired": fired, "wanted": wanted, "f": features})
    return rows


def _train(rows: list[dict], code: str) -> dict[str, float]:
    """Logistic regression by AdaGrad with L2, in a seeded order."""
    weights: dict[str, float] = defaultdict(float)
    squares: dict[str, float] = defaultdict(float)
    order, shuffle = list(rows), random.Random(SEED).shuffle
    for _ in range(EPOCHS):
        shuffle(order)
        for r in order:
            error = _probability(weights, r) - (code in r["wanted"])
            for k in r["f"]:
                step = error + L2 * weights[k]
                squares[k] += step * step
                weights[k] -= RATE * step / math.sqrt(squares[k] + 1e-8)
    return weights


def _probability(weights: dict[str, float], r: dict) -> float:
    z = sum(weights.get(k, 0.0) for k in r["f"])
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def main() -> None:
    rows = _drafts()
    authors = sorted({r["author"] for r in rows})
    for code in CODES:
        for author in authors:
            weights = _train([r for r in rows if r["author"] != author], code)
            for r in rows:
                if r["author"] == author:
                    r[code] = _probability(weights, r)
        print(f"\n{code}: added where the checks were quiet, right/wrong (change in exactly right)")
        for threshold in (0.5, 0.6, 0.7, 0.8, 0.9):
            cells = []
            for name, keep in (
                ("all", lambda r: True),
                ("owner's guide", lambda r: r["author"] in OWNERS_GUIDE),
                ("eleventh", lambda r: r["author"] == "drafts-eleventh.jsonl"),
            ):
                quiet = [r for r in rows if keep(r) and code not in r["fired"]]
                added = [r for r in quiet if r[code] > threshold]
                right = sum(code in r["wanted"] for r in added)
                gained = sum((r["fired"] | {code}) == r["wanted"] for r in added)
                lost = sum(r["fired"] == r["wanted"] for r in added)
                cells.append(f"{name} {right}/{len(added) - right} ({gained - lost:+d})")
            print(f"  p > {threshold}: " + ", ".join(cells))


if __name__ == "__main__":
    main()
