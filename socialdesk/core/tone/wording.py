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
from socialdesk.core.tone.style import _PLACEHOLDER


# -- English word lists --------------------------------------------------------------------------
def _english(draft: _Draft, context: ReplyContext) -> list[Finding]:
    lists = _lists()
    # Blame and defensiveness found once: the first of each is a finding, and all of them are
    # left out of what negative-tone weighs.
    blames = [
        m for m in lists.blame.finditer(draft.body) if not _OWN_FAULT.search(m.string, 0, m.start())
    ]
    defends = list(lists.defensive.finditer(draft.body))
    if context.mention_category in _NO_PROBLEM:
        # "It's gorgeous, isn't it?" to praise agrees with them: a tag question contradicts only
        # someone who has a complaint to contradict.
        defends = [m for m in defends if not m[0].rstrip().endswith("?")]
    corrected = [] if defends else _corrects_them(draft, context.mention_text)
    found = [
        *_listed(draft, lists.blame, "blames-customer", _BLAME_MESSAGE, blames),
        *_listed(draft, lists.defensive, "defensive", _DEFENSIVE_MESSAGE, defends),
        *corrected,
        *_profanity(draft),
        *_negative_tone(draft, context, [m.span() for m in (*blames, *defends)]),
        *_listed(draft, lists.boilerplate, "robotic", _BOILERPLATE_MESSAGE),
    ]
    if not any(f.code in _TONE for f in found):
        found += _apology_taken_back(draft)
    category = context.mention_category
    thanked = category in ("criticism", "abuse") and _THANKED_FOR_IT.search(draft.flat)
    if _needs_apology(context) and not (thanked or _acknowledges(draft.flat)):
        found.append(
            _finding(
                "missing-apology",
                "You are replying to a complaint without acknowledging it. Start by saying sorry "
                "or showing you understand (“That's frustrating, let's fix it”).",
                draft.insert_at_body(),
                "Sorry about this! ",
            )
        )
    argued = [f.span for f in found if f.code in _ARGUING and f.span and not _reminds(draft, f)]
    if category in ("complaint", "question") and not _has_next_step(draft, category, argued):
        found.append(
            _finding(
                "no-next-step",
                f"This reply to a {category} offers nothing concrete: give an answer, an action, "
                "a time frame, a link or a way to continue privately.",
                draft.insert_at_end(),
                _appended(draft, "Send us a DM and we'll sort this out for you."),
            )
        )
    codes = {f.code for f in found}
    # Neither sorry nor anything to do next, in answer to a complaint: a brush-off.
    brushed_off = {"missing-apology", "no-next-step"} <= codes and not codes & set(_TONE)
    if category == "complaint" and brushed_off:
        found.append(
            _finding(
                "negative-tone",
                "This answers a complaint with neither an apology nor anything they can do "
                "next, which reads as a brush-off. Say sorry (or that you understand), then "
                "what happens next.",
            )
        )
    unheard = "missing-apology" in codes and not codes & set(_TONE)
    if category == "criticism" and unheard and not _has_next_step(draft, category, []):
        # Criticism answered with neither an acknowledgement, a thank-you nor anything to do
        # (a survey, a link), only a case for the brand ("We pay every penny of tax we owe"):
        # it argues instead of hearing them.
        for f in _explained_away(draft):
            if f.code == "defensive" and f.span:
                found.append(
                    _finding(
                        "defensive",
                        f"“{draft.text[f.span[0] : f.span[1]]}” makes the brand's case without "
                        "first hearing theirs, which reads as arguing back. Acknowledge their "
                        "point (or thank them for it), then explain.",
                        f.span,
                    )
                )
    sorry_without_step = "no-next-step" in codes and "missing-apology" not in codes
    if category == "complaint" and sorry_without_step and not codes & {*_TONE, "robotic"}:
        found += _explained_away(draft)
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


