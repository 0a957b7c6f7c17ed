"""Triage's shortcuts give what the plain way gives (issue 20's speed work; the outputs did not
change). Each shortcut is checked against the slower code it replaced, written out here, on the
tuning mentions, the labelled cases and fuzzed text, so the check holds whatever the model or the
word lists say tomorrow (a hash of today's outputs would not survive the next retraining).

- One scan a language finds where any searched word list could match
  (``triage_lists.scanners``), and each list is tried only there: the same first three matches as
  the list's own ``findall``.
- Sentiment looks tokens up in one table (VADER's words and our emoji merged).
- The common-words vote counts from one index of word to languages.
- A noise pattern (@-mentions, links, entities) runs only on text holding what its arms need.
"""

from __future__ import annotations

import heapq
import json
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from socialdesk.core import classifier, language, sentiment, triage, triage_lists
from socialdesk.core.language import LANGUAGES
from tests.core.triage_cases import CASES
from tests.fuzz.texts import HARD_RUNS, PIECES, texts

TUNING = Path(__file__).resolve().parents[1] / "data" / "tuning"
FUZZ = settings(
    max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
# Words from every list, so that fuzzed text often holds something a list matches.
LISTED = [
    phrase
    for code in LANGUAGES
    for name in triage_lists._SEARCHED
    for phrase in triage_lists._phrases(code, name)
    if phrase.replace(" ", "").replace("'", "").isalpha()
]
worded = st.lists(st.sampled_from(LISTED) | st.sampled_from(PIECES), max_size=30).map(" ".join)


def _mentions() -> list[str]:
    out = [text for text, _ in CASES]
    for path in sorted(TUNING.glob("mentions*.jsonl")):
        out += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()]
    return out + [run * 40 for run in HARD_RUNS]


def _lists_agree(text: str, code: str) -> None:
    lists = triage_lists.lexicon(code)
    for on_plain, scanner in zip((True, False), triage_lists.scanners(code), strict=True):
        low = text.lower()
        starts = [m.start() for m in scanner.finditer(low)]
        for name, plain in triage_lists._SEARCHED.items():
            if plain is on_plain:
                found = triage_lists._found_at(lists[name], low, starts) if starts else []
                assert found == triage_lists._found(lists[name], low), (code, name, text)


@pytest.mark.parametrize("code", [*LANGUAGES, ""])
def test_each_list_finds_at_the_scanned_positions_what_its_findall_finds(code):
    for text in _mentions():
        _lists_agree(text, code)


@seed(20)
@FUZZ
@given(st.one_of(texts, worded), st.sampled_from([*LANGUAGES, ""]))
def test_each_list_agrees_on_fuzzed_text(text, code):
    _lists_agree(text, code)


def _sentiment_as_before(text: str) -> tuple[float, list[str]]:
    """sentiment() before the merged table: two look-ups a token, every token weighed."""
    lexicon, total, carriers = sentiment._lexicon(), 0.0, []
    tokens = sentiment._WORD.findall(text.lower())
    for i, token in enumerate(tokens):
        value = lexicon.get(token, sentiment.EMOJI.get(token, 0.0))
        if not value:
            continue
        if any(w in sentiment.NEGATIONS for w in tokens[max(0, i - 3) : i]):
            value *= -0.74
        boost = sentiment.BOOSTERS.get(tokens[i - 1], 0.0) if i else 0.0
        value += math.copysign(boost, value)
        total += value
        carriers.append((abs(value), token))
    if "!" in text and total:
        total += math.copysign(min(text.count("!"), 4) * 0.292, total)
    score = total / math.sqrt(total * total + sentiment._ALPHA) if total else 0.0
    return score, [word for _, word in heapq.nlargest(3, carriers)]


def _votes_as_before(text: str) -> tuple[language.Language, dict[str, int]]:
    """The common-words vote before the index: one set intersection a language."""
    tokens = set(language._TOKENS.findall(text.lower()))
    scores = {code: len(listed & tokens) for code, listed in language._common_words().items()}
    best = max(scores, key=lambda code: (scores[code], code == "en"))
    if best != "en" and scores[best] > scores["en"]:
        return language.Language(best, LANGUAGES[best], "common words"), scores
    return language.ENGLISH, scores


def _noise_as_before(text: str) -> tuple[str, str, list[str]]:
    body = triage.MENTIONS_OR_LINKS.sub(" ", triage.plain_text(text)).strip()
    words = classifier._TOKEN.findall(
        classifier._DIGITS.sub("0", classifier._NOISE.sub(" ", text.lower().replace("’", "'")))
    )
    return body, language._NOISE.sub(" ", text[:2_000]), words


def _agree(text: str) -> None:
    assert sentiment.sentiment(text) == _sentiment_as_before(text)
    assert language._by_common_words(text) == _votes_as_before(text)
    body, detected, words = _noise_as_before(text)
    assert triage.read(text).body == body
    assert language.detect(text) == language._detect(detected)
    assert classifier._words(text) == words
    links = len(triage_lists.LINKS.findall(text))
    assert triage_lists.Signals(text, text, "en").links == links


def test_sentiment_votes_and_noise_agree_on_the_mentions():
    for text in _mentions():
        _agree(text)


@seed(20)
@FUZZ
@given(st.one_of(texts, worded))
def test_sentiment_votes_and_noise_agree_on_fuzzed_text(text):
    _agree(text)
