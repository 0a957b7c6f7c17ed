"""Triage: what a mention is (customer-care.md's categories), why, what to do about it, and how
urgent it is. Offline; every verdict carries the words that decided it.

Two halves: word lists per language (``resources/language/<code>/``, read and searched by
``triage_lists``) read the mention the way the rules in ``triage_rules`` say, and a logistic
regression (``core/classifier.py``) trained on labelled mentions by several authors weighs the
words and what the lists found, and makes the call (here). The lists' verdict stands where the
model is unsure. How the two combine was chosen by
leave-one-author-out cross-validation (``tests/core/triage_model.py --cv``).

The borderline calls follow customer-care.md: a fault plus a question is a complaint; swearing about
a fault is still a complaint; insults aimed at people and contentless rants are abuse; sarcasm
counts as what it means.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from socialdesk.core import classifier, html_text, language
from socialdesk.core.language import LANGUAGES
from socialdesk.core.models import AuthorFlag, Category
from socialdesk.core.sentiment import sentiment
from socialdesk.core.sla import ClockState, ResponseClock
from socialdesk.core.triage_lists import LINKS, Signals, lexicon, scanners
from socialdesk.core.triage_rules import LOWERCASE, SHOUTED_WORD, WEAK, quote, read_rules

ACTIONS = {
    Category.QUESTION: "Reply — high priority: answer it.",
    Category.COMPLAINT: "Apologise, then fix it or offer something — high priority.",
    Category.CRITICISM: "Consider it: reply with empathy, or leave it.",
    Category.FEEDBACK: "Thank them and log the idea.",
    Category.PRAISE: "Thank them — a simple thank you goes a long way.",
    Category.ABUSE: "Do not engage in public: ignore, hide or block.",
    Category.SPAM: "Ignore it.",
    Category.OTHER: "Optional: reply if it helps.",
}


@dataclass(frozen=True)
class Triage:
    category: str
    sentiment: float
    reasons: tuple[str, ...]
    action: str
    # False when the learned model is less sure than its calibrated threshold (on authors it had
    # not seen, calls above it were right 90% of the time): the reasons then end with "check: …"
    # so the manager knows to look before trusting it.
    sure: bool = True


MENTIONS_OR_LINKS = re.compile(r"@[\w.@-]+|https?://\S+|www\.\S+")
_LETTER = re.compile(r"[^\W\d_]")
_HTML_TAG = re.compile(r"</?(?:p|br|a|span)\b")


def load() -> None:
    """Read the word lists of every language, the sentiment lexicon and the model now."""
    for code in (*LANGUAGES, ""):
        lexicon(code)
        scanners(code)
    classifier.shipped()
    sentiment("warm up")
    language.load()


def plain_text(text: str, network: str | None = None) -> str:
    """What the person wrote, as plain text: Mastodon's HTML converted, X's escapes undone."""
    if network == "mastodon" or ("<" in text and _HTML_TAG.search(text)):
        return html_text.to_plain(text)
    return html.unescape(text)


# X's longest posts (25,000 characters) are the longest any network carries.
MAX_READ_CHARS = 25_000


@dataclass(frozen=True)
class Reading:
    """What triage reads in a mention before deciding: the text, its tone and language, the
    word lists' verdict and the signals the learned model weighs."""

    plain: str
    body: str  # without @-mentions and links
    score: float
    carriers: list[str]
    lang: language.Language
    cut: bool
    rule: Category
    reasons: list[str]
    signals: list[str]


def read(text: str, network: str | None = None) -> Reading:
    text = text if isinstance(text, str) else ""
    # Nothing a network would carry is longer; past it a stranger's text is read in part.
    cut = len(text) > MAX_READ_CHARS
    plain = plain_text(text[:MAX_READ_CHARS], network)
    # Each arm of MENTIONS_OR_LINKS needs an "@", a "://" or a "www.": without them it would
    # change nothing.
    if "@" in plain or "://" in plain or "www." in plain:
        body = MENTIONS_OR_LINKS.sub(" ", plain).strip()
    else:
        body = plain.strip()
    score, carriers = sentiment(body)
    lang = language.detect(body) if _LETTER.search(body) else language.ENGLISH
    rule, reasons, found = read_rules(plain, body, score, lang)
    said = signals(plain, body, score, lang, found)
    return Reading(plain, body, score, carriers, lang, cut, rule, reasons, said)


