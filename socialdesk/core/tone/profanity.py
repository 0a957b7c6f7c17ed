"""Swearing, however it is spelled: leet ("sh1t"), stretched ("fuuuck"), dotted or starred
("f**k")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from socialdesk.core.tone.base import Finding, _Draft, _finding
from socialdesk.core.tone.lists import _lists, _Profanity

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


@cache
def _swearing() -> re.Pattern[str]:
    """The listed swear words as they are usually spelled (stems with any ending)."""
    words = _lists().profanity
    spelled = [re.escape(w) for w in sorted(words.exact, key=len, reverse=True)]
    spelled += [re.escape(w) + r"\w*" for w in sorted(words.stems, key=len, reverse=True)]
    return re.compile(rf"(?<![\w'])(?:{'|'.join(spelled)})(?![\w'])", re.IGNORECASE)
