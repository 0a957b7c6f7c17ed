"""The Qt face of crisis mode: the watch runs on the task runner every minute and after each sync;
the banner hears ``crisesChanged``; the three actions (statement, pause, cover) go through the
normal drafts, outbox and undo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from socialdesk.app.context import AppContext, Changes
from socialdesk.core.crisis import NEGATIVE_CATEGORIES
from socialdesk.core.replies import BUILT_IN
from socialdesk.services.crisis import ClientCrisis, CrisisWatch, simulate_crisis
from socialdesk.store import crises, drafts, saved_replies
from socialdesk.store.clients import ClientSummary
from socialdesk.store.mentions import MentionRow

CHECK_EVERY_MS = 60_000
STATEMENT = next(r for r in BUILT_IN if r.key == "crisis-statement")


class CrisisController(QObject):
    crisesChanged = Signal(object)  # list[ClientCrisis]

    def __init__(
        self,
        context: AppContext,
        *,
        pause_outbox: Callable[[int, bool], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = context
        self._pause_outbox = pause_outbox  # (client id, paused): the replies controller's
        self.current: list[ClientCrisis] = []
        self._watch = CrisisWatch(context.db, context.clock)
        self._checking = False
        self._timer = QTimer(self, interval=CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        context.workspaceChanged.connect(self._new_workspace)

    def start(self) -> None:
        self._timer.start()
        self.check()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> None:
        if self._checking:
            return
        self._checking = True
        self.ctx.run(self._watch.check, self._checked, self._check_failed)

    def _checked(self, found: list[ClientCrisis]) -> None:
        self._checking = False
        self.current = found
        self.crisesChanged.emit(found)

    def _check_failed(self, exc: BaseException) -> None:
        self._checking = False
        self.ctx.fail(exc)

    def _new_workspace(self) -> None:
        self._watch = CrisisWatch(self.ctx.db, self.ctx.clock)
        self._checked([])
        self.check()

    # -- what the manager does -------------------------------------------------------------------
    def simulate(self, client_id: int) -> None:
        """The demo's "Simulate a crisis": a login outage's worth of angry mentions."""
        db, watch, now = self.ctx.db, self._watch, self.ctx.clock()

        def done(_result: None) -> None:
            self.ctx.report(Changes(arrived=(), clients=True))  # the inbox reloads its top
            self.check()

        self.ctx.write(lambda: simulate_crisis(db, watch, now, client_id), done)

    def draft_statements(self, client_id: int, done: Callable[[ClientSummary], None]) -> None:
        """The built-in statement (or the client's edited one) as a new post for each of the
        client's accounts that has none being written; ``done`` opens them."""
        db, now = self.ctx.db, self.ctx.clock()
        client = self.ctx.client(client_id)
        if client is None:
            return
        text = self._statement_text(client_id, client.name)

        def write() -> None:
            for account in client.accounts:
                if drafts.live_draft(db, account.id, None) is None:
                    drafts.save_draft(db, account_id=account.id, mention_id=None, text=text,
                                      cursor=0, now=now)  # fmt: skip

        self.ctx.write(write, lambda _: done(client))

    def _statement_text(self, client_id: int, client_name: str) -> str:
        library = saved_replies.list_replies(self.ctx.db, client_id)
        found = next((r for r in library if r.name == STATEMENT.name), None)
        body = found.body if found else STATEMENT.body
        return body.replace("{client}", client_name)

    def set_paused(self, shown: ClientCrisis, paused: bool) -> None:
        db = self.ctx.db
        self._pause_outbox(shown.client_id, paused)
        self.ctx.write(
            lambda: crises.set_outbox_paused(db, shown.record.id, paused), lambda _: self.check()
        )

    def outbox_paused(self, client_id: int) -> bool:
        """Whether the client's outbox is paused, as the client list last said."""
        client = self.ctx.client(client_id)
        return bool(client and client.outbox_paused)

    def cover(self, shown: ClientCrisis) -> None:
        """Every negative mention of the crisis still waiting: done, covered by the statement
        (Ctrl+Z puts them back)."""
        db, at, record = self.ctx.db, self.ctx.clock(), shown.record
        ids = self._watch.crisis_mentions(record)

        def change() -> Callable[[], None]:
            covered = crises.cover(db, record.id, ids, at)
            return lambda: crises.uncover(db, covered, at)

        self.ctx.record(f"Covered {shown.client_name}'s crisis mentions by the statement", ids,
                       change)  # fmt: skip

    # -- for the composer's tone checks ----------------------------------------------------------
    def is_about_crisis(self, row: MentionRow | None) -> bool:
        """Whether a reply to ``row`` would be an individual answer to a crisis mention."""
        if row is None or row.category not in NEGATIVE_CATEGORIES:
            return False
        for shown in self.current:
            if shown.client_id == row.client_id and not shown.ended:
                return row.created_at >= shown.record.started_at - timedelta(minutes=30)
        return False

    def needs_update(self, shown: ClientCrisis, now: datetime) -> bool:
        """The last statement is older than the manager's setting: time for an update."""
        every = timedelta(minutes=self.ctx.settings.get("crisis_update_minutes"))
        return shown.last_statement is not None and now - shown.last_statement > every
