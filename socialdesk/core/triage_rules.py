"""The word lists' verdict on a mention: customer-care.md's rules, tried in order (promotion or
abuse, then a problem or a request, then an opinion), each naming the words that decided it.
``core/triage.py`` hands it to the learned model, which may overrule it."""

from __future__ import annotations

import re

from socialdesk.core import language
from socialdesk.core.models import Category
from socialdesk.core.triage_lists import Signals

# Shouting words; a rant is three or more of them and no lower case. Kept as two simple tests:
# one pattern for the whole rant backtracks exponentially on long capitals.
SHOUTED_WORD = re.compile(r"[A-Z]{3,}")
LOWERCASE = re.compile("[a-z]")
_WORD_CHAR = re.compile(r"\w")
_WORDS = re.compile(r"\w+")
_FREE = re.compile(r"\bfree\b", re.IGNORECASE)

Verdict = tuple[Category, list[str]]  # the category, and the reasons (the words that decided it)


def read_rules(
    plain: str, body: str, score: float, lang: language.Language
) -> tuple[Category, list[str], Signals | None]:
    """(category, reasons, the signals found or None for a text with no words)."""
    if not body or not _WORD_CHAR.search(body):
        if score >= 0.3:
            return Category.PRAISE, ["only happy emoji"], None
        if score <= -0.3:
            return Category.CRITICISM, ["only unhappy emoji", "nothing specific to fix"], None
        return Category.OTHER, ["nothing but mentions, links or symbols"], None
    found = Signals(plain, body, lang.code if lang.listed else "")
    verdict = (
        _promotion_or_abuse(found, score)
        or _problem_or_request(found, score)
        or _opinion(found, score)
    )
    return verdict[0], verdict[1], found


# Verdicts no word list decided: only a tone, or nothing at all.
WEAK = ("no question, problem", "negative tone", "happy tone", "negative, about the writer")


def quote(words: list[str]) -> str:
    return ", ".join(f'"{w}"' for w in words)


def _promotion_or_abuse(found: Signals, score: float) -> Verdict | None:
    links = found.links
    free_link = links and _FREE.search(found.body)
    many_mentions = found.plain.count("@") >= 3
    if (
        found.strong_spam
        or free_link
        or (found.spam and (links or len(found.spam) >= 2 or many_mentions))
    ):
        said = found.strong_spam or found.spam or ["free"]
        return Category.SPAM, [f"promotion: {quote(said)}"] + (["links elsewhere"] if links else [])
    if (
        found.insults
        and not (found.faults and not _aimed_at_people(found))
        and not _relieved(found, score)  # "got my money back from the scammer": praise
    ):
        return Category.ABUSE, [f"insults: {quote(found.insults)}"]
    if _is_rant(found.body) and not (found.faults or _asks(found) or _opinion_in_capitals(found)):
        return Category.ABUSE, ["all-capitals rant with nothing specific"]
    return None


def _opinion_in_capitals(found: Signals) -> bool:
    """ "PRICES ARE A JOKE NOW" is criticism; "NO NO NO NEVER AGAIN" repeats itself: a rant."""
    words = _WORDS.findall(found.body)
    return bool(found.critic) and len(set(words)) == len(words)


def _is_rant(body: str) -> bool:
    return not LOWERCASE.search(body) and len(SHOUTED_WORD.findall(body)) >= 3


def _asks(found: Signals) -> bool:
    body = found.body
    return (
        "?" in body
        or "¿" in body
        or bool(found.lists["question-start"].match(found.low_body))
        or bool(found.asks)
    )


def _problem_or_request(found: Signals, score: float) -> Verdict | None:
    if found.resolved and not found.sarcasm:
        return Category.OTHER, [f"the problem seems gone: {quote(found.resolved)}"]
    if found.faults and _relieved(found, score):
        return _praise_in_negative_words(found)
    if found.faults:  # praise words around a fault are sarcasm: it counts as what it means
        reasons = [f"a specific problem: {quote(found.faults)}"]
        if found.sarcasm or found.praise:
            reasons.append(f"sarcasm: {quote(found.sarcasm or found.praise)} around a fault")
        if _asks(found):
            reasons.append("asks about it too")
        return Category.COMPLAINT, reasons
    if found.suggests and score > -0.5:
        return Category.FEEDBACK, [f"a suggestion: {quote(found.suggests)}"]
    if found.sarcasm:
        if found.lists["first-person"].search(found.low_body):
            return Category.COMPLAINT, [
                f"sarcasm: {quote(found.sarcasm)}",
                "about the writer's own case",
            ]
        return Category.CRITICISM, [f"sarcasm: {quote(found.sarcasm)}", "nothing specific to fix"]
    if _asks(found) and not found.critic:
        return Category.QUESTION, [f"asks: {quote(found.asks)}" if found.asks else "a question"]
    return None


def _relieved(found: Signals, score: float) -> bool:
    """A fault that is over, a fear that was unfounded, a kind act: praise in negative words."""
    return bool(
        found.relief
        and not found.sarcasm
        and (found.praise or score >= 0 or len(found.relief) > 1 or not found.faults)
    )


def _praise_in_negative_words(found: Signals) -> Verdict:
    why = [f"happy about how it turned out: {quote(found.relief)}"]
    return Category.PRAISE, why + ([f"praise: {quote(found.praise)}"] if found.praise else [])


def _opinion(found: Signals, score: float) -> Verdict:
    if (score < 0.5 or not found.praise) and _relieved(found, score):
        return _praise_in_negative_words(found)
    if (
        score <= -0.2
        and not found.praise
        and not found.critic
        and found.lists["first-person"].search(found.low_body)
    ):
        return Category.COMPLAINT, ["negative, about the writer's own case"]
    if found.critic or (score <= -0.35 and not found.praise):
        why = f"negative opinion: {quote(found.critic)}" if found.critic else "negative tone"
        return Category.CRITICISM, [why, "nothing specific to fix"]
    if found.praise or score >= 0.5:
        return Category.PRAISE, [f"happy: {quote(found.praise)}" if found.praise else "happy tone"]
    return Category.OTHER, ["no question, problem, opinion or request found"]


def _aimed_at_people(found: Signals) -> bool:
    return bool(found.lists["people"].search(found.low_body))
