"""The Qt face of managing clients: add, edit (name, colour, response target, service hours and
time zone, brand voice), archive and restore, and delete with a window in which it can be undone.

A deletion is made in two steps, so a slip costs nothing: the client is marked deleted (hidden
everywhere at once, Ctrl+Z or the banner's Undo brings it back), and only after ``UNDO_SECONDS``
is it removed with its accounts (their secrets leave the keyring), mentions, drafts and outbox. A
deletion the app was closed on is finished at the next start (``finish_deletions``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from socialdesk.app.context import AppContext, Changes
from socialdesk.core.brand_voice import BannedPhrase
from socialdesk.store import client_lifecycle, clients, mentions
from socialdesk.store.client_lifecycle import ClientFootprint
from socialdesk.store.clients import ClientSummary

log = logging.getLogger(__name__)

UNDO_SECONDS = 10


@dataclass(frozen=True)
class ClientEdit:
    """What the client editor sets. ``service_hours`` as ``core.service_hours`` reads it
    ({"mon": [["09:00", "17:00"]], ...}); None is around the clock."""

    name: str
    colour: str = "#5B6CFF"
    response_target_minutes: int = 60
    service_hours: dict[str, Any] | None = None
    timezone: str = "UTC"
    banned_phrases: tuple[BannedPhrase, ...] | None = None  # None: leave the brand voice as it is
    brand_contacts: tuple[str, ...] = field(default=())


class ClientsController(QObject):
    added = Signal(int)  # the new client's id
    deletePending = Signal(int, str, int)  # client id, name, seconds left to undo
    deleteFinished = Signal(int)  # the client is gone for good (or its deletion was undone)
    archivedChanged = Signal(object)  # list[ClientSummary]: the archived clients, as last read
    shownChanged = Signal()  # a client left the sidebar and the inbox, or came back
    _undeleted = Signal(int)  # Ctrl+Z brought a deleted client back (from the writer thread)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = context
        self.archived: list[ClientSummary] = []
        self._pending: dict[int, QTimer] = {}  # client id → the timer that deletes it for good
        self.undo_seconds: float = UNDO_SECONDS
        context.workspaceChanged.connect(self._new_workspace)
        self._undeleted.connect(self._stop_pending)

    # -- reads -----------------------------------------------------------------------------------
    def refresh_archived(self) -> None:
        db, now = self.ctx.db, self.ctx.clock()
        self.ctx.run(lambda: clients.list_clients(db, now, archived=True), self._archived_loaded)

    def _archived_loaded(self, archived: list[ClientSummary]) -> None:
        self.archived = archived
        self.archivedChanged.emit(archived)

    def footprint(self, client_id: int, done: Callable[[ClientFootprint], None]) -> None:
        """What deleting the client would take with it (counted on a worker)."""
        db = self.ctx.db
        self.ctx.run(lambda: client_lifecycle.client_footprint(db, client_id), done)

    # -- changes ---------------------------------------------------------------------------------
    def add(
        self,
        edit: ClientEdit,
        done: Callable[[int], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Add a client; ``failed`` hears a name already taken (ClientNameError, plain words)."""
        db, now = self.ctx.db, self.ctx.clock()

        def add() -> int:
            client_id = clients.add_client(
                db, edit.name, edit.colour,
                response_target_minutes=edit.response_target_minutes,
                service_hours=edit.service_hours, timezone=edit.timezone, at=now,
            )  # fmt: skip
            if edit.banned_phrases is not None or edit.brand_contacts:
                clients.set_brand_voice(
                    db, client_id, edit.banned_phrases or (), edit.brand_contacts
                )
            return client_id

        def added(client_id: int) -> None:
            self.ctx.report(Changes(clients=True))
            self.ctx.notice.emit(f"Added the client “{' '.join(edit.name.split())}”")
            self.added.emit(client_id)
            if done:
                done(client_id)

        self.ctx.write(add, added, failed)

    def edit(
        self,
        client_id: int,
        edit: ClientEdit,
        done: Callable[[None], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Rename the client and set the rest; a new target or new hours move the response clocks
        of its mentions (and their priority) at once."""
        db, now = self.ctx.db, self.ctx.clock()
        before = self.ctx.client(client_id) or next(
            (c for c in self.archived if c.id == client_id), None
        )
        clocks_moved = before is None or (
            (before.response_target_minutes, before.service_hours, before.timezone)
            != (edit.response_target_minutes, edit.service_hours, edit.timezone)
        )

        def change() -> list[int]:
            clients.update_client(
                db, client_id, name=edit.name, colour=edit.colour,
                response_target_minutes=edit.response_target_minutes,
                service_hours=edit.service_hours, timezone=edit.timezone,
            )  # fmt: skip
            if edit.banned_phrases is not None:
                clients.set_brand_voice(db, client_id, edit.banned_phrases, edit.brand_contacts)
            if not clocks_moved:
                return []
            waiting = clients.reset_due_times(db, client_id)
            mentions.fill_due_times(db)
            return mentions.reprioritise(db, waiting, now)

        def changed(ids: list[int]) -> None:
            self.ctx.report(Changes(mentions=tuple(ids), arrived=(), clients=True))
            self.ctx.notice.emit(f"Saved the client “{' '.join(edit.name.split())}”")
            self.refresh_archived()
            if done:
                done(None)

        self.ctx.write(change, changed, failed)

    def archive(self, client_id: int) -> None:
        """Put the client away (Ctrl+Z brings it back; so does Restore in Clients…)."""
        db, at = self.ctx.db, self.ctx.clock()
        name = self._name(client_id)

        def change() -> Callable[[], None]:
            client_lifecycle.archive_client(db, client_id, at=at)
            return lambda: client_lifecycle.restore_client(db, client_id)

        self.ctx.record(f"Archived “{name}”", [], change)
        self._later(self._inbox_changed)

    def restore(self, client_id: int) -> None:
        db = self.ctx.db
        name = self._name(client_id)

        def restored(_none: None) -> None:
            self._inbox_changed()
            self.ctx.notice.emit(f"Restored “{name}”: it is back in the sidebar and the inbox")

        self.ctx.write(lambda: client_lifecycle.restore_client(db, client_id), restored)

    def delete(self, client_id: int) -> None:
        """Hide the client at once and delete it for good after ``UNDO_SECONDS`` unless undone."""
        db, at = self.ctx.db, self.ctx.clock()
        name = self._name(client_id)

        def change() -> Callable[[], None]:
            client_lifecycle.mark_deleted(db, client_id, at=at)

            def undo() -> None:
                client_lifecycle.undelete(db, client_id)
                self._undeleted.emit(client_id)

            return undo

        self.ctx.record(f"Deleted “{name}”", [], change)
        timer = QTimer(self, singleShot=True, interval=round(self.undo_seconds * 1000))
        timer.timeout.connect(lambda: self._finish(client_id))
        self._pending[client_id] = timer
        timer.start()
        self.deletePending.emit(client_id, name, round(self.undo_seconds))
        self._later(self._inbox_changed)

    def undo_delete(self, client_id: int) -> None:
        """The banner's Undo: the client comes back as it was."""
        timer = self._pending.pop(client_id, None)
        if timer is None:
            return
        timer.stop()
        if self.ctx.undo_text and self.ctx.undo_text.startswith("Deleted “"):
            self.ctx.forget_undo()
        db = self.ctx.db

        def undone(_none: None) -> None:
            self.deleteFinished.emit(client_id)
            self._inbox_changed()
            self.ctx.notice.emit("Deletion undone: the client is back")

        self.ctx.write(lambda: client_lifecycle.undelete(db, client_id), undone)

    def _stop_pending(self, client_id: int) -> None:
        timer = self._pending.pop(client_id, None)
        if timer is not None:
            timer.stop()
            self.deleteFinished.emit(client_id)
            self._inbox_changed()

    def finish_deletions(self) -> None:
        """Delete for good what is marked deleted and no longer undoable here: deletions the app
        was closed on (at start), or every pending one (``now``)."""
        for client_id, timer in list(self._pending.items()):
            timer.stop()
            self._finish(client_id)
        self._purge(None)

    @property
    def pending(self) -> list[int]:
        return list(self._pending)

    # -- internals -------------------------------------------------------------------------------
    def _finish(self, client_id: int) -> None:
        self._pending.pop(client_id, None)
        if self.ctx.undo_text and self.ctx.undo_text.startswith("Deleted “"):
            self.ctx.forget_undo()  # nothing left to bring back
        self._purge(client_id)

    def _purge(self, client_id: int | None) -> None:
        db, networks = self.ctx.db, self.ctx.networks

        def purge() -> list[int]:
            if networks is not None:  # their secrets leave the keyring (and Mastodon's token)
                from socialdesk.services.accounts import sign_out

                for account_id in client_lifecycle.deleted_account_ids(db, client_id):
                    try:
                        sign_out(db, networks, account_id)
                    except Exception as exc:  # the rows go regardless; say what stayed
                        log.warning("Could not sign out of account %s: %s", account_id, exc)
            return client_lifecycle.purge_deleted(db, client_id)

        def purged(ids: list[int]) -> None:
            for cid in ids:
                self.deleteFinished.emit(cid)
            if ids:
                self.ctx.report(Changes(clients=True))

        self.ctx.write(purge, purged)

    def _name(self, client_id: int) -> str:
        client = self.ctx.client(client_id) or next(
            (c for c in self.archived if c.id == client_id), None
        )
        return client.name if client else "the client"

    def _later(self, then: Callable[[], None]) -> None:
        """``then`` once the writer has done what was queued before (it runs jobs in order)."""
        self.ctx.write(lambda: None, lambda _none: then())

    def _inbox_changed(self) -> None:
        """The client's mentions left the inbox or came back: the feed and sidebar read again."""
        self.shownChanged.emit()
        self.ctx.report(Changes(clients=True))
        self.refresh_archived()

    def _new_workspace(self) -> None:
        # Another workspace: what was pending there is finished at its next opening.
        for timer in self._pending.values():
            timer.stop()
        self._pending.clear()
        self.archived = []
