"""A client's brand voice as data: the words and phrases its replies avoid. The tone checks read
it (``core.tone``); the store keeps it with the client, without loading the checks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BannedPhrase:
    """A client's brand-voice rule: a word or phrase to avoid, and why (in the client's words)."""

    phrase: str
    message: str = ""
    suggestion: str | None = None
