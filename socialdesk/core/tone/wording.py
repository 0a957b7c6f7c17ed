"""Checks that read the draft's words with the English lists: blame, defensiveness, profanity,
negative tone, boilerplate, apology, next step and thanks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from socialdesk.core.links import find_urls
from socialdesk.core.tone.base import _SENTENCE, Finding, ReplyContext, _appended, _Draft, _finding
from socialdesk.core.tone.lists import _lists, _PhraseTable, _Profanity, _vader
from socialdesk.core.tone.privacy import _EMAIL, _PHONE


# -- English word lists --------------------------------------------------------------------------
def _english(draft: _Draft, context: ReplyContext) -> list[Finding]:
    lists = _lists()
    found = [
        *_listed(draft, lists.blame, "blames-customer", _BLAME_MESSAGE),
        *_listed(draft, lists.defensive, "defensive", _DEFENSIVE_MESSAGE),
        *_profanity(draft),
        *_negative_tone(draft),
        *_listed(draft, lists.boilerplate, "robotic", _BOILERPLATE_MESSAGE),
    ]
    category = context.mention_category
    if _needs_apology(context) and not lists.acknowledgement.search(draft.flat):
        found.append(
            _finding(
                "missing-apology",
                "You are replying to a complaint without acknowledging it. Start by saying sorry "
                "or showing you understand (“That's frustrating, let's fix it”).",
                draft.insert_at_body(),
                "Sorry about this! ",
            )
        )
    if category in ("complaint", "question") and not _has_next_step(draft, category):
        found.append(
            _finding(
                "no-next-step",
                f"This reply to a {category} offers nothing concrete: give an answer, an action, "
                "a time frame, a link or a way to continue privately.",
                draft.insert_at_end(),
                _appended(draft, "Send us a DM and we'll sort this out for you."),
            )
        )
    if category == "praise" and not _thanks_them(draft.flat):
        found.append(
            _finding(
                "unthanked-praise",
                "They said something nice: thank them. A simple thank you goes a long way.",
                draft.insert_at_body(),
                "Thank you! ",
            )
        )
    return found


def _thanks_them(text: str) -> bool:
    """A thank-you to the person: "thanks to Marco" credits someone else, and "we'll pass your
    thanks on" thanks nobody."""
    return any(
        not _NOT_THANKS.search(text, m.start() - 12 if m.start() > 12 else 0, m.end() + 4)
        for m in _lists().thanks.pattern.finditer(text)
    )


_NOT_THANKS = re.compile(r"\b(?:thanks?|thank you) to\b|\byour thanks\b|\bno thanks\b", re.I)


_BLAME_MESSAGE = "“{}” puts the fault on the customer; in public that starts an argument."
_DEFENSIVE_MESSAGE = "“{}” argues with the customer; acknowledge their view and explain instead."
_BOILERPLATE_MESSAGE = "“{}” reads as a pasted stock phrase; say it in your own words."


def _listed(draft: _Draft, table: _PhraseTable, code: str, message: str) -> Iterable[Finding]:
    """The first phrase of ``table`` in the draft, quoted, with its list's ``why:`` (what it does
    to the reader and what to write instead), or ``message`` when the list gives none."""
    for m in table.pattern.finditer(draft.flat):
        if not _NOT_BLAME.match(draft.flat, m.end()) or "should" not in m[0].lower():
            why = table.why(m[0])
            said = f"“{m[0]}” {why}" if why else message.format(m[0])
            yield _finding(code, said, m.span(), table.suggestion(m[0]))
            return


# "You should have received an email" tells them what to expect; "you should have checked" blames.
_NOT_BLAME = re.compile(
    r"\s+(?:a|an|the|your|it|one|access|received|got|gotten|been|had|heard|seen)\b", re.IGNORECASE
)


def _needs_apology(context: ReplyContext) -> bool:
    """A complaint, or a clearly negative mention: criticism and abuse always are."""
    if context.mention_category in ("complaint", "criticism", "abuse"):
        return True
    if context.mention_category not in (None, "criticism"):
        return False
    mood = context.mention_sentiment
    if mood is None and context.mention_text:
        mood = _vader_score(context.mention_text)
    return mood is not None and mood <= -0.6


