"""Checks about the situation a reply is written in, in any language: length, crisis, trolls,
thread depth, the same text sent again, and the client's own banned phrases."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from socialdesk.core.counter import count
from socialdesk.core.tone.base import (
    Finding,
    ReplyContext,
    _appended,
    _body_start,
    _Draft,
    _finding,
)
from socialdesk.core.tone.lists import _lists, _phrase_pattern


# -- length and the situation the reply is written in --------------------------------------------
def _over_limit(draft: _Draft, context: ReplyContext) -> Iterable[Finding]:
    counted = count(draft.text, context.network, limits=context.limits)
    if counted.weighted_length > counted.limit:
        over = counted.weighted_length - counted.limit
        start = counted.overflow_start if counted.overflow_start is not None else len(draft.text)
        yield _finding(
            "over-limit",
            f"This is {over} character{'s' * (over != 1)} over the {counted.limit} the network "
            "allows; the highlighted end would not fit.",
            (start, len(draft.text)),
        )


def _situation(draft: _Draft, context: ReplyContext) -> Iterable[Finding]:
    if context.crisis:
        yield _finding(
            "crisis-individual-reply",
            "The client is in a crisis and this mention is about it. Answering people one by one "
            "invites more replies and commits the brand to answering everyone: point them to the "
            "public statement instead, or mark the mention as covered by it.",
        )
    if context.private:
        return
    if context.mention_category == "abuse" or "troll" in context.author_flags:
        why = (
            "was triaged as abuse"
            if context.mention_category == "abuse"
            else "is flagged as a troll"
        )
        yield _finding(
            "feeding-troll",
            f"This author {why}. A public reply gives the abuse an audience: ignore, hide or "
            "block, or write to them privately.",
        )
    if context.thread_depth >= 2 and not _lists().private_channel.search(draft.flat):
        yield _finding(
            "move-to-dm",
            f"This would be public reply number {context.thread_depth + 1} to this person here. "
            "Going back and forth in public is not a good look: invite them to continue by DM.",
            draft.insert_at_end(),
            _appended(draft, "Could you send us a DM so we can carry on there?"),
        )


# -- repetition and the client's own rules -------------------------------------------------------
def _repetition(draft: _Draft, context: ReplyContext) -> Iterable[Finding]:
    mine = _normalised(draft.text)
    sent = sum(1 for reply in context.recent_replies if _normalised(reply) == mine)
    if sent >= 3:
        yield _finding(
            "robotic",
            f"This exact text was already sent {sent} times in the last 24 hours. Personalise it "
            "(their name, their issue) so it doesn't read as pasted.",
        )


@lru_cache(maxsize=4096)  # the same recent replies come back on every keystroke
def _normalised(text: str) -> str:
    body = text[_body_start(text) :]
    return " ".join(body.casefold().split()).rstrip(".!? ")


def _brand_voice(draft: _Draft, context: ReplyContext) -> Iterable[Finding]:
    for rule in context.banned_phrases:
        if not rule.phrase.strip():
            continue
        m = _phrase_pattern([rule.phrase]).search(draft.flat)
        if m:
            yield _finding(
                "brand-voice",
                rule.message or f"“{m[0]}” is on this client's list of words to avoid.",
                m.span(),
                rule.suggestion,
            )
