"""Negative tone: a reply that is curt, refuses with nothing offered, retorts, mocks, attacks, or
reads clearly negative to VADER once apologies and the words naming their problem are taken out."""

from __future__ import annotations

import re
from collections.abc import Iterable

from socialdesk.core.tone.acknowledgement import (
    _acknowledges,
    _clears_them,
    _empathy,
    _thanks_them,
)
from socialdesk.core.tone.base import (
    _SENTENCE,
    Finding,
    ReplyContext,
    _Draft,
    _finding,
    _sentence_start,
)
from socialdesk.core.tone.lists import _lists, _vader
from socialdesk.core.tone.profanity import _swearing


def _negative_tone(
    draft: _Draft, context: ReplyContext, argued: list[tuple[int, int]]
) -> Iterable[Finding]:
    """A word that attacks or dismisses the customer, or a clearly negative VADER score once
    apologies and the words naming their problem are taken out: saying sorry or "your parcel
    arrived damaged" is not hostility."""
    lists = _lists()
    curt = _CURT.match(draft.flat, draft.body_start)
    if context.mention_category in _HAS_A_GRIEVANCE:
        curt = curt or _SARCASTIC_OPENER.match(draft.flat, draft.body_start)
    if curt and not (lists.acknowledgement.search(draft.flat) or _thanks_them(draft.flat)):
        yield _finding(
            "negative-tone",
            f"“{curt[1]}” on its own reads as curt and cold, as if the matter were closed. Say "
            "something human first (thank them, or say sorry) and then what happens next.",
            curt.span(1),
        )
        return
    refusal = _REFUSAL.fullmatch(draft.flat, draft.body_start)
    if refusal:
        yield _finding(
            "negative-tone",
            f"“{refusal[1]}” is the whole reply: it turns them away with nothing offered, and a "
            "“sorry” tacked on does not soften it. Say what you can do instead, or who can help.",
            refusal.span(1),
        )
        return
    # Sarcasm and brush-offs are read in a reply to someone with a problem, a suggestion or of
    # unknown mood ("we'll add it to the pile" mocks a suggestion); to praise or chatter only an
    # outright attack counts.
    troubled = context.mention_category not in _FRIENDLY
    retort = (
        troubled
        and "?" in draft.flat
        and next(
            (
                m
                for m in _SENTENCE.finditer(draft.flat, draft.body_start)
                if m[0].rstrip().endswith("?") and _RHETORICAL.match(m[0].lstrip())
            ),
            None,
        )
    )
    if retort:
        start = retort.start() + len(retort[0]) - len(retort[0].lstrip())
        end = retort.start() + len(retort[0].rstrip())
        yield _finding(
            "negative-tone",
            f"“{draft.text[start:end]}” asks them to justify themselves, which reads as a "
            "put-down. Answer what they asked, or say what you can do.",
            (start, end),
        )
        return
    sorry = _acknowledges(draft.flat)
    rolled = _EYE_ROLL.search(draft.text, draft.body_start, draft.body_start + 5_000)
    if rolled:
        yield _finding(
            "negative-tone",
            f"“{rolled[0]}” rolls its eyes at them; from a brand in public that reads as "
            "contempt. Leave it out.",
            rolled.span(),
            "",
        )
        return
    mocking = _MOCKING.search(draft.text, draft.body_start, draft.body_start + 5_000)
    if context.mention_category in _HAS_A_PROBLEM:
        mocking = mocking or _PRAISE_AS_SARCASM.search(draft.body, draft.body_start)
    if mocking and context.mention_category in _HAS_A_PROBLEM:
        yield _finding(
            "negative-tone",
            f"“{mocking[0]}” reads as laughing at them when they have a problem. Leave it out "
            "and speak to the problem.",
            mocking.span(),
            "",
        )
        return
    flat = _without_empathy(draft.body)
    hostile = next(
        (
            m
            for m in lists.hostile.finditer(flat, draft.body_start)
            if not (_owned(flat, m) or _cleared_blame(flat, m) or _denied(flat, m))
            and _counts(lists.hostile.kind(m[0]), troubled, sorry)
        ),
        None,
    )
    if hostile:
        why = lists.hostile.why(hostile[0]) or "reads as hostile. Keep it calm and about the fix."
        quoted = draft.text[hostile.start() : hostile.end()]
        yield _finding("negative-tone", f"“{quoted}” {why}", hostile.span())
        return
    vader = _vader()
    if argued:  # what blame and defensiveness quote has its own finding
        chars = list(flat[: draft.body_start + 5_000])
        for start, end in argued:
            chars[start:end] = " " * (end - start)
        flat = "".join(chars)
    kept = _own_voice(flat[draft.body_start : draft.body_start + 5_000])
    kept = lists.problem_words.sub(" ", lists.acknowledgement.sub(" ", kept))
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


# Emoji that laugh, smirk, shrug or blow a kiss: mocking in a reply to someone with a problem.
_MOCKING = re.compile("[\U0001F602\U0001F923\U0001F921\U0001F60F\U0001F971"
                      "\U0001F485\U0001F937\U0001F618]")  # fmt: skip
