"""A small learned classifier for triage: multinomial naive Bayes over words, word pairs and emoji.

Triage's rules decide when a word list says something clear. When they find nothing (no question,
problem, opinion or request) or only a tone, this model has its say: it has read every labelled
mention shipped with SocialDesk (``resources/language/triage-model.json``, trained by
``tests/core/triage_model.py`` from the tuning set and the labelled test cases, never
from the frozen held-out set) and knows which words go with which category beyond any list.

The same model, trained on one client's overrides (``Model.train``), is the per-client memory:
mentions that look like the ones the manager refiled are filed the same way.

Offline and small: a dictionary lookup per token, about 10 µs a mention.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from socialdesk.resources import resource_path

__all__ = ["Model", "Prediction", "shipped", "tokens"]

_NOISE = re.compile(r"@[\w.@-]+|https?://\S+|www\.\S+|&\w+;|\d+")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|[\U0001F300-\U0001FAFF\u2600-\u27BF]")
MODEL_FILE = ("language", "triage-model.json")


def tokens(text: str) -> list[str]:
    """Lower-case words, emoji, and each pair of neighbouring words ("not working")."""
    words = [t.replace("’", "'") for t in _TOKEN.findall(_NOISE.sub(" ", text.lower()))]
    return words + [f"{a} {b}" for a, b in pairwise(words)]


@dataclass(frozen=True)
class Prediction:
    category: str
    probability: float  # 0..1, the model's own belief (naive Bayes is overconfident: compare)
    evidence: tuple[str, ...]  # the tokens that pulled hardest towards the category


@dataclass(frozen=True)
class Model:
    classes: tuple[str, ...]
    prior: tuple[float, ...]  # log P(class)
    unseen: tuple[float, ...]  # log P(token | class) for a token never seen with it
    table: dict[str, tuple[float, ...]]  # log P(token | class)
    examples: int  # how many labelled mentions it learned from

    @classmethod
    def train(cls, pairs: Iterable[tuple[str, str]], alpha: float = 0.1) -> Model:
        """Learn from (text, category) pairs; ``alpha`` is the Laplace smoothing."""
        counts: dict[str, Counter] = {}
        docs: Counter = Counter()
        for text, category in pairs:
            docs[category] += 1
            counts.setdefault(category, Counter()).update(set(tokens(text)))
        classes = tuple(sorted(docs))
        vocab = sorted({t for c in counts.values() for t in c})
        total = sum(docs.values())
        prior, unseen, columns = [], [], []
        for c in classes:
            size = sum(counts[c].values()) + alpha * (len(vocab) + 1)
            prior.append(math.log(docs[c] / total))
            unseen.append(math.log(alpha / size))
            columns.append({t: math.log((n + alpha) / size) for t, n in counts[c].items()})
        table = {
            t: tuple(col.get(t, u) for col, u in zip(columns, unseen, strict=True)) for t in vocab
        }
        return cls(classes, tuple(prior), tuple(unseen), table, total)

    def predict(self, text: str) -> Prediction | None:
        """The likeliest category, or None when the text has no word the model knows."""
        table = self.table
        seen = [t for t in dict.fromkeys(tokens(text)) if t in table]
        if not seen or not self.classes:
            return None
        scores = [sum(column) for column in zip(self.prior, *(table[t] for t in seen), strict=True)]
        top = max(scores)
        weights = [math.exp(s - top) for s in scores]
        best = scores.index(top)
        # The tokens that pulled hardest towards the winner, for the reasons.
        margins = [(row[best] - max(row), t) for t in seen for row in (table[t],)]
        evidence = tuple(t for margin, t in sorted(margins, reverse=True)[:3] if margin == 0)
        return Prediction(self.classes[best], weights[best] / sum(weights), evidence)

    def to_json(self) -> str:
        rows = {t: [round(v, 3) for v in values] for t, values in sorted(self.table.items())}
        return json.dumps(
            {
                "classes": self.classes,
                "prior": [round(v, 4) for v in self.prior],
                "unseen": [round(v, 4) for v in self.unseen],
                "examples": self.examples,
                "table": rows,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> Model:
        data = json.loads(text)
        table = {t: tuple(values) for t, values in data["table"].items()}
        return cls(
            tuple(data["classes"]),
            tuple(data["prior"]),
            tuple(data["unseen"]),
            table,
            data["examples"],
        )


@cache
def shipped() -> Model | None:
    """The model trained on the labelled mentions shipped with SocialDesk (None if missing)."""
    path = resource_path(*MODEL_FILE)
    if not path.exists():
        return None
    return Model.from_json(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Refiled:
    text: str
    category: str
    words: frozenset[str]


class Memory:
    """One client's overrides, remembered: a new mention that shares most of its words with one
    the manager refiled is filed the same way ("you filed similar mentions as praise").

    Built from (text, category) pairs the store keeps as overrides; updated locally by adding to
    it, never sent anywhere."""

    SIMILAR = 0.5  # share of words (Jaccard, words and word pairs) two mentions need in common

    def __init__(self, overrides: Iterable[tuple[str, str]] = ()) -> None:
        self.refiled: list[Refiled] = []
        for text, category in overrides:
            self.add(text, category)

    def add(self, text: str, category: str) -> None:
        words = frozenset(tokens(text))
        if words:
            self.refiled.append(Refiled(text, category, words))

    def recall(self, text: str) -> tuple[Refiled, float] | None:
        """The refiled mention most like ``text`` and how alike (0..1), if alike enough."""
        words = frozenset(tokens(text))
        best, score = None, 0.0
        for seen in self.refiled:
            alike = len(words & seen.words) / len(words | seen.words) if words else 0.0
            if alike > score:
                best, score = seen, alike
        return (best, score) if best and score >= self.SIMILAR else None

    def __len__(self) -> int:
        return len(self.refiled)
