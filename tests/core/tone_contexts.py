"""What the tone test files share: a mention of each common kind to reply to, and the codes a
draft fires in reply to one."""

from __future__ import annotations

from socialdesk.core.tone import ReplyContext, check

COMPLAINT = ReplyContext(mention_category="complaint", mention_text="charged twice for one order")
QUESTION = ReplyContext(mention_category="question", mention_text="where is my order?")
PRAISE = ReplyContext(mention_category="praise", mention_text="love the new candles")


def fired(draft: str, context: ReplyContext = COMPLAINT) -> set[str]:
    return {f.code for f in check(draft, context)}