def _corrects_them(draft: _Draft, mention: str) -> list[Finding]:
    """ "X, not Y" where Y is what their mention said ("12 minutes, not the whole sale", "8%, not
    20%"): the reply corrects the customer's own words in public, whatever words it uses."""
    if not mention or "not" not in draft.body:
        return []
    theirs = set(_WORD.findall(mention.lower().replace("\u2019", "'")))
    for m in _NOT_Y.finditer(draft.body, draft.body_start, draft.body_start + 5_000):
        words = [w for w in _WORD.findall(m[1].lower()) if w not in _FILLER]
        if words and any(w in theirs for w in words):
            quoted = draft.text[m.start() : m.end()].lstrip(", ")
            start = m.end() - len(quoted)
            return [
                _finding(
                    "defensive",
                    f"“{quoted}” corrects what they said, in front of everyone; even when you "
                    "are right, it reads as the brand arguing. Acknowledge how it looked to them, "
                    "then give the facts and what you will do.",
                    (start, m.end()),
                )
            ]
    return []


_NOT_Y = re.compile(r",\s*(?:and\s+)?not\s+((?:[\w%£$€'-]+\s*){1,5})(?=[.,;!?)]|$)", re.I)
_WORD = re.compile(r"[\w%£$€'-]+")
_FILLER = frozenset(
    re.findall(
        r"\w+",
        "a an the as you your yours said say says claim claimed think thought it that this to of "
        "on in at for by and or is was were be been are us we our all again yet now sure really "
        "quite so too exactly ideal great good ok okay fun nice what how here there ever",
    )
)


# Thanking them for criticism acknowledges it ("thanks for saying so"); a complaint needs more.
_THANKED_FOR_IT = re.compile(
    r"\bthank(?:s| you) for (?:saying (?:so|it|that)|telling us|flagging|raising|letting us know|"
    r"the (?:honest )?feedback|your (?:honest )?feedback|being honest|the honesty)\b",
    re.IGNORECASE,
)


def _acknowledges(text: str) -> bool:
    """An apology or an acknowledgement; granting their point ("fair enough") does not count in a
    sentence that brushes them off ("fair enough, you're free to shop elsewhere")."""
    lists = _lists()
    for m in lists.acknowledgement.finditer(text):
        if not _GRANTS.fullmatch(m[0].strip()):
            return True
        start = max(text.rfind(mark, max(0, m.start() - 200), m.start()) for mark in ".!?\n") + 1
        stops = [text.find(mark, m.end(), m.end() + 200) for mark in ".!?\n"]
        end = min((i for i in stops if i >= 0), default=m.end() + 200)
        if not lists.hostile.search(text[start:end]):
            return True
    return False


_GRANTS = re.compile(
    r"(?:that(?:'s| is)(?: a)? )?fair(?: enough| question| criticism| comment)?|"
    r"but fair|we(?:'re| are) aware|we know|ouch",
    re.IGNORECASE,
)


def _thanks_them(text: str) -> bool:
    """A thank-you to the person: "thanks to Marco" credits someone else, and "we'll pass your
    thanks on" thanks nobody."""
    return any(
        not _NOT_THANKS.search(text, m.start() - 12 if m.start() > 12 else 0, m.end() + 4)
        for m in _lists().thanks.finditer(text)
    )


_NOT_THANKS = re.compile(r"\b(?:thanks?|thank you) to\b|\byour thanks\b|\bno thanks\b", re.I)


_BLAME_MESSAGE = "“{}” puts the fault on the customer; in public that starts an argument."
_DEFENSIVE_MESSAGE = "“{}” argues with the customer; acknowledge their view and explain instead."
_BOILERPLATE_MESSAGE = "“{}” reads as a pasted stock phrase; say it in your own words."