_TIME_FRAME = re.compile(
    r"\b(?:\d+(?:[.:]\d+)?\s*(?:am|pm|h|hrs?|hours?|mins?|minutes?|days?|weeks?|working days)"
    r"|\d{1,2}:\d{2}|within|by (?:the )?(?:end|today|tonight|tomorrow|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|\d))\b",
    re.IGNORECASE,
)
# "Today" is a time frame in "it ships today", not in "sorry about the delay today".
_WHEN = re.compile(
    r"\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week)|next week|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
_WILL = re.compile(
    r"\b(?:will|going to|comes?|coming|goes out|lands?|open|opens|back|ready|available)\b|'ll\b",
    re.IGNORECASE,
)
_ASKS_THEM = re.compile(r"\b(?:you|your)\b[^?]*\?\s*$", re.IGNORECASE)
_NUMBER = re.compile(r"[$€£¥]\s?\d|\d")


def _has_next_step(draft: _Draft, category: str) -> bool:
    lists = _lists()
    text = draft.flat
    if lists.next_step.search(text) or _TIME_FRAME.search(text) or find_urls(text):
        return True
    if any(_WHEN.search(said) and _WILL.search(said) for said in _SENTENCE.findall(text)):
        return True
    if _EMAIL.search(text) or _PHONE.search(text):  # a way to get in touch
        return True
    if any(_ASKS_THEM.search(said) for said in _SENTENCE.findall(text)):
        return True  # asking them for what is needed next ("Could you tell us which store?")
    return category == "question" and bool(lists.answer.search(text) or _NUMBER.search(text))


# -- profanity -----------------------------------------------------------------------------------
_TOKEN = re.compile(r"[^\s,;:\"()\[\]{}<>/]+")
_LEET = str.maketrans("0134579@$!|", "oieastgasii")
_WILDCARDS = re.compile(r"[*#%]")
_STRETCHED = re.compile(r"(.)\1\1")


def _profanity(draft: _Draft) -> Iterable[Finding]:
    words = _lists().profanity
    for m in _TOKEN.finditer(draft.text, draft.body_start):
        token = m[0].strip(".,!?'\"")
        if not token or token.startswith("@") or not any(c.isalpha() for c in token):
            continue
        if _is_profane(token.lower(), words):
            start = m.start() + m[0].index(token)
            yield _finding(
                "profanity",
                f"“{token}” is a swear word (however it is spelled); keep the reply clean.",
                (start, start + len(token)),
                "",
            )
            return


def _is_profane(token: str, words: _Profanity) -> bool:
    if token.isalpha() and not _STRETCHED.search(token):  # most words: nothing to undo
        return token in words.exact or token.startswith(words.stems)
    # Undo leet spellings, dots and stretched letters ("fuuuck"); wildcards stay one per letter.
    plain = re.sub(
        r"([a-z])\1{2,}", r"\1", token.translate(_LEET).replace(".", "").replace("-", "")
    )
    if plain in words.exact or plain.startswith(words.stems):
        return True
    if _WILDCARDS.search(plain) and plain[0].isalpha() and 3 <= len(plain) <= 16:
        # "f**k" and "f***ing": each wildcard stands for one letter of a listed word or stem.
        shape = [("[a-z]" if c in "*#%" else re.escape(c)) for c in plain]
        whole = re.compile("".join(shape))
        if any(whole.fullmatch(word) for word in words.by_length.get(len(plain), ())):
            return True
        return any(
            re.fullmatch("".join(shape[: len(stem)]), stem)
            for stem in words.stems
            if len(stem) < len(plain)
        )
    return False


# -- negative tone -------------------------------------------------------------------------------
def _negative_tone(draft: _Draft) -> Iterable[Finding]:
    """A word that attacks or dismisses the customer, or a clearly negative VADER score once
    apologies and the words naming their problem are taken out: saying sorry or "your parcel
    arrived damaged" is not hostility."""
    lists = _lists()
    curt = _CURT.match(draft.flat, draft.body_start)
    if curt and not (lists.acknowledgement.search(draft.flat) or _thanks_them(draft.flat)):
        yield _finding(
            "negative-tone",
            f"“{curt[1]}” on its own reads as curt and cold, as if the matter were closed. Say "
            "something human first (thank them, or say sorry) and then what happens next.",
            curt.span(1),
        )
        return
    flat = _without_empathy(draft.flat)
    hostile = lists.hostile.search(flat, draft.body_start)
    if hostile:
        why = lists.hostile.why(hostile[0]) or "reads as hostile. Keep it calm and about the fix."
        yield _finding("negative-tone", f"“{hostile[0]}” {why}", hostile.span())
        return
    vader = _vader()
    kept = lists.problem_words.sub(" ", lists.acknowledgement.sub(" ", flat[draft.body_start :]))
    score = _vader_score(kept)
    if score > _NEG_THRESHOLD:
        return
    harsh = [w for w in re.findall(r"[a-z']+", kept.lower()) if vader.lexicon.get(w, 0) <= -1.5]
    words = ", ".join(f"“{w}”" for w in dict.fromkeys(harsh)) or "its wording"
    yield _finding(
        "negative-tone",
        f"This reads as negative or hostile (VADER score {score:.2f}; from {words}). "
        "Keep it calm and about the fix.",
    )


# A reply that opens with a one-word brush-off as its whole sentence: "Noted." "Fine." "Ok."
_CURT = re.compile(
    r"\W*((?:noted|ok|okay|k|kk|fine|understood|whatever|received|acknowledged|got it"
    r"|if you say so)(?:,? (?:noted|fine|ok|okay|then))?)\s*(?:\.+|$)(?=\s|$)",
    re.IGNORECASE,
)


def _without_empathy(text: str) -> str:
    """``text`` with each empathy frame blanked out, from the start of its clause (same length,
    so spans carry over)."""
    chars = list(text)
    for m in _empathy().finditer(text):
        start = m.start()
        lo = max(0, m.start() - 300)  # a clause is not longer; 1 MB of text stays linear
        clause = max(text.rfind(mark, lo, m.start()) for mark in ".,;:!?\n") + 1 or lo
        if _BUT.search(text, clause, m.start()):  # "sorry, but that's ridiculous" argues
            continue
        if m["after"]:  # "is maddening": only after what happened to them
            start = clause
            if not _GERUND.match(text, start):  # "losing a full basket", not "everyone here"
                continue
        chars[start : m.end()] = " " * (m.end() - start)
    return "".join(chars)


_GERUND = re.compile(r"\s*[a-z]+ing\b", re.IGNORECASE)
_BUT = re.compile(r"\b(?:but|though|however)\b", re.IGNORECASE)


@cache
def _empathy() -> re.Pattern:
    """ "That must have been scary", "that sounds awful", "what a horrible shock", "such a hassle":
    a feeling named about what happened to them, from ``resources/tone/empathy.txt``."""
    feelings = "|".join(sorted(_lists().empathy, key=len, reverse=True))
    degree = r"(?:(?:so|really|truly|very|absolutely|incredibly|such|a|an|bit of a)\s+)*"
    return re.compile(
        r"\b(?:(?:that|this|it)(?:'s|\s+is|\s+was|\s+must\s+(?:have\s+been|be)|\s+sounds?"
        r"(?:\s+like)?|\s+seems?)|what|such|how)\s+"
        + degree
        + r"(?:\w+\s+)?"
        + rf"(?:{feelings})\b"
        # "losing a full basket is maddening": blanked back to the clause's start below
        r"|\b(?P<after>is|was|sounds|must\s+be|must\s+have\s+been)\s+"
        + degree
        + rf"(?:{feelings})\b",
        re.IGNORECASE,
    )


# VADER compound score at or below which a draft reads negative.
_NEG_THRESHOLD = -0.5


def _vader_score(text: str) -> float:
    """VADER's compound score of the most negative sentence. VADER's cost grows with the square of
    the words it is given (an emoji counts as the words of its name), so it reads pieces of at most
    60 words and 200 characters, and only the first 5,000 characters (past any network's limit)."""
    vader, scores = _vader(), [0.0]
    for sentence in _SENTENCE.findall(text[:5_000]):
        words = sentence.split()
        for i in range(0, len(words), 60):
            piece = " ".join(words[i : i + 60])
            for j in range(0, len(piece), 200):
                scores.append(vader.polarity_scores(piece[j : j + 200])["compound"])
    return min(scores)
