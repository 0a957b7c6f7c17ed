"""What shows the customer they were heard: an apology or an acknowledgement, empathy for what
happened to them, a thank-you. The wording checks ask for it; negative tone leaves it out of what
it weighs."""

from __future__ import annotations

import re
from functools import cache

from socialdesk.core.tone.base import _sentence_start
from socialdesk.core.tone.lists import _lists

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
        start = _sentence_start(text, m.start(), max(0, m.start() - 200))
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


@cache
def _empathy() -> re.Pattern[str]:
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
        # "losing a full basket is maddening": negative tone blanks it back to the clause's start
        r"|\b(?P<after>is|was|sounds|must\s+be|must\s+have\s+been)\s+"
        + degree
        + rf"(?:{feelings})\b",
        re.IGNORECASE,
    )


# blames-customer is "the draft puts the fault on the customer": "not your fault", "definitely not
# user error", "which isn't your problem" say the opposite, and clear them.
_CLEARS = re.compile(
    r"\b(?:not|isn't|isnt|wasn't|wasnt|never|nothing to do with)\s+(?:[\w']+\s+){0,2}$",
    re.IGNORECASE,
)


def _clears_them(text: str, start: int) -> bool:
    """Whether the blame words at ``start`` are negated: they clear the customer."""
    return bool(_CLEARS.search(text, max(0, start - 40), start))