def rule_kind(rule: Category, reasons: list[str]) -> str:
    """Which rule decided: the category and the first reason's name ("complaint/a specific
    problem"). The model file lists the kinds precise enough on new authors to keep."""
    return f"{rule.value}/{reasons[0].split(':')[0]}"


FAULT = "complaint/a specific problem"  # the rule kind (rule_kind) of a fault the lists found
FAULT_ASKED, UNSURE = "fault asked about", "model unsure"


def lists_stand(
    kind: str, guess: str, probability: float, rules_below: float, fault_below: float
) -> str | None:
    """Why the word lists' verdict (of rule kind ``kind``) stands over the model's ``guess``, or
    None when the model's call stands. tests/core/triage_model.py calibrates with the same rules.

    customer-care.md's borderline rule, however sure the model is: a fault that is also asked
    about ("is the app down? can't log in") is a complaint (FAULT_ASKED). Below its threshold the
    model is unsure (UNSURE); a fault the lists found needs the model surer to be overruled."""
    fault = kind == FAULT
    if fault and guess == Category.QUESTION:
        return FAULT_ASKED
    if probability < (fault_below if fault else rules_below):
        return UNSURE
    return None


def _combine(r: Reading) -> tuple[Category, list[str], bool]:
    """The category, the reasons, and whether it is sure. The learned model decides, with what
    the word lists found among its features; where it is less sure than ``rules_below`` the
    lists' verdict stands instead (so do rule kinds the model file lists as precise). Below the
    model's ``sure`` probability the call says "check". When the model agrees with the lists,
    their reasons are the ones shown; otherwise the words that pulled towards its call."""
    model = classifier.shipped()
    if model is None:
        return r.rule, list(r.reasons), not r.reasons[0].startswith(WEAK)
    kind = rule_kind(r.rule, r.reasons)
    if not r.body or kind in model.rules_kept:
        return r.rule, list(r.reasons), True
    guess = model.predict(r.body, r.signals)
    sure = guess.probability >= model.sure
    why = lists_stand(kind, guess.category, guess.probability, model.rules_below, model.fault_below)
    if why == FAULT_ASKED:
        return r.rule, [*r.reasons, "a fault asked about is still a complaint"], True
    if why == UNSURE:
        reasons = [*r.reasons, f"check: the learned model is unsure ({guess.probability:.0%})"]
        return r.rule, reasons, False
    category = Category(guess.category)
    if category == r.rule and not r.reasons[0].startswith(WEAK):
        reasons = list(r.reasons)
    else:
        evidence = [w for w in model.evidence(r.body, category.value, 6) if not _too_common(w)]
        evidence = evidence[:3]
        reasons = [
            f"words that go with {category.value}: {quote(evidence)}"
            if evidence
            else f"reads like the {category.value} mentions it learned from",
            r.reasons[0]
            if category == r.rule
            else f"the word lists alone said {r.rule.value} ({r.reasons[0]})",
        ]
    if not sure:
        runner_up = sorted(guess.probabilities.items(), key=lambda kv: kv[1])[-2][0]
        reasons.append(f"check: only {guess.probability:.0%} sure; it could be {runner_up}")
    return category, reasons, sure


def classify(
    text: str,
    *,
    network: str | None = None,
    author_flags: frozenset[str] = frozenset(),
    author_history: int = 0,
    memory: classifier.Memory | None = None,
) -> Triage:
    """``author_flags`` and ``author_history`` (earlier mentions from this person) inform only
    the reasons here; priority() weighs them. ``memory`` holds the client's overrides: a mention
    much like one the manager refiled is filed the same way, and says so."""
    r = read(text, network)
    score, carriers, lang, cut, body = r.score, r.carriers, r.lang, r.cut, r.body
    category, reasons, sure = _combine(r)
    recalled = memory.recall(body) if memory and body else None
    if recalled:
        seen, alike = recalled
        category, sure = Category(seen.category), True
        reasons = [
            f"you filed similar mentions as {seen.category}",
            f"{alike:.0%} alike: “{seen.text[:60]}”",
        ]
    if not lang.english:
        reasons.append(
            f"written in {lang.name}: read with the {lang.name} word lists"
            if lang.listed
            else f"written in {lang.name}: no word lists for it, only questions and emoji read"
        )
    if cut:
        reasons.append(f"very long: only the first {MAX_READ_CHARS:,} characters were read")
    if AuthorFlag.TROLL in author_flags and category != Category.ABUSE:
        reasons.append("author flagged as a troll")
    if author_history >= 3:
        reasons.append(f"{author_history} earlier mentions from this person")
    if carriers and category in (Category.COMPLAINT, Category.CRITICISM, Category.PRAISE):
        reasons.append("tone: " + ", ".join(f'"{w}"' for w in carriers))
    return Triage(category.value, round(score, 3), tuple(reasons), ACTIONS[category], sure)


