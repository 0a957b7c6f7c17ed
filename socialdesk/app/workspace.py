"""The Qt face of the open workspace: the UI binds to this controller, never to the store or a
network.

Store reads for one page of the feed are a few milliseconds (indexed, 200 rows) and happen on the UI
thread like QSqlQueryModel's; everything else — sync, writes, detail loads — runs on the task
runner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from socialdesk.app.accounts import AccountsController
from socialdesk.app.clients import ClientsController
from socialdesk.app.context import AppContext, Changes
from socialdesk.app.crisis import CrisisController
from socialdesk.app.first_paint import FirstPaint
from socialdesk.app.reads import WorkspaceReads
from socialdesk.app.replies import RepliesController
from socialdesk.app.reports import ReportsController
from socialdesk.app.tasks import TaskRunner
from socialdesk.config import Settings
from socialdesk.core.brand_voice import BannedPhrase
from socialdesk.core.models import MentionStatus, network_label
from socialdesk.core.service_hours import ServiceHours
from socialdesk.services import alerts, moderation
from socialdesk.services import workspace as workspaces
from socialdesk.services.sync import SyncResult, SyncService
from socialdesk.store import clients, mentions, saved_views
from socialdesk.store.clients import ClientSummary
from socialdesk.store.mentions import MentionFilter, MentionRow
from socialdesk.store.saved_views import SavedView

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


_STATUS_WORDS: dict[str, str] = {  # by status (a MentionStatus is its str value)
    MentionStatus.DONE: "Marked done",
    MentionStatus.IGNORED: "Ignored",
    MentionStatus.OPEN: "Reopened",
    MentionStatus.SNOOZED: "Snoozed",
    MentionStatus.REPLIED: "Marked replied",
}


def _warm_up_text_checks() -> None:
    """Load the counter and the tone checks (their patterns compile on import, about 0.1 s) on a
    worker after the first paint, not with the window and not at the composer's first key."""
    from socialdesk.core import counter, tone

    counter.count("", "x")
    tone.check("")  # an empty draft: the checks' modules load, the word lists wait for a draft


def _count(ids: list[int]) -> str:
    return "1 mention" if len(ids) == 1 else f"{len(ids)} mentions"


