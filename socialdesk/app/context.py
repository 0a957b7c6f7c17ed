"""What the controllers share, and all they may touch of each other: the open workspace, the
clock, the settings, the task runner, the clients as last read, one way to fail, to say something
short, to record an undoable change, and one way to report what changed (``changed(Changes)``,
in the manner of Anki's ``OpChanges``).

``WorkspaceController`` owns the context, swaps its workspace when another is opened, and turns
each ``Changes`` into what the views hear (``mentionChanged``, ``mentionsAdded``, a fresh client
list, a sync). The other controllers get the context, never the ``WorkspaceController``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from socialdesk.app.tasks import Done, Failed, TaskRunner
from socialdesk.config import Settings
from socialdesk.store.clients import AccountSummary, ClientSummary
from socialdesk.store.db import Database

if TYPE_CHECKING:  # names only: the networks load after the first paint
    from socialdesk.networks.base import Provider
    from socialdesk.services.accounts import LiveNetworks
    from socialdesk.services.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Changes:
    """What kind of data a change touched, so each view refreshes what it shows and no more."""

    mentions: tuple[int, ...] = ()  # these mentions changed (status, priority, hidden, replied)
    arrived: tuple[int, ...] | None = None  # new mentions (or back in the inbox); () = some
    clients: bool = False  # the sidebar's counts and client summaries
    accounts: bool = False  # an account was connected, signed out or removed: sync again

    @property
    def is_empty(self) -> bool:
        return not (self.mentions or self.arrived is not None or self.clients or self.accounts)


class AppContext(QObject):
    changed = Signal(object)  # Changes
    failed = Signal(str)  # plain words for a message box
    notice = Signal(str)  # a short confirmation for the status bar
    undoChanged = Signal(str)  # what Ctrl+Z would undo ("" when nothing)
    workspaceChanged = Signal()  # another workspace was opened

    def __init__(
        self,
        workspace: Workspace,
        settings: Settings,
        clock: Callable[[], datetime],
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.settings = settings
        self.clock = clock
        self.runner = runner
        self.clients: list[ClientSummary] = []  # as last read; WorkspaceController keeps it
        self._undo: tuple[str, list[int], Callable[[], None]] | None = None

    # -- the open workspace ----------------------------------------------------------------------
    @property
    def db(self) -> Database:
        return self.workspace.db

    def provider_for(self, account: AccountSummary) -> Provider:
        return self.workspace.provider_for(account)

    @property
    def networks(self) -> LiveNetworks | None:
        """A live workspace's real networks and keyring; None in the demo."""
        return self.workspace.networks

    def client(self, client_id: int) -> ClientSummary | None:
        return next((c for c in self.clients if c.id == client_id), None)

    def account(self, account_id: int) -> AccountSummary | None:
        return next((a for c in self.clients for a in c.accounts if a.id == account_id), None)

    # -- saying what happened --------------------------------------------------------------------
    def fail(self, exc: BaseException) -> None:
        log.error("%s", exc)
        self.failed.emit(str(exc))

    def report(self, changes: Changes) -> None:
        if not changes.is_empty:
            self.changed.emit(changes)

    # -- work off the UI thread ------------------------------------------------------------------
    def run(self, work: Callable[[], Any], done: Done, failed: Failed | None = None) -> None:
        """Reads and network calls, on the pool."""
        self.runner.run(work, done, failed or self.fail)

    def write(self, work: Callable[[], Any], done: Done, failed: Failed | None = None) -> None:
        """Store changes, on the one writer thread."""
        self.runner.write(work, done, failed or self.fail)

    def write_and_report(
        self, work: Callable[[], Any], ids: list[int], then: Done | None = None
    ) -> None:
        """``work`` on the writer; then ``ids`` changed and the client counts may have."""

        def done(result: Any) -> None:
            self.report(Changes(mentions=tuple(ids), clients=True))
            if then:
                then(result)

        self.write(work, done)

    # -- undo ------------------------------------------------------------------------------------
    @property
    def undo_text(self) -> str | None:
        return self._undo[0] if self._undo else None

    def record(self, text: str, ids: list[int], change: Callable[[], Callable[[], None]]) -> None:
        """Run ``change`` on the writer thread; the function it returns is what Ctrl+Z runs."""

        def done(inverse: Callable[[], None]) -> None:
            self._undo = (text, ids, inverse)
            self.undoChanged.emit(text)
            self.notice.emit(f"{text} — Ctrl+Z to undo")

        self.write_and_report(change, ids, then=done)

    def undo(self) -> None:
        if not self._undo:
            return
        text, ids, inverse = self._undo
        self.forget_undo()
        self.write_and_report(inverse, ids, then=lambda _: self.notice.emit(f"Undone: {text}"))

    def forget_undo(self) -> None:
        self._undo = None
        self.undoChanged.emit("")