# The sentiment buckets the model reads, from the happiest down.
_TONES = ((0.5, "tone++"), (0.05, "tone+"), (-0.05, "tone0"), (-0.5, "tone-"), (-2.0, "tone--"))


def signals(
    plain: str, body: str, score: float, lang: language.Language, found: Signals | None
) -> list[str]:
    """What the rules read, as the learned model's features: which word lists matched, the
    sentiment bucket, questions, capitals, links, @-mentions, the language. Not the rules'
    verdict: on authors the lists were not tuned on, the model that weighed it trusted it too
    much (tests/core/triage_model.py --cv, option D+)."""
    out = [f"lang:{lang.code or 'other'}"]
    out.append(next(name for least, name in _TONES if score >= least))
    if found.links if found is not None else LINKS.search(plain):
        out.append("link")
    if plain.count("@") >= 3:
        out.append("@@@")
    if plain.count("!") >= 2:
        out.append("!!")
    if found is None:
        out.append("no-words")
        return out
    # The lists the rules searched on their way to a verdict (searching the rest costs more
    # than the rest of triage).
    out += [f"list:{name}" for name, seen in found._seen.items() if seen]
    if "?" in body or "¿" in body:
        out.append("?")
    if found.lists["question-start"].match(found.low_body):
        out.append("question-start")
    if not LOWERCASE.search(body) and len(SHOUTED_WORD.findall(body)) >= 2:
        out.append("capitals")
    return out


def _too_common(token: str) -> bool:
    """Words like "the" or "out" explain nothing to a person, even when they tipped the model."""
    return all(len(w) < 3 or w in _COMMON_WORDS for w in token.split())


_COMMON_WORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "you",
        "your",
        "out",
        "every",
        "this",
        "that",
        "with",
        "are",
        "was",
        "have",
        "has",
        "our",
        "not",
        "but",
        "its",
        "it's",
        "from",
        "they",
        "them",
        "then",
        "than",
        "just",
        "all",
        "any",
        "can",
        "will",
        "what",
        "when",
    ]
)


# -- priority ------------------------------------------------------------------------------------
PRIORITIES = ("urgent", "high", "normal", "low")


def priority(
    triage: Triage,
    *,
    author_flags: frozenset[str] = frozenset(),
    repeat_complainer: bool = False,
    clock: ResponseClock | None = None,
) -> tuple[str, tuple[str, ...]]:
    """(urgent | high | normal | low, why). Questions and complaints are high (customer-care.md);
    a VIP, a repeat complainer, strong anger or a clock about to run out makes them urgent;
    abuse and spam are low — they get no public answer."""
    category = Category(triage.category)
    if category in (Category.ABUSE, Category.SPAM):
        return "low", ("no public answer needed",)
    if category not in (Category.QUESTION, Category.COMPLAINT):
        level, why = ("normal", [f"{category.value}: answer when the urgent ones are done"])
        if category == Category.OTHER:
            level = "low"
    else:
        level, why = "high", [f"{category.value}: customers expect an answer within the hour"]
    if category in (Category.QUESTION, Category.COMPLAINT, Category.CRITICISM):
        if AuthorFlag.VIP in author_flags:
            level, why = "urgent", [*why, "from a VIP"]
        elif repeat_complainer and category == Category.COMPLAINT:
            level, why = "urgent", [*why, "they have complained before"]
        elif triage.sentiment <= -0.75 and category == Category.COMPLAINT:
            level, why = "urgent", [*why, "very angry"]
        elif (
            clock is not None
            and clock.state in (ClockState.OVERDUE, ClockState.DUE_SOON)
            and category != Category.CRITICISM  # it may rightly go unanswered
        ):
            level, why = (
                "urgent",
                [*why, f"the response clock is {clock.state.value.replace('_', ' ')}"],
            )
    return level, tuple(why)