class WorkspaceController(WorkspaceReads, QObject):
    clientsChanged = Signal(object)  # list[ClientSummary]
    viewsChanged = Signal(object)  # list[SavedView]
    mentionsAdded = Signal(object)  # list[int]: new mention ids
    mentionChanged = Signal(int)
    workspaceChanged = Signal()  # another workspace was opened: every view reloads
    syncStateChanged = Signal(str)  # plain words for the status bar
    syncProgress = Signal(int, int, int)  # accounts checked, of how many, new mentions so far
    failed = Signal(str)  # plain words for a message box
    ready = Signal()  # the first sync after opening has finished
    undoChanged = Signal(str)  # what Ctrl+Z would undo ("" when nothing)
    notice = Signal(str)  # a short confirmation for the status bar
    alerted = Signal(object)  # list[Alert]: for desktop notifications
    changed = Signal(object)  # Changes: what kind of data changed (after the signals above)

    def __init__(
        self,
        data_dir: Path,
        settings: Settings,
        workspace: workspaces.Workspace,
        *,
        clock: Callable[[], datetime] = utc_now,
        runner: TaskRunner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.settings = settings
        self.clock = clock
        self.runner = runner or TaskRunner(self)
        self.context = AppContext(workspace, settings, clock, self.runner, self)
        self.saved_views: list[SavedView] = []
        self._hours: dict[int, ServiceHours | None] = {}
        self._overdue_checked_at = clock()
        self.is_ready = False
        self._syncing = False
        self._after_paint: FirstPaint | None = None
        self._waiting_for_paint: list[Callable[[], None]] | None = None  # None: run at once
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.sync_now)
        self._timer.timeout.connect(self.wake_snoozed)
        self._timer.timeout.connect(self.check_overdue)
        ctx = self.context
        self.replies = RepliesController(ctx, about_crisis=self._about_crisis)
        self.accounts = AccountsController(ctx)
        self.reports = ReportsController(ctx)
        self.crises = CrisisController(ctx, pause_outbox=self.replies.set_client_paused)
        self.client_admin = ClientsController(ctx)
        self._hidden: tuple[int, ...] | None = None  # accounts of archived and deleted clients
        self.client_admin.shownChanged.connect(self._forget_hidden)
        # Archived (or restored, deleted, undeleted): its replies were paused (or released).
        self.client_admin.shownChanged.connect(self.replies.refresh_outbox)
        self.client_admin.shownChanged.connect(self.replies.send_due)
        ctx.workspaceChanged.connect(self._forget_hidden)
        # After the controllers' own connections, as before: they hear of a new workspace first.
        ctx.changed.connect(self._apply)
        ctx.failed.connect(self.failed)
        ctx.notice.connect(self.notice)
        ctx.undoChanged.connect(self.undoChanged)
        ctx.workspaceChanged.connect(self.workspaceChanged)

    def _about_crisis(self, row: MentionRow | None) -> bool:
        return self.crises.is_about_crisis(row)

    @property
    def clients(self) -> list[ClientSummary]:
        return self.context.clients

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> None:
        """Show what is stored at once; once the window has painted, build the demo if it is
        new, then fetch what is new, send and watch; sync again on the user's interval."""
        # What the first paint does not show waits for it (when_painted); kept if started again.
        self._waiting_for_paint = self._waiting_for_paint or []
        # Clients first and synchronously (a few indexed counts): every clock on the first painted
        # page needs its client's service hours.
        self._clients_loaded(clients.list_clients(self.workspace.db, self.clock()))
        self._views_loaded(saved_views.list_views(self.workspace.db))
        self.client_admin.finish_deletions()  # any the app was closed on
        self.client_admin.refresh_archived()
        self.apply_settings()
        if self._after_paint is not None:
            self._after_paint.cancel()
        # The networks, the keyring and triage load then (tests/ui/test_startup_imports.py).
        self._after_paint = FirstPaint(self._start_work, parent=self)

    def when_painted(self, work: Callable[[], None]) -> None:
        """Run ``work`` once the window has first painted (at once after that, or when the
        controller was never started): what the first paint does not show waits for it."""
        if self._waiting_for_paint is None:
            work()
        else:
            self._waiting_for_paint.append(work)

    def _start_work(self) -> None:
        waiting, self._waiting_for_paint = self._waiting_for_paint or [], None
        for work in waiting:
            work()
        self.runner.run(_warm_up_text_checks)  # so the composer's first keystroke does not wait
        seed, self.workspace.seed = self.workspace.seed, None
        if seed is not None:  # a first launch: the demo's week, built behind the shown window
            self.syncStateChanged.emit("Setting up the demo workspace…")
            self.runner.write(seed, lambda _none: self._seeded(), self.fail)
            return
        self.sync_now()
        self.replies.start()
        self.crises.start()

    def _seeded(self) -> None:
        self.context.workspaceChanged.emit()  # every view reads the demo now there
        self.refresh_clients()
        self._start_work()

    def apply_settings(self) -> None:
        self._timer.start(self.settings.get("sync_interval_seconds") * 1000)

    def shutdown(self) -> None:
        if self._after_paint is not None:
            self._after_paint.cancel()
        self._timer.stop()
        self.replies.stop()
        self.crises.stop()
        self.accounts.cancel_sign_in()
        self.runner.close()
        self.workspace.close()

    def refresh_clients(self) -> None:
        db, now = self.workspace.db, self.clock()

        def loaded(found: list[ClientSummary]) -> None:
            if db is self.workspace.db:  # not a late answer about the workspace just left
                self._clients_loaded(found)

        self.runner.run(lambda: clients.list_clients(db, now), loaded, self.fail)

    # -- changes ---------------------------------------------------------------------------------
    def mark_read(self, mention_id: int) -> None:
        """Opening a new mention moves it to open; not an action the user undoes."""
        db, at = self.workspace.db, self.clock()
        self._write(
            lambda: mentions.set_mention_status(db, [mention_id], MentionStatus.OPEN, at=at),
            [mention_id],
        )

    def set_status(
        self, ids: list[int], status: str, *, snoozed_until: datetime | None = None
    ) -> None:
        db, at = self.workspace.db, self.clock()
        label = _STATUS_WORDS.get(status, status)
        self._undoable(
            f"{label} {_count(ids)}",
            ids,
            lambda: mentions.set_mention_status(
                db, ids, status, at=at, snoozed_until=snoozed_until
            ),
        )

    def set_category(self, ids: list[int], category: str | None) -> None:
        db = self.workspace.db
        label = f"Set {_count(ids)} to {category}" if category else f"Reset {_count(ids)}"
        now = self.clock()

        def change() -> None:
            mentions.set_category(db, ids, category)
            mentions.reprioritise(db, ids, now)  # a complaint now is high priority, and so on

        self._undoable(label, ids, change, then=lambda: mentions.reprioritise(db, ids, now))

    def flag_author(self, row: MentionRow, flag: str, on: bool) -> None:
        db, before = self.workspace.db, row.author_flags
        after = before | {flag} if on else before - {flag}

        now, touched = self.clock(), [row.id]

        def set_flags(flags: frozenset[str]) -> None:
            mentions.set_author_flags(db, row.author_id, flags)
            # A VIP's waiting mentions turn urgent (and back when unflagged).
            touched.extend(
                mentions.reprioritise(db, mentions.author_mention_ids(db, row.author_id), now)
            )

        def change() -> Callable[[], None]:
            set_flags(after)
            return lambda: set_flags(before)

        verb = "Flagged" if on else "Unflagged"
        self.record(f"{verb} @{row.author_handle} as {flag}", touched, change)

    def hide_reply(self, row: MentionRow, hidden: bool) -> None:
        """Hide a reply on its network (or show it again); the status bar says how it went."""
        ws, at = self.workspace, self.clock()
        where = network_label(row.network)
        self.notice.emit(f"{'Hiding' if hidden else 'Showing'} the reply on {where}…")

        def done(_row: MentionRow) -> None:
            self.mentionChanged.emit(row.id)
            self.refresh_clients()
            said = "hidden on" if hidden else "shown again on"
            self.notice.emit(f"Reply by @{row.author_handle} {said} {where}")

        self.runner.run(
            lambda: moderation.hide_reply(ws.db, ws.provider_for, row.id, hidden, at),
            done,
            self.fail,
        )

    def save_view(self, name: str, flt: MentionFilter) -> None:
        db = self.workspace.db

        def save() -> list[SavedView]:
            saved_views.save_view(db, name, flt)
            return saved_views.list_views(db)

        self.runner.write(save, self._views_loaded, self.fail)

    def delete_view(self, view_id: int) -> None:
        db = self.workspace.db

        def delete() -> list[SavedView]:
            saved_views.delete_view(db, view_id)
            return saved_views.list_views(db)

        self.runner.write(delete, self._views_loaded, self.fail)

    def _views_loaded(self, views: list[SavedView]) -> None:
        self.saved_views = views
        self.viewsChanged.emit(views)

    def set_author_notes(self, author_id: int, notes: str) -> None:
        db = self.workspace.db
        self.runner.write(
            lambda: mentions.set_author_notes(db, author_id, notes),
            lambda _: self.notice.emit("Note saved"),
            self.fail,
        )

    @property
    def undo_text(self) -> str | None:
        return self.context.undo_text

    def undo(self) -> None:
        self.context.undo()

    def wake_snoozed(self) -> None:
        db, now = self.workspace.db, self.clock()
        self.runner.write(lambda: mentions.wake_snoozed(db, now), self._woken, self.fail)

    def check_overdue(self) -> None:
        """Alert about mentions whose clock ran out since the last check."""
        db, since, now = self.workspace.db, self._overdue_checked_at, self.clock()
        self._overdue_checked_at = now
        muted = self._muted()
        self.runner.run(lambda: alerts.newly_overdue(db, since, now, muted), self._alert, self.fail)

        def reprioritised(ids: list[int]) -> None:
            for mention_id in ids:
                self.mentionChanged.emit(mention_id)

        # Clocks running out make questions and complaints urgent: their cards say so at once.
        self.runner.write(
            lambda: mentions.reprioritise(db, mentions.coming_due(db, now), now),
            reprioritised,
            self.fail,
        )

    def set_muted(self, client_id: int, muted: bool) -> None:
        db = self.workspace.db
        self._write(lambda: clients.set_notifications_muted(db, client_id, muted), [])

    def set_brand_voice(
        self, client_id: int, rules: Sequence[BannedPhrase], contacts: Sequence[str]
    ) -> None:
        db = self.workspace.db
        self._write(
            lambda: clients.set_brand_voice(db, client_id, rules, contacts),
            [],
            then=lambda _: self.notice.emit("Brand voice saved."),
        )

    def _muted(self) -> set[int]:
        """No alerts for muted clients, nor for archived or deleted ones."""
        put_away = {c.id for c in self.client_admin.archived} | set(self.client_admin.pending)
        return {c.id for c in self.clients if c.notifications_muted} | put_away

    def _alert(self, found: list[alerts.Alert]) -> None:
        if found and self.settings.get("notifications"):
            self.alerted.emit(found)

    def _woken(self, ids: list[int]) -> None:
        if ids:
            self.mentionsAdded.emit(ids)  # they come back into the inbox
            self.refresh_clients()

    def _undoable(
        self,
        text: str,
        ids: list[int],
        change: Callable[[], None],
        then: Callable[[], object] | None = None,
    ) -> None:
        """Run ``change`` on the writer thread after reading what it will overwrite, so Ctrl+Z can
        put it back (and run ``then`` after putting it back)."""
        db, at = self.workspace.db, self.clock()

        def recorded() -> Callable[[], None]:
            before = mentions.mention_states(db, ids)
            change()

            def undo() -> None:
                mentions.restore_states(db, before, at=at)
                if then:
                    then()

            return undo

        self.record(text, ids, recorded)

    def record(self, text: str, ids: list[int], change: Callable[[], Callable[[], None]]) -> None:
        """Run ``change`` on the writer thread; the function it returns is what Ctrl+Z runs."""
        self.context.record(text, ids, change)

    def _write(
        self, work: Callable[..., Any], ids: list[int], then: Callable[..., Any] | None = None
    ) -> None:
        self.context.write_and_report(work, ids, then)

    def _apply(self, changes: Changes) -> None:
        """What a change means for the views: each changed mention, the new ones, the client
        list, a sync after an account changed; then ``changed`` for views that want it whole."""
        for mention_id in changes.mentions:
            self.mentionChanged.emit(mention_id)
        if changes.arrived is not None:
            self.mentionsAdded.emit(list(changes.arrived))
        if changes.clients or changes.accounts:
            self.refresh_clients()
        if changes.accounts:
            self.sync_now()
        self.changed.emit(changes)

    def sync_now(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        self.syncStateChanged.emit("Checking for new mentions…")
        service = SyncService(self.workspace.db, self.workspace.provider_for, self.clock)
        # Emitted from the worker: Qt queues each message to the status bar on the UI thread.
        self.runner.write(
            lambda: service.sync_all(self.syncStateChanged.emit, self.syncProgress.emit),
            self._synced,
            self._sync_failed,
        )

    def leave_demo(self) -> None:
        self.settings.set("demo_dismissed", True)
        self.settings.save()
        self._switch(lambda: workspaces.open_live(self.data_dir))

    def open_demo(self) -> None:
        self.settings.set("demo_dismissed", False)
        self.settings.save()
        self._switch(lambda: workspaces.open_demo(self.data_dir, self.clock))

    def reset_demo(self) -> None:
        current = self.workspace
        self._switch(lambda: workspaces.reset_demo(self.data_dir, current, self.clock))

    # -- internals -------------------------------------------------------------------------------
    def _switch(self, opener: Callable[[], workspaces.Workspace]) -> None:
        self._timer.stop()
        self.replies.stop()
        self.runner.wait_for_done()
        try:
            workspace = opener()
        except Exception as exc:
            self.fail(exc)
            return
        if workspace.db is not self.workspace.db:
            self.workspace.close()
        self.context.workspace = workspace
        self.context.forget_undo()
        self.is_ready = False
        self.context.workspaceChanged.emit()
        self.start()

    def _clients_loaded(self, loaded: list[ClientSummary]) -> None:
        self.context.clients = loaded
        self._hours = {c.id: clients.client_hours(c.service_hours, c.timezone) for c in loaded}
        self.clientsChanged.emit(loaded)

    def _synced(self, results: list[SyncResult]) -> None:
        self._syncing = False
        new_ids = [i for r in results for i in r.new_mention_ids]
        errors = [f"{r.handle}: {r.error}" for r in results if r.error]
        at = self.clock().astimezone().strftime("%H:%M")
        text = f"Synced at {at}" + (f" · {len(new_ids)} new" if new_ids else "")
        if not results:  # nothing was asked: "Synced at 15:30" would claim a sync
            text = "No accounts yet"
        if errors:
            text += f" · {len(errors)} account(s) could not sync: " + "; ".join(errors)
        self.syncStateChanged.emit(text)
        if new_ids:
            self.mentionsAdded.emit(new_ids)
            if self.is_ready:  # what was waiting at start-up is in the inbox, not a pop-up each
                db, muted = self.workspace.db, self._muted()
                self.runner.run(
                    lambda: alerts.urgent_arrivals(db, new_ids, muted), self._alert, self.fail
                )
        self.refresh_clients()
        if new_ids:
            self.crises.check()  # a spike shows in the minute it arrives
        if not self.is_ready:
            self.is_ready = True
            self.ready.emit()

    def _sync_failed(self, exc: BaseException) -> None:
        self._syncing = False
        self.syncStateChanged.emit(f"Sync failed: {exc}")
        self.fail(exc)
        if not self.is_ready:
            self.is_ready = True
            self.ready.emit()

    def fail(self, exc: BaseException) -> None:
        self.context.fail(exc)
