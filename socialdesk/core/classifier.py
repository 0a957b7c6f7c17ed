"""The learned half of triage: a multinomial logistic regression over what a mention says.

Features (``features``): the lower-cased words (numbers as "0") and emoji, each pair of
neighbouring ones ("not working"), and the signals triage's rules read (``triage.signals``): the
word lists' verdict, which lists matched on the way to it, the sentiment bucket, a question mark
or a question-opening word, all capitals, links, many @-mentions, the detected language. The
model is a dictionary from feature to one weight per category
(``resources/language/triage-model.json.gz``, trained by ``tests/core/triage_model.py`` with a
fixed seed on the tuning sets and the labelled test cases, never on the frozen held-out set;
weights near zero pruned). Character n-grams were tried and left out: on authors the model had
not seen they cost 8 points of accuracy.

A prediction adds the rows of the features present to the bias, divides by the temperature fitted
on leave-one-author-out predictions, and takes the softmax, so ``probability`` is calibrated for a
new author. Pure Python over a dict, no numpy: about 10 µs a mention.

``Memory`` is one client's overrides: mentions that share most of their words with one the manager
refiled are filed the same way.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, pairwise

from socialdesk.resources import resource_path

__all__ = ["Memory", "Model", "Prediction", "features", "shipped", "tokens"]

_NOISE = re.compile(r"@[\w.@-]+|https?://\S+|www\.\S+|&\w+;")
_EMOJI = r"[\U0001F300-\U0001FAFF\u2600-\u27BF]"
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|0|" + _EMOJI)
_DIGITS, _DIGIT = re.compile(r"\d+"), re.compile(r"\d")
# gzip: the JSON is 4.2 MB, 1.1 MB packed (the install has a 120 MiB budget); ~15 ms to unpack.
MODEL_FILE = ("language", "triage-model.json.gz")
# A signal's feature starts with "=" (words, pairs and emoji carry no mark).
SIGNAL = "="
_SIGNAL = SIGNAL.__add__


def tokens(text: str) -> list[str]:
    """Lower-case words (numbers as "0"), emoji, and each pair of neighbouring ones."""
    words = _words(text)
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def _words(text: str) -> list[str]:
    text = text.lower().replace("’", "'")
    # Each arm of _NOISE needs one of these: without them it would change nothing.
    if "@" in text or "&" in text or "://" in text or "www." in text:
        text = _NOISE.sub(" ", text)
    return _TOKEN.findall(_DIGITS.sub("0", text) if _DIGIT.search(text) else text)


def features(text: str, signals: Iterable[str] = ()) -> dict[str, int]:
    """Every feature of a mention, each once: its words and emoji, its word pairs, and the
    signals (given without their "=")."""
    words = _words(text)
    found = dict.fromkeys(words, 1)
    found.update(dict.fromkeys((f"{a} {b}" for a, b in pairwise(words)), 1))
    found.update(dict.fromkeys((SIGNAL + s for s in signals), 1))
    return found


@dataclass(frozen=True)
class Prediction:
    category: str
    probability: float  # calibrated: on unseen authors, calls at p were right about p of the time
    probabilities: Mapping[str, float]


@dataclass
class Model:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]  # feature -> one weight per class
    temperature: float = 1.0
    sure: float = 0.0  # a call below this probability is marked "check"
    examples: int = 0  # how many labelled mentions it learned from
    # The word lists' verdicts (triage.rule_kind) precise enough on new authors to stand.
    rules_kept: frozenset[str] = frozenset()
    # Below this probability the word lists' verdict stands instead of the model's.
    rules_below: float = 0.0
    # The same where the lists found a specific fault (customer-care.md: it is a complaint).
    fault_below: float = 0.0
    trained_on: str = ""  # fingerprint of the data and settings (tests/core/triage_model.py)

    def scores(self, text: str, signals: Iterable[str] = ()) -> list[float]:
        """The class scores before the softmax (bias included, temperature not)."""
        seq = _words(text)
        found = dict.fromkeys(chain(seq, map(" ".join, pairwise(seq)), map(_SIGNAL, signals)))
        rows = filter(None, map(self.weights.get, found))
        return list(map(sum, zip(self.bias, *rows, strict=True)))

    def predict(self, text: str, signals: Sequence[str] = ()) -> Prediction:
        scores = self.scores(text, signals)
        probabilities = softmax(scores, self.temperature)
        best = scores.index(max(scores))
        return Prediction(
            self.classes[best],
            probabilities[best],
            dict(zip(self.classes, probabilities, strict=True)),
        )

    def evidence(self, text: str, category: str, most: int = 3) -> tuple[str, ...]:
        """The words, emoji and word pairs (not signals) that pulled hardest towards
        ``category`` rather than the average category, strongest first, none inside another."""
        best = self.classes.index(category)
        share = 1 / len(self.classes)
        seq = _words(text)
        pulls = []
        weights = self.weights
        for f in dict.fromkeys(chain(seq, map(" ".join, pairwise(seq)))):
            row = weights.get(f)
            if row is None:
                continue
            pull = row[best] - sum(row) * share
            if pull > 0.2 and (f[0].isalpha() or _is_emoji(f)):
                pulls.append((pull, f))
        chosen: list[str] = []
        for _pull, f in sorted(pulls, reverse=True):
            if not any(f in c or c in f for c in chosen):
                chosen.append(f)
                if len(chosen) == most:
                    break
        return tuple(chosen)

    def to_json(self) -> str:
        return json.dumps(
            {
                "classes": self.classes,
                "bias": self.bias,
                "temperature": self.temperature,
                "sure": self.sure,
                "examples": self.examples,
                "rules_kept": sorted(self.rules_kept),
                "rules_below": self.rules_below,
                "fault_below": self.fault_below,
                "trained_on": self.trained_on,
                "weights": {f: list(w) for f, w in sorted(self.weights.items())},
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> Model:
        data = json.loads(text)
        return cls(
            tuple(data["classes"]),
            tuple(data["bias"]),
            {f: tuple(w) for f, w in data["weights"].items()},
            data["temperature"],
            data["sure"],
            data["examples"],
            frozenset(data["rules_kept"]),
            data.get("rules_below", 0.0),
            data.get("fault_below", 0.0),
            data.get("trained_on", ""),
        )


def _is_emoji(token: str) -> bool:
    return bool(re.fullmatch(_EMOJI, token[:1]))


def softmax(scores: Sequence[float], temperature: float = 1.0) -> list[float]:
    top = max(scores)
    exps = [math.exp((s - top) / temperature) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


@cache
def shipped() -> Model | None:
    """The model trained on the labelled mentions shipped with SocialDesk (None if missing)."""
    path = resource_path(*MODEL_FILE)
    if not path.exists():
        return None
    return Model.from_json(gzip.decompress(path.read_bytes()).decode("utf-8"))


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
