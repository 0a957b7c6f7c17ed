"""Whether a reply offers a next step: an action or a promise with something in it, a time frame,
a link, an instruction, a way to get in touch, a question asking what is needed, or (to a
question) an answer."""

from __future__ import annotations

import re

from socialdesk.core.links import find_urls
from socialdesk.core.tone.base import _SENTENCE, _Draft
from socialdesk.core.tone.lists import _lists
from socialdesk.core.tone.negative_tone import _RHETORICAL
from socialdesk.core.tone.privacy import _EMAIL, _PHONE
from socialdesk.core.tone.style import _PLACEHOLDER


def _has_next_step(draft: _Draft, category: str, argued: list[tuple[int, int]]) -> bool:
    """Whether the reply offers something concrete. What a sentence that blames or argues
    promises or quotes is no step for them ("that's not right, a reminder was sent 7 days
    before"), though an instruction or an answer in it still is; a template's blank answers
    nothing ("we open at {opening_time}")."""
    lists = _lists()
    # The body, leading @handles blanked: "@vera PLEASE MOVE YOUR ROUTER" opens with "please".
    whole = _PLACEHOLDER.sub(lambda m: " " * len(m[0]), draft.body)
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
    r"(?:^|[.!?;:\n,]|\band\b|\bthen\b|\bso\b|\bbut\b)\s*(?:please|kindly)\s+([a-z][a-z-]*)\b(?!')",
    re.IGNORECASE,
)
_NOT_A_STEP = re.compile(
    r"be|bear|understand|note|accept|appreciate|don|do|stop|refrain|keep|wait|hold|allow|know|"
    r"remember|respect|consider|calm|try|direct|address|take",
    re.IGNORECASE,
)


# The first word of a sentence or clause, after "please", "just", "then", "next time," and the like
# ("…, but DM us the flight number", "you'll need to contact the maker directly").
_CLAUSE_START = re.compile(
    r"(?:^|[.!?;:\n]|,|\band\b|\bor\b|\bthen\b|\bbut\b)\s*"
    r"(?:(?:please|pls|just|simply|then|maybe|now|first|also|and|or|so|but|kindly|do|next time,?|"
    r"if so,?|otherwise,?|you'?ll need to|you need to|you'?ll have to)\s+)*([a-z][a-z-]*)\b(?!')",
    re.IGNORECASE,
)


def _offers(text: str, m: re.Match[str]) -> bool:
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
    r"\b(?:today|tonight|tomorrow|shortly|this (?:morning|afternoon|evening|week)|next week|monday"
    r"|tuesday"
    r"|next (?:update|release|version|month)"
    r"|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
_WILL = re.compile(
    r"\b(?:will|going to|comes?|coming|goes out|lands?|open|opens|back|ready|available|arrives?|"
    r"planned|scheduled|due|valid|(?:has|have) (?:it|this|that|them|you) (?:for|booked|down)|"
    r"arriving|reach(?:es)? you|be with you)\b|'ll\b|won'?t (?:arrive|be with you|reach you)\b"
    r"|\b(?:we'?re|we are|i'?m|i am) (?:also |now |already |currently )?\w+ing\b",
    re.IGNORECASE,
)
_ASKS_THEM = re.compile(
    r"\b(?:you|your)\b[^?]*\?\s*$|\b(?:want|shall|should|can|may) (?:us|we|i|me) \w+[^?]*\?\s*$",
    re.IGNORECASE,
)
# "shop.example/returns": a host and a path is a link to follow, whatever its top-level domain
# (the network's own link rules accept only the real ones).
_LINKISH = re.compile(r"\w\.[a-z]{2,}/[\w/.#?=&-]*\w", re.IGNORECASE)
_NUMBER = re.compile(r"[$€£¥]\s?\d|\d")
# "Settings → Sync → Merge duplicates", "Billing > Invoices": where to go in the app is a step.
_MENU_PATH = re.compile(r"\b[A-Z][\w-]*(?: [\w-]+){0,2} (?:→|›|>) ['\"‘“]?[A-Z]")