def _listed(
    draft: _Draft,
    table: _PhraseTable,
    code: str,
    message: str,
    found: list[re.Match] | None = None,
) -> Iterable[Finding]:
    """The first phrase of ``table`` in the draft (or among the matches ``found`` already),
    quoted, with its list's ``why:`` (what it does to the reader and what to write instead), or
    ``message`` when the list gives none."""
    for m in table.finditer(draft.body) if found is None else found:
        if not _NOT_BLAME.match(draft.body, m.end()) or "should" not in m[0]:
            quoted = draft.text[m.start() : m.end()]
            why = table.why(m[0])
            said = f"“{quoted}” {why}" if why else message.format(quoted)
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
    r"\b(?:\d+(?:[.:]\d+)?\s*(?:am|pm|h|hrs?|hours?|mins?|minutes?|days?|weeks?"
    r"|(?:working|business) (?:days|hours))"
    r"|\d{1,2}:\d{2}|within (?:the |an? |\d|one|two|a few|the next)"
    r"|by (?:the )?(?:end|today|tonight|tomorrow|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|\d))\b",
    re.IGNORECASE,
)
# "Today" is a time frame in "it ships today", not in "sorry about the delay today".
_WHEN = re.compile(
    r"\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week)|next week|monday|tuesday"
    r"|next (?:update|release|version|month)"
    r"|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
_WILL = re.compile(
    r"\b(?:will|going to|comes?|coming|goes out|lands?|open|opens|back|ready|available|arrives?|"
    r"arriving|reach(?:es)? you|be with you)\b|'ll\b|won'?t (?:arrive|be with you|reach you)\b"
    r"|\b(?:we'?re|we are|i'?m|i am) \w+ing\b",
    re.IGNORECASE,
)
_ASKS_THEM = re.compile(
    r"\b(?:you|your)\b[^?]*\?\s*$|\b(?:want|shall|should|can|may) (?:us|we|i|me) \w+[^?]*\?\s*$",
    re.IGNORECASE,
)
# A question that asks them to account for themselves asks nothing the brand can act on.
_RHETORICAL = re.compile(
    r"(?:so |and |but |well,? )?(?:what (?:did|do|else did|else do) you (?:expect|think|want)"
    r"|why (?:did|would|didn'?t|wouldn'?t) you|how (?:did|could) you|who told you"
    r"|did you (?:even|really|not|actually))\b",
    re.IGNORECASE,
)
# "shop.example/returns": a host and a path is a link to follow, whatever its top-level domain
# (the network's own link rules accept only the real ones).
_LINKISH = re.compile(r"\w\.[a-z]{2,}/[\w/.#?=&-]*\w", re.IGNORECASE)
_NUMBER = re.compile(r"[$€£¥]\s?\d|\d")
# "Settings → Sync → Merge duplicates", "Billing > Invoices": where to go in the app is a step.
_MENU_PATH = re.compile(r"\b[A-Z][\w-]*(?: [\w-]+){0,2} (?:→|›|>) ['\"‘“]?[A-Z]")


_ARGUING = ("blames-customer", "defensive")
# "We should have told you when you booked": the brand owning a failure, not blaming them.
_OWN_FAULT = re.compile(
    r"\b(?:we|i)\s+(?:should|could|ought to|would|must)(?:\s+have|'ve)\s+$", re.I
)


def _explained_away(draft: _Draft) -> list[Finding]:
    """A complaint answered with an apology and an explanation but nothing to put it right:
    the explanation reads as arguing the complaint away (defensive), or, when it is about what
    they did or have ("the label was printed with your old address"), as blame. Clauses that only
    apologise, name their feeling or wish them well are left alone."""
    lists = _lists()
    explained: list[tuple[int, int]] = []
    for m in _CLAUSE.finditer(draft.body, draft.body_start):
        said = m[0].strip()
        if len(said.split()) < 3 or _WISH.match(said) or lists.acknowledgement.search(said):
            continue
        if _empathy().search(said) or lists.thanks.search(said):
            continue
        start = m.start() + len(m[0]) - len(m[0].lstrip())
        explained.append((start, start + len(said)))
    if not explained:
        return []
    about_them = [span for span in explained if _BLAMING.search(draft.body, *span)]
    if about_them:
        start, end = about_them[0]
        return [
            _finding(
                "blames-customer",
                f"“{draft.text[start:end]}” explains the problem through what they did or have, "
                "and no fix follows, so it reads as blame. Say what you will do about it instead.",
                (start, end),
            )
        ]
    start, end = explained[0]
    return [
        _finding(
            "defensive",
            f"“{draft.text[start:end]}” explains why it happened but nothing puts it right, so it "
            "reads as arguing the complaint away. Say what you will do about it.",
            (start, end),
        )
    ]


# A clause: up to a sentence's end, a comma, a semicolon, a colon or a "but".
_CLAUSE = re.compile(r"(?:(?!\bbut\b)[^.!?\n,;:])+", re.IGNORECASE)
# Clauses that wish them well, promise, or name how it felt ("that's really disruptive", "what a
# week"): not an explanation.
_WISH = re.compile(
    r"(?:we |i )?(?:hope|wish|trust)\b|have a\b|enjoy\b|(?:we|i)(?:'ll| will|'re going to)\b"
    r"|(?:that|this|it)(?:'s| is| was| sounds| must| seems)\b|(?:what|how|such)\b",
    re.IGNORECASE,
)
# An explanation that points at them: "your", or a cause ("because the address was missing").
_BLAMING = re.compile(
    r"\b(?:you|your|yours|you'[a-z]+|because|since|unless|(?:when|if) (?:an?|the)\b)", re.IGNORECASE
)
_TONE = ("blames-customer", "defensive", "negative-tone")


def _apology_taken_back(draft: _Draft) -> list[Finding]:
    """A sentence that opens "Sorry, but …" and goes on with a statement rather than a fix: the
    "but" takes the apology back, and what comes after it argues. Said only when nothing more
    specific was found."""
    m = _SORRY_BUT.search(draft.body, draft.body_start)
    if not m or _FIX_AFTER.match(draft.body, m.end()):
        return []
    opening = max(draft.body.rfind(mark, 0, m.start()) for mark in ".!?\n") + 1
    if draft.body[opening : m.start()].strip():  # "not in this store, sorry, but Leeds has it"
        return []
    quoted = draft.text[m.start() : m.end()]
    stops = [draft.body.find(mark, m.end()) for mark in ".!?\n"]
    after = draft.body[m.end() : min((i for i in stops if i >= 0), default=len(draft.body))]
    if _BLAMING.search(after):
        return [
            _finding(
                "blames-customer",
                f"“{quoted}” takes the apology back, and what follows puts it on them. Apologise "
                "fully, then say what you will do.",
                m.span(),
            )
        ]
    return [
        _finding(
            "defensive",
            f"“{quoted}” takes the apology back: what comes after the “but” is what they hear, "
            "and it argues. Apologise fully, then say what you will do.",
            m.span(),
        )
    ]


_SORRY_BUT = re.compile(
    r"\b(?:(?:i'?m |we'?re |we are |so |really )?sorry|apologies|(?:we|i) apologi[sz]e)"
    # "Sorry you feel that way, but", "Sorry to hear that, but": the apology's own clause first
    r"(?: (?:you|that|to hear|about|for|if)\b[^,.!?;:\n]{0,40})?,? "
    r"(?:but|however)\b",
    re.IGNORECASE,
)
# What may follow "sorry, but" without arguing: the fix, or good news.
_FIX_AFTER = re.compile(
    r"\s+(?:we'?ll|we will|(?:we'?ve|we have) (?:now |just |already )?(?:sent|refunded|fixed|"
    r"booked|credited|arranged|replaced|added|rebooked|cancelled|canceled|reversed)|i'?ll|"
    r"(?:the )?good news|here'?s|you can|a (?:new|replacement|refund)|your (?:refund|replacement))",
    re.IGNORECASE,
)


def _reminds(draft: _Draft, finding: Finding) -> bool:
    """A blame that only reminds them they were told ("as we've said, it ships Monday"): the
    sentence still gives its answer."""
    said = draft.flat[finding.span[0] : finding.span[1]] if finding.span else ""
    return finding.code == "blames-customer" and _lists().blame.kind(said) == "reminder"


def _has_next_step(draft: _Draft, category: str, argued: list[tuple[int, int]]) -> bool:
    """Whether the reply offers something concrete. What a sentence that blames or argues
    promises or quotes is no step for them ("that's not right, a reminder was sent 7 days
    before"), though an instruction or an answer in it still is; a template's blank answers
    nothing ("we open at {opening_time}")."""
    lists = _lists()
    whole = _PLACEHOLDER.sub(lambda m: " " * len(m[0]), draft.flat)
    text = whole
    if argued:
        chars = list(text)
        for said in _SENTENCE.finditer(text):
            if any(start < said.end() and said.start() < end for start, end in argued):
                chars[said.start() : said.end()] = " " * (said.end() - said.start())
        text = "".join(chars)
    if any(_offers(text, m) for m in lists.next_step.finditer(text)):
        return True
    if (
        _TIME_FRAME.search(text)
        or find_urls(whole)
        or ("/" in whole and _LINKISH.search(whole))
        or _MENU_PATH.search(whole)
        or _instructs(whole)
    ):
        return True
    if any(_WHEN.search(said) and _WILL.search(said) for said in _SENTENCE.findall(text)):
        return True
    if _EMAIL.search(whole) or _PHONE.search(whole):  # a way to get in touch
        return True
    if any(
        _ASKS_THEM.search(said) and not _RHETORICAL.match(said.lstrip())
        for said in _SENTENCE.findall(whole)
    ):
        return True  # asking them for what is needed next ("Could you tell us which store?")
    return category == "question" and bool(lists.answer.search(whole) or _NUMBER.search(whole))


def _instructs(text: str) -> bool:
    """A sentence or clause that opens with an instruction ("Unplug the router", "Next time,
    enter it before paying", "if that fails, restart it"): something for them to do."""
    verbs = _lists().instruction_verbs
    if any(m[1].lower() in verbs for m in _CLAUSE_START.finditer(text[:5000])):
        return True
    # "Please present your e-ticket at the gate": whatever verb follows a clause-opening "please"
    # asks them to do something, unless it only asks them to wait or to accept ("please note") or
    # sends them away ("please direct all complaints to head office").
    head = text[:5000]
    if "please" not in head.lower() and "kindly" not in head.lower():
        return False
    return any(not _NOT_A_STEP.fullmatch(m[1]) for m in _PLEASE_VERB.finditer(head))


_PLEASE_VERB = re.compile(
    r"(?:^|[.!?;:\n,]|\band\b|\bthen\b)\s*(?:please|kindly)\s+([a-z][a-z-]*)\b(?!')",
    re.IGNORECASE,
)
_NOT_A_STEP = re.compile(
    r"be|bear|understand|note|accept|appreciate|don|do|stop|refrain|keep|wait|hold|allow|know|"
    r"remember|respect|consider|calm|try|direct|address|take",
    re.IGNORECASE,
)


# The first word of a sentence or clause, after "please", "just", "then", "next time," and the like.
_CLAUSE_START = re.compile(
    r"(?:^|[.!?;:\n]|,|\band\b|\bor\b|\bthen\b)\s*"
    r"(?:(?:please|pls|just|simply|then|maybe|now|first|also|and|or|so|kindly|do|next time,?|"
    r"if so,?|otherwise,?)\s+)*([a-z][a-z-]*)\b(?!')",
    re.IGNORECASE,
)


def _offers(text: str, m: re.Match) -> bool:
    """Whether a next-step word really offers something: "we'll" followed by a promise with
    nothing in it ("we'll pass it on", "we've noted it": ``vague-promises.txt``), a step that is
    refused ("we can't send a replacement"), "we try our best", "due to" and "that's on us" (owning
    the mistake, not an offer) do not."""
    said = m[0].lower()
    if _PROMISE.fullmatch(said):
        after = _ADVERBS.sub("", text[m.end() : m.end() + 60].lstrip())
        if not after or after[0] in ".!?" or _lists().vague_promises.match(after):
            return False
    if said in ("try", "expect") and _WE_BEFORE.search(text, 0, m.start()):
        return False
    if said == "due" and text[m.end() : m.end() + 3].lower() == " to":
        return False
    if said == "on us" and _OWNED_BEFORE.search(text, 0, m.start()):
        return False
    before = text[max(0, m.start() - 40) : m.start()]
    clause = re.split(r"[.,;:!?\n]|\bbut\b", before)[-1].split()[-3:]
    negator = next((w for w in clause if _NEGATOR.fullmatch(w)), None)
    return negator is None or "hesitate" in clause


_PROMISE = re.compile(
    r"we'?ll|we will|we'?ve|we have|i'?ll|i will|i'?ve|i have|our team will|our team is",
    re.IGNORECASE,
)
_ADVERBS = re.compile(
    r"^(?:(?:also|definitely|certainly|absolutely|of course|really|surely|now|then|just|be sure "
    r"to|make sure to),?\s+)+",
    re.IGNORECASE,
)
# "we try", "did you expect": nothing offered.
_WE_BEFORE = re.compile(r"\b(?:we|i|they|always|you)\s+$", re.IGNORECASE)
_OWNED_BEFORE = re.compile(
    r"\b(?:that'?s|that is|this is|this one'?s|it'?s|it is|was|all|totally|completely|entirely|"
    r"fully|squarely)\s+$",
    re.IGNORECASE,
)
_NEGATOR = re.compile(
    r"no|not|never|nothing|can'?t|cannot|won'?t|don'?t|doesn'?t|didn'?t|unable|isn'?t|aren'?t",
    re.IGNORECASE,
)


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
def _negative_tone(
    draft: _Draft, context: ReplyContext, argued: list[tuple[int, int]]
) -> Iterable[Finding]:
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
    refusal = _REFUSAL.fullmatch(draft.flat, draft.body_start)
    if refusal:
        yield _finding(
            "negative-tone",
            f"“{refusal[1]}” is the whole reply: it turns them away with nothing offered, and a "
            "“sorry” tacked on does not soften it. Say what you can do instead, or who can help.",
            refusal.span(1),
        )
        return
    # Sarcasm and brush-offs are read in a reply to someone with a problem (or of unknown mood);
    # to praise, feedback or chatter only an outright attack counts.
    troubled = context.mention_category not in _NO_PROBLEM
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
            if not _owned(flat, m) and _counts(lists.hostile.kind(m[0]), troubled, sorry)
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


# Emoji that laugh, roll eyes or shrug: mocking in a reply to someone with a problem.
_MOCKING = re.compile("[\U0001F602\U0001F923\U0001F644\U0001F643\U0001F921\U0001F60F\U0001F971"
                      "\U0001F485\U0001F926\U0001F937]")  # fmt: skip
_HAS_A_PROBLEM = ("complaint", "criticism", "abuse", "question")
_NO_PROBLEM = ("praise", "feedback", "other")
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


@cache
def _swearing() -> re.Pattern:
    """The listed swear words as they are usually spelled (stems with any ending)."""
    words = _lists().profanity
    spelled = [re.escape(w) for w in sorted(words.exact, key=len, reverse=True)]
    spelled += [re.escape(w) + r"\w*" for w in sorted(words.stems, key=len, reverse=True)]
    return re.compile(rf"(?<![\w'])(?:{'|'.join(spelled)})(?![\w'])", re.IGNORECASE)


def _owned(text: str, m: re.Match) -> bool:
    """A harsh word said about the brand's own failure in a sentence that apologises ("sorry the
    tracking page was useless", "the wait has been a nightmare, we're so sorry") is agreement, not
    hostility; "sorry, but your attitude is ridiculous" is not, and neither is a shape ("good luck
    getting") or a phrase."""
    if " " in m[0].strip():
        return False
    start = max(text.rfind(mark, max(0, m.start() - 200), m.start()) for mark in ".!?\n") + 1
    stops = [text.find(mark, m.end(), m.end() + 200) for mark in ".!?\n"]
    end = min((i for i in stops if i >= 0), default=m.end() + 200)
    said = text[start:end]
    return bool(_lists().acknowledgement.search(said)) and not _BUT.search(said)


# A reply that is nothing but a refusal or a shrug, a "sorry" at most tacked on: "No idea, sorry.",
# "Never going to happen.", "Excuse me?!"
_REFUSAL = re.compile(
    r"\W*((?:no idea|no clue|not a clue|(?:that'?s |it'?s )?(?:never|not) (?:going to|gonna) happen"
    r"|not happening|no chance|no way|(?:we )?can'?t help(?: (?:you|with that))?|excuse me"
    r"|not our (?:problem|job|department))(?:,? sorry)?)\s*[.!?]*\s*",
    re.IGNORECASE,
)
# A reply that opens with a one-word brush-off as its whole sentence: "Noted." "Fine." "Ok.", or
# with a one-word sarcasm: "Fascinating."
_CURT = re.compile(
    r"\W*((?:(?:duly )?noted|ok|okay|k|kk|fine|understood|whatever|received|acknowledged|got it"
    r"|if you say so|fascinating|riveting|charming|wonderful|interesting)"
    r"(?:,? (?:noted|fine|ok|okay|then))?)\s*(?:\.+|$)(?=\s|$)",
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
        + rf"(?:{feelings})\b(?!\s+things?\s+to\s+say)"
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
