"""Sentiment from -1 to 1, offline: VADER's lexicon (vaderSentiment's data) with a lean scorer.

VADER's own analyser costs ~85 µs a mention here, too slow for triaging 10,000 in a second; this
keeps its word valences and the two rules that matter most in short complaints — negation flips
("not happy") and boosters ("really", "so") — and reads emoji by a small list of our own.
"""

from __future__ import annotations

import heapq
import math
import re
from functools import cache
from importlib.resources import files

NEGATIONS = frozenset(
    [
        "not",
        "no",
        "never",
        "nobody",
        "nothing",
        "none",
        "nor",
        "cannot",
        "cant",
        "can't",
        "don't",
        "dont",
        "doesn't",
        "doesnt",
        "didn't",
        "didnt",
        "isn't",
        "isnt",
        "wasn't",
        "wasnt",
        "won't",
        "wont",
        "haven't",
        "havent",
        "hasn't",
        "hasnt",
        "ain't",
        "aint",
        "without",
    ]
)
BOOSTERS = {"very": 0.3, "really": 0.3, "so": 0.25, "extremely": 0.4, "super": 0.3, "totally": 0.3}
EMOJI = {
    "😡": -2.5,
    "🤬": -3.0,
    "😠": -2.0,
    "😤": -1.5,
    "😞": -1.8,
    "😢": -1.8,
    "😭": -2.0,
    "😩": -1.8,
    "🙄": -1.5,
    "👎": -2.0,
    "💔": -2.0,
    "😒": -1.5,
    "🤦": -1.5,
    "😫": -1.8,
    "😊": 2.0,
    "😀": 2.0,
    "😃": 2.0,
    "😍": 2.8,
    "🥰": 2.8,
    "❤": 2.8,
    "💚": 2.5,
    "💙": 2.5,
    "👍": 2.0,
    "🙌": 2.2,
    "🎉": 2.2,
    "🙏": 1.2,
    "✨": 1.0,
    "🔥": 1.5,
    "💯": 2.0,
    "😂": 1.0,
}
_WORD = re.compile(r"[a-z][a-z']*|[^\w\s]", re.IGNORECASE)
_ALPHA = 15  # VADER's normalisation constant


@cache
def _lexicon() -> dict[str, float]:
    text = files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    lexicon = {}
    for line in text.splitlines():
        word, value, *_ = line.split("\t")
        lexicon[word] = float(value)
    return lexicon


@cache
def _valences() -> dict[str, float]:
    """VADER's words and our emoji in one table (VADER's value where both have one), without
    the zeros: one look-up a token."""
    return {token: value for token, value in {**EMOJI, **_lexicon()}.items() if value}


def sentiment(text: str) -> tuple[float, list[str]]:
    """(score in [-1, 1], the words that carried it, strongest first)."""
    valences = _valences()
    total, carriers = 0.0, []
    tokens = _WORD.findall(text.lower())
    # Most tokens carry no valence: find the few that do in one pass, then weigh only those.
    for i in [i for i, token in enumerate(tokens) if token in valences]:
        token = tokens[i]
        value = valences[token]
        window = tokens[max(0, i - 3) : i]
        if any(w in NEGATIONS for w in window):
            value *= -0.74  # VADER's negation factor
        boost = BOOSTERS.get(tokens[i - 1], 0.0) if i else 0.0
        value += math.copysign(boost, value)
        total += value
        carriers.append((abs(value), token))
    if "!" in text and total:
        total += math.copysign(min(text.count("!"), 4) * 0.292, total)
    score = total / math.sqrt(total * total + _ALPHA) if total else 0.0
    return score, [word for _, word in heapq.nlargest(3, carriers)]  # linear, unlike sorting
