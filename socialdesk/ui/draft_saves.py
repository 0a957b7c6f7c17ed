"""Drafts on their way to disk: the composer hands each save to the store's writer thread, and
until it is written what the save holds is newer than the file."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from socialdesk.app.replies import RepliesController

Key = tuple[int, int | None]  # a ReplyTarget's key: account id, mention id (None: a new post)


class PendingSave(NamedTuple):
    text: str
    cursor: int
    draft_id: int | None  # the draft it overwrites (None: a new one)


class DraftSaves:
    """The saves handed to the writer and not yet on disk, by target key."""

    def __init__(self, controller: RepliesController) -> None:
        self._controller = controller
        self._pending: dict[Key, PendingSave] = {}

    def __bool__(self) -> bool:
        return bool(self._pending)

    def pending(self, key: Key) -> PendingSave | None:
        return self._pending.get(key)

    def clear(self) -> None:
        self._pending.clear()

    def save(
        self, key: Key, text: str, cursor: int, draft_id: int | None, saved: Callable[[int], None]
    ) -> None:
        """Hand the draft to the writer; ``saved`` gets its id once it is on disk."""
        self._pending[key] = PendingSave(text, cursor, draft_id)

        def written(new_id: int) -> None:
            # A later save of the same draft may be queued behind this one: it stays pending.
            if self._pending.get(key, (None,))[0] == text:
                del self._pending[key]
            saved(new_id)

        self._controller.save_draft(key[0], key[1], text, cursor, draft_id, written)

    def keep_gone(self, draft_id: int, shown: Key | None) -> None:
        """Draft ``draft_id`` was approved or discarded elsewhere: a save still queued for it is
        written as a new draft rather than lost, unless it is the ``shown`` target's (the
        composer saves that one itself)."""
        for key, (text, cursor, gone) in list(self._pending.items()):
            if gone == draft_id:
                del self._pending[key]
                if key != shown:  # typed for a mention no longer shown: keep it all the same
                    self._controller.save_draft(key[0], key[1], text, cursor, None)
