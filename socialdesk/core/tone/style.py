"""Checks of the draft's form, in any language: capitals and punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterable

from socialdesk.core.tone.base import Finding, _Draft, _finding
from socialdesk.core.tone.lists import _lists

# -- capitals and punctuation (any language) -----------------------------------------------------
# Words of two letters or more ("I" and "a" are neither shouting nor quiet).
# Words with two letters or more: "I" and "a" say nothing about shouting.
_WORDS = re.compile(r"[^\W\d_][\w'’-]*[^\W\d_][\w'’-]*")


def _shouting(draft: _Draft) -> Iterable[Finding]:
    words = list(_WORDS.finditer(draft.text, draft.body_start))
    acronyms = _lists().acronyms
    plain = [m for m in words if m[0].lower().strip("'’") not in acronyms]
    shouted = [m for m in plain if m[0].isupper()]
    # Most words in capitals; two are shouting too when every word but the acronyms is in capitals
    # ("NO REFUNDS", "PLEASE DM US").
    if (len(shouted) >= 3 and len(shouted) * 2 > len(words)) or 2 == len(shouted) == len(plain):
        span = (shouted[0].start(), shouted[-1].end())
        yield _finding(
            "shouting",
            f"{len(shouted)} of {len(words)} words are in capitals, which reads as shouting.",
            span,
            _sentence_case(draft.text[span[0] : span[1]], acronyms),
        )


def _sentence_case(text: str, acronyms: frozenset[str]) -> str:
    out, new_sentence = [], True
    for piece in re.split(r"(\W+)", text):
        if piece.isupper() and piece.lower() not in acronyms and len(piece) > 1:
            piece = piece.capitalize() if new_sentence else piece.lower()
        if piece.strip():
            new_sentence = bool(re.search(r"[.!?]\s*$", piece)) if not piece[0].isalnum() else False
        out.append(piece)
    return "".join(out)


_PUNCTUATION_RUN = re.compile(r"[!?！？]*[!！][!?！？]*[!?！？]|[?？]{2,}|[?？][!！]+[!?！？]*")


def _punctuation(draft: _Draft) -> Iterable[Finding]:
    run = _PUNCTUATION_RUN.search(draft.text)
    exclamations = draft.text.count("!") + draft.text.count("！")
    if run:
        mark = "?" if "?" in run[0] or "？" in run[0] else "!"
        yield _finding(
            "excess-punctuation",
            f"“{run[0]}” reads as shouting or exasperation; one mark is enough.",
            run.span(),
            mark,
        )
    elif exclamations >= 3:
        first = draft.text.index("!") if "!" in draft.text else draft.text.index("！")
        yield _finding(
            "excess-punctuation",
            f"{exclamations} exclamation marks in one reply read as over-excited; keep one.",
            (first, first + 1),
            ".",
        )


# -- templates sent with a blank left in ---------------------------------------------------------
_PLACEHOLDER = re.compile(
    r"\{\{?\s*[\w.]+\s*\}\}?"  # {first_name}, {{customer.first_name}}
    r"|\[(?:(?-i:[A-Z][A-Z _]{1,30})|name|first name|customer name|issue|order number)\]"  # [NAME]
    r"|<(?:name|first ?name|customer|issue)>"  # <name>
    r"|(?<!\w)(?:affected by|regarding|about|for|with|on)\s*(?:…|\.\.\.|_{2,}|XX+)(?=[\s:;,.!?]|$)",
    re.IGNORECASE,
)


def _unfilled_template(draft: _Draft) -> Iterable[Finding]:
    """``unfilled-template``: a saved reply or statement with a blank still in it reads as
    pasted at best, and as a mistake in public at worst."""
    m = _PLACEHOLDER.search(draft.text, draft.body_start)
    if m:
        yield _finding(
            "unfilled-template",
            f"“{m[0]}” is a blank left in a template: fill it in (their name, their issue) or "
            "take it out before sending.",
            m.span(),
        )
