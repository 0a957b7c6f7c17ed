"""Sync cursors shared by the providers that page backwards in time (Bluesky, X), and the one
rule every provider keeps: a mention is returned once per batch."""

from __future__ import annotations

import json

from socialdesk.networks.base import FetchedMention


def read_cursor(cursor: str | None) -> tuple[str | None, str | None, str | None]:
    """(top, resume, stop) from a sync cursor: a plain position (the newest seen), or a gap left
    by a sync cut off at its page limit (see ``gap_cursor``)."""
    if cursor and cursor.startswith("{"):
        try:
            gap = json.loads(cursor)
            return gap.get("top"), gap.get("resume"), gap.get("stop")
        except (ValueError, AttributeError):
            pass
    return cursor, None, cursor


def gap_cursor(top: str | None, resume: str | None, stop: str | None) -> str:
    """A sync cut off before reaching ``stop`` (what the last one had): the next sync goes on from
    ``resume``, and only then moves to ``top``, so nothing in between is ever skipped."""
    return json.dumps({"top": top, "resume": resume, "stop": stop})


def unique(mentions: list[FetchedMention]) -> list[FetchedMention]:
    seen, out = set(), []
    for m in mentions:
        if m.remote_id not in seen:
            seen.add(m.remote_id)
            out.append(m)
    return out
