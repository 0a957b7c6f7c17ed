"""Tone checks for reply drafts: the composer's coach (customer-care.md, "Reply tone checks").

Every check is an explainable rule — a phrase from a word list in ``resources/tone/``, a pattern, a
measure — so each finding can say what fired and why. Runs offline on every keystroke: the lists and
VADER load once, then ``check`` costs well under a millisecond for a 280-character draft.

One module per family of checks:

- ``situation``: length, crisis, trolls, thread depth, repetition, the client's banned phrases;
- ``privacy``: the customer's details in public (emails, phones, orders, cards, IBANs, national
  identity numbers, addresses), shown or asked for;
- ``style``: capitals, punctuation, and templates sent with a blank left in;
- ``wording``: the English word lists (blame, defensiveness, boilerplate, apology, thanks), and
  the English checks kept in their own modules, which it runs: ``negative_tone`` (negative or
  dismissive tone), ``profanity``, ``next_step``; ``acknowledgement`` finds what shows the
  customer they were heard (an apology, empathy, thanks) for all of them.

The English-list checks step aside for drafts in another language (``socialdesk.core.language``
decides, and a finding says so); the others always run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from socialdesk.core.brand_voice import BannedPhrase
from socialdesk.core.tone.base import (
    CODES,
    Finding,
    ReplyContext,
    Severity,
    _Draft,
    _finding,
    _sort_key,
)

if TYPE_CHECKING:
    from socialdesk.core import language

# The checks themselves (their patterns, the counter, the language detector) load on the first
# check, not with the package: the types above are what a window needs before it paints.

__all__ = ["CODES", "BannedPhrase", "Finding", "ReplyContext", "Severity", "check", "load"]


_NO_CONTEXT = ReplyContext()


def check(draft: str, context: ReplyContext = _NO_CONTEXT) -> list[Finding]:
    if not isinstance(draft, str):
        raise TypeError(f"draft must be a str, not {type(draft).__name__}")
    if not isinstance(context, ReplyContext):
        raise TypeError(f"context must be a ReplyContext, not {type(context).__name__}")
    from socialdesk.core.tone.privacy import _private_data
    from socialdesk.core.tone.situation import (
        _brand_voice,
        _over_limit,
        _repetition,
        _situation,
    )
    from socialdesk.core.tone.style import _punctuation, _shouting, _unfilled_template
    from socialdesk.core.tone.wording import _english

    draft_ = _Draft(draft)
    if not draft_.content:
        empty = _finding("empty", "There is nothing to send yet: write a reply first.")
        return sorted([empty, *_nothing_said(context)], key=_sort_key)
    findings = [*_over_limit(draft_, context), *_situation(draft_, context)]
    findings += [*_private_data(draft_, context), *_shouting(draft_), *_punctuation(draft_)]
    findings += [*_repetition(draft_, context), *_brand_voice(draft_, context)]
    findings += _unfilled_template(draft_)
    written_in = _draft_language(draft_.content)
    if written_in.english:
        findings += _english(draft_, context)
    else:
        findings.append(
            _finding(
                "other-language",
                f"This reply looks like {written_in.name}. The checks for apology, next step, "
                "blame, defensiveness, profanity, tone, boilerplate and thanks read English only, "
                "so they were skipped; length, capitals, punctuation and private data were "
                "checked.",
            )
        )
    return sorted(findings, key=_sort_key)


def _nothing_said(context: ReplyContext) -> list[Finding]:
    """An empty reply also lacks what its mention needs: a thank-you for praise, an apology for a
    complaint, an answer or a next step for a complaint or a question (customer-care.md, "Which
    replies need what"); said briefly, under the ``empty`` finding that blocks it."""
    needs = {
        "praise": ("unthanked-praise",),
        "complaint": ("missing-apology", "no-next-step"),
        "question": ("no-next-step",),
        "criticism": ("missing-apology",),
        "abuse": ("missing-apology",),
    }.get(context.mention_category or "", ())
    said = {
        "unthanked-praise": "They said something nice: the reply should thank them.",
        "missing-apology": "The reply should acknowledge the problem or say sorry.",
        "no-next-step": "The reply should offer something concrete: an answer, an action, a time "
        "frame, a link or a way to continue privately.",
    }
    return [_finding(code, said[code]) for code in needs]


def _draft_language(content: str) -> language.Language:
    """The draft's language; a short draft the detector calls foreign on its own is still read as
    English (the checks would rather run than step aside by mistake), unless more common words of
    that language are in it than English ones ("Gracias, qué bien.", "Dat is niet waar.")."""
    from socialdesk.core import language

    found = language.detect(content)
    if found.english or found.how in ("script", "common words"):
        return found
    letters = sum(c.isalpha() for c in content)
    if letters >= 25:
        return found
    _voted, votes = language._by_common_words(content.lower())
    if found.listed and votes.get(found.code, 0) > votes["en"]:
        return found
    return language.ENGLISH


def load() -> None:
    """Read the word lists, VADER and the language detector now (they load lazily otherwise)."""
    from socialdesk.core import language
    from socialdesk.core.tone.lists import _lists, _vader

    _lists()
    _vader()
    language.load()
