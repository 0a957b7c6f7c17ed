"""Everything the manager can do to the selected mentions, as actions with keyboard shortcuts —
the same actions fill the context menu, the detail pane's buttons and the shortcuts help (``?``).

The single-letter keys work anywhere in the window while the inbox is shown (the sidebar
included): a text field takes the letters typed into it before any shortcut sees them, so typing
an "e" in a search box or a reply never marks a mention done. With another view shown they are
off, so they never act on a mention that is not on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QWidget

from socialdesk.app.view_models import MentionRow
from socialdesk.app.workspace import WorkspaceController
from socialdesk.core.models import AuthorFlag, Category, MentionStatus, Network


def snooze_choices(now: datetime) -> list[tuple[str, datetime]]:
    """Snooze times in the manager's own time zone."""
    local = now.astimezone()
    tomorrow_9 = (local + timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
    days_to_monday = (7 - local.weekday()) % 7 or 7
    monday_9 = (local + timedelta(days=days_to_monday)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    return [
        ("For 1 hour", local + timedelta(hours=1)),
        ("For 3 hours", local + timedelta(hours=3)),
        ("Until tomorrow, 9:00", tomorrow_9),
        ("Until Monday, 9:00", monday_9),
    ]


def category_key(category: str) -> str:
    """The key that files the selected mentions under ``category`` (1 question … 8 other)."""
    return str(list(Category).index(Category(category)) + 1)


class FeedActions(QObject):
    replyRequested = Signal(object)  # MentionRow

    def __init__(
        self,
        controller: WorkspaceController,
        view: QAbstractItemView,
        selected: Callable[[], list[MentionRow]],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._view = view
        self._selected = selected
        self._owner = parent
        self._shown = True  # the inbox is the view on screen
        # An archived client's conversation, opened from the History: read, never changed.
        self.read_only = False
        self.all: list[QAction] = []

        self.next = self._make("Next mention", "J", lambda: self._move(1))
        self.previous = self._make("Previous mention", "K", lambda: self._move(-1))
        self.reply = self._make("Reply", "R", self._reply, "Write a reply to this mention")
        self.done = self._make("Mark done", "E", lambda: self._status(MentionStatus.DONE))
        self.ignore = self._make(
            "Ignore", "I", lambda: self._status(MentionStatus.IGNORED),
            "The recommended action for abuse and spam: no public answer.",
        )  # fmt: skip
        self.reopen = self._make("Reopen", "U", lambda: self._status(MentionStatus.OPEN))
        self.snooze_menu = QMenu("Snooze", parent)
        self.snooze_menu.aboutToShow.connect(self._fill_snooze_menu)
        self.snooze = self._make("Snooze…", "S", self._popup_snooze)
        self.categories = [
            self._make(
                f"Category: {c.value}",
                category_key(c),
                lambda _=False, c=c: self._category(c.value),
            )
            for c in Category
        ]
        self.reset_category = self._make("Category: back to triage's", "0", self._reset_category)
        self.flag_troll = self._make(
            "Flag author as troll", "Shift+T", lambda: self._flag(AuthorFlag.TROLL), checkable=True
        )
        self.flag_vip = self._make(
            "Flag author as VIP", "Shift+V", lambda: self._flag(AuthorFlag.VIP), checkable=True
        )
        self.hide = self._make(
            "Hide reply on the network", "Shift+H", self._hide,
            "Hide a troll's reply in a conversation the brand started (X, Bluesky)",
            checkable=True,
        )  # fmt: skip
        self.open_link = self._make("Open on the network", "O", self._open)
        self.copy_link = self._make("Copy link", "Ctrl+Shift+C", self._copy)
        self.undo = self._make("Undo", QKeySequence.Undo, controller.undo, shortcut_scope=None)
        self.undo.setEnabled(False)
        controller.undoChanged.connect(self._undo_changed)

    # -- building --------------------------------------------------------------------------------
    def _make(
        self,
        text: str,
        shortcut,
        slot,
        tip: str = "",
        *,
        checkable: bool = False,
        shortcut_scope=Qt.WindowShortcut,
    ) -> QAction:
        action = QAction(text, self._owner)
        action.setShortcut(QKeySequence(shortcut))
        if shortcut_scope is not None:
            action.setShortcutContext(shortcut_scope)
        action.setCheckable(checkable)
        action.setToolTip(f"{tip or text} ({action.shortcut().toString(QKeySequence.NativeText)})")
        action.triggered.connect(slot)
        self._owner.addAction(action)
        self.all.append(action)
        return action

    def context_menu(self) -> QMenu:
        menu = QMenu(self._owner)
        menu.addAction(self.reply)
        menu.addActions([self.done, self.ignore, self.reopen])
        menu.addMenu(self.snooze_menu)
        menu.addMenu(self.category_menu(menu))
        menu.addSeparator()
        menu.addActions([self.flag_troll, self.flag_vip, self.hide])
        menu.addSeparator()
        menu.addActions([self.open_link, self.copy_link])
        return menu

    def category_menu(self, parent: QWidget) -> QMenu:
        """The "Set category" menu: each category with its key, and back to triage's."""
        menu = QMenu("Set category", parent)
        menu.addActions([*self.categories, self.reset_category])
        return menu

    def set_shown(self, shown: bool) -> None:
        self._shown = shown
        self.update_enabled()

    def set_read_only(self, read_only: bool) -> None:
        """Only moving, opening and copying the link: nothing that changes or answers it."""
        self.read_only = read_only
        self.update_enabled()

    def update_enabled(self) -> None:
        rows = self._selected() if self._shown else []
        one = len(rows) == 1
        self.next.setEnabled(self._shown)
        self.previous.setEnabled(self._shown)
        self.open_link.setEnabled(one and bool(rows[0].url))
        self.copy_link.setEnabled(one and bool(rows[0].url))
        if self.read_only:
            rows, one = [], False
        for action in (self.done, self.ignore, self.reopen, self.snooze, *self.categories):
            action.setEnabled(bool(rows))
        self.reset_category.setEnabled(any(r.category_overridden for r in rows))
        for action, flag in ((self.flag_troll, AuthorFlag.TROLL), (self.flag_vip, AuthorFlag.VIP)):
            action.setEnabled(one)
            action.setChecked(one and flag in rows[0].author_flags)
        self.hide.setEnabled(one and Network(rows[0].network).hides_replies)
        self.hide.setChecked(one and rows[0].hidden)
        self.reply.setEnabled(one)

    # -- behaviour -------------------------------------------------------------------------------
    def _ids(self) -> list[int]:
        return [row.id for row in self._selected()]

    def _reply(self) -> None:
        rows = self._selected()
        if len(rows) == 1:
            self.replyRequested.emit(rows[0])

    def _status(self, status: MentionStatus) -> None:
        if ids := self._ids():
            self._controller.set_status(ids, status.value)
            if len(ids) == 1 and status in (MentionStatus.DONE, MentionStatus.IGNORED):
                self._move(1)  # dealt with: on to the next one, as in a mail client

    def _snooze_until(self, until: datetime) -> None:
        if ids := self._ids():
            self._controller.set_status(ids, MentionStatus.SNOOZED.value, snoozed_until=until)

    def _fill_snooze_menu(self) -> None:
        self.snooze_menu.clear()
        for label, until in snooze_choices(self._controller.clock()):
            action = self.snooze_menu.addAction(f"{label}  ({until:%a %H:%M})")
            action.triggered.connect(lambda _=False, u=until: self._snooze_until(u))

    def _popup_snooze(self) -> None:
        if not self._ids():
            return
        rect = self._view.visualRect(self._view.currentIndex())
        self.snooze_menu.popup(self._view.viewport().mapToGlobal(rect.center()))

    def _category(self, category: str) -> None:
        if ids := self._ids():
            self._controller.set_category(ids, category)

    def _reset_category(self) -> None:
        if ids := self._ids():
            self._controller.set_category(ids, None)

    def _flag(self, flag: AuthorFlag) -> None:
        rows = self._selected()
        if len(rows) == 1:
            self._controller.flag_author(rows[0], flag.value, flag not in rows[0].author_flags)

    def _hide(self) -> None:
        rows = self._selected()
        if len(rows) == 1:
            self.hide.setChecked(rows[0].hidden)  # until the network has said yes
            self._controller.hide_reply(rows[0], not rows[0].hidden)

    def _open(self) -> None:
        rows = self._selected()
        if len(rows) == 1 and rows[0].url:
            QDesktopServices.openUrl(QUrl(rows[0].url))

    def _copy(self) -> None:
        rows = self._selected()
        if len(rows) == 1 and rows[0].url:
            QGuiApplication.clipboard().setText(rows[0].url)
            self._controller.notice.emit("Link copied")

    def _move(self, step: int) -> None:
        model, current = self._view.model(), self._view.currentIndex()
        row = (current.row() + step) if current.isValid() else 0
        if step > 0 and row >= model.rowCount() and model.canFetchMore(current.parent()):
            model.fetchMore(current.parent())
        if 0 <= row < model.rowCount():
            self._view.setCurrentIndex(model.index(row, 0))

    def _undo_changed(self, text: str) -> None:
        self.undo.setEnabled(bool(text))
        self.undo.setText(f"Undo: {text}" if text else "Undo")