# Rolling eyes, face-palming or the upside-down smile at them is contempt whatever they wrote
# (every 🙃 in 2,700 tuning drafts, by four authors, was labelled negative-tone).
_EYE_ROLL = re.compile("[\U0001f644\U0001f926\U0001f643]")
_HAS_A_PROBLEM = ("complaint", "criticism", "abuse", "question")
_NO_PROBLEM = ("praise", "feedback", "other")
_FRIENDLY = ("praise", "other")
# Congratulating someone who has a problem is sarcasm.
_PRAISE_AS_SARCASM = re.compile(
    r"\b(?:congratulations|congrats|bravo|well done|good job|nice work|great job|nice one)\b"
    r"(?! on (?:the|your)\b)",
    re.IGNORECASE,
)


def _counts(kind: str | None, troubled: bool, sorry: bool) -> bool:
    """Whether a hostile phrase of this kind counts: an attack always; sarcasm and brush-offs in a
    reply to someone with a problem; a rhetorical retort only where nothing apologises."""
    if kind == "attack":
        return True
    return troubled and not (kind == "rhetorical" and sorry)


def _own_voice(text: str) -> str:
    """What VADER should weigh: the draft's own sentences, less those that apologise or
    acknowledge without a "but" ("mouldy fruit twice is grim, we're sorry" names their bad
    experience), and less swear words (``profanity`` says those)."""
    lists = _lists()
    pieces = [
        said
        for said in _SENTENCE.findall(text)
        if not (lists.acknowledgement.search(said) and not _BUT.search(said))
    ]
    return _swearing().sub(" ", " ".join(pieces))


def _cleared_blame(text: str, m: re.Match[str]) -> bool:
    """Blame words said negated ("which isn't your problem") clear the customer; other hostile
    words keep their edge ("we'll try not to lose sleep over it")."""
    return bool(_lists().blame.search(m[0])) and _clears_them(text, m.start())


def _denied(text: str, m: re.Match[str]) -> bool:
    """A harsh word the reply says they are not ("not dumb at all", "there's no such thing as a
    stupid question") reassures them; "don't be stupid" does not."""
    return " " not in m[0].strip() and bool(
        _NEGATED.search(text, max(0, m.start() - 40), m.start())
    )


_NEGATED = re.compile(
    r"\b(?:not|never|isn'?t|wasn'?t|aren'?t|no such thing as an?|no)\s+(?:[a-z]+\s+){0,2}$",
    re.IGNORECASE,
)


def _owned(text: str, m: re.Match[str]) -> bool:
    """A harsh word said about the brand's own failure in a sentence that apologises ("sorry the
    tracking page was useless", "the wait has been a nightmare, we're so sorry") is agreement, not
    hostility; "sorry, but your attitude is ridiculous" is not, and neither is a shape ("good luck
    getting") or a phrase."""
    if " " in m[0].strip():
        return False
    start = _sentence_start(text, m.start(), max(0, m.start() - 200))
    stops = [text.find(mark, m.end(), m.end() + 200) for mark in ".!?\n"]
    end = min((i for i in stops if i >= 0), default=m.end() + 200)
    said = text[start:end]
    return bool(_lists().acknowledgement.search(said)) and not _BUT.search(said)


# A reply that is nothing but a refusal or a shrug, a "sorry" at most tacked on: "No idea, sorry.",
# "Never going to happen.", "Excuse me?!", "It's on the website."
_REFUSAL = re.compile(
    r"\W*((?:no idea|no clue|not a clue|(?:that'?s |it'?s )?(?:never|not) (?:going to|gonna) happen"
    r"|not happening|no chance|no way|(?:we )?can'?t help(?: (?:you|with that))?|excuse me"
    r"|not our (?:problem|job|department)"
    r"|(?:it'?s|that'?s|everything'?s|all) (?:all )?(?:on|in) (?:the|our)"
    r" (?:website|site|app|faqs?|bio|menu)"
    r")(?:,? sorry)?)\s*[.!?]*\s*",
    re.IGNORECASE,
)
# A reply that opens with a one-word brush-off as its whole sentence: "Noted." "Fine." "Ok.", or
# with a one-word sarcasm: "Fascinating." A bare "No." before the answer reads as a door shut.
_CURT = re.compile(
    r"\W*((?:(?:duly )?noted|ok|okay|k|kk|fine|understood|whatever|received|acknowledged|got it"
    r"|if you say so|fascinating|riveting|charming|wonderful|interesting|depends|no)"
    r"(?:,? (?:noted|fine|ok|okay|then))?)\s*(?:\.+|$)(?=\s|$)",
    re.IGNORECASE,
)
# One word of mock delight or dismay to open a reply to a grievance ("Lovely.", "Tragic.", "Here we
# go."); to a fan or a question the same word is friendly ("Wow. So glad you enjoyed it!").
_SARCASTIC_OPENER = re.compile(
    r"\W*((?:lovely|wow|rude|hilarious|tragic|shocking|groundbreaking|exciting|wow,? okay"
    r"|here we go(?: again)?))\s*\.+(?=\s|$)",
    re.IGNORECASE,
)
_HAS_A_GRIEVANCE = ("complaint", "criticism", "abuse")


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

# A question that asks them to account for themselves: a put-down, and (``next_step``) nothing
# the brand can act on.
_RHETORICAL = re.compile(
    r"(?:so |and |but |well,? )?(?:what (?:did|do|else did|else do) you (?:expect|think|want)"
    r"|why (?:did|would|didn'?t|wouldn'?t) you|how (?:did|could) you|who told you"
    r"|did you (?:even|really|not|actually))\b",
    re.IGNORECASE,
)


# VADER compound score at or below which a draft reads negative.
_NEG_THRESHOLD = -0.8


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
