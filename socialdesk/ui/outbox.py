"""The Outbox view: every approved reply and where it stands — queued, sending, sent, failed (with
the reason), paused — with retry, cancel (undoable; the draft goes back to its composer), and pause
or resume of a client's waiting items."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from socialdesk.app.replies import RepliesController
from socialdesk.app.view_models import SIGN_IN_NEEDED, OutboxEntry
from socialdesk.core.models import OutboxState, network_label
from socialdesk.ui import theme
from socialdesk.ui.format import card_text
from socialdesk.ui.widgets import action_button, plain_label

EntryRole = Qt.UserRole + 1
COLUMNS = ("State", "When", "To", "Reply", "Details")
STATE_WORDS = {
    OutboxState.QUEUED: "Queued",
    OutboxState.SENDING: "Sending…",
    OutboxState.SENT: "Sent",
    OutboxState.FAILED: "Failed",
    OutboxState.PAUSED: "Paused",
    OutboxState.CANCELLED: "Cancelled",
}


# Why a reply is paused when its client was put away, and the way back.
ARCHIVED = "client archived: Restore it (Workspace → Clients…) to send"
PAUSE_TIP = "Hold (or resume) every waiting reply of the selected client ({key})"
RESTORE_TIP = "The client is archived: Restore it (Workspace → Clients…) to send its replies"


def _hm(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%a %H:%M") if moment else ""


def state_text(entry: OutboxEntry) -> str:
    if entry.state == OutboxState.QUEUED and (entry.last_error or "").startswith(SIGN_IN_NEEDED):
        return SIGN_IN_NEEDED
    if entry.state == OutboxState.QUEUED and entry.last_error:
        return "Waiting to retry"
    return STATE_WORDS.get(OutboxState(entry.state), entry.state)


def when_text(entry: OutboxEntry) -> str:
    """When it went, or when it will go: a reply scheduled later shows its time, not the
    moment it was approved."""
    if entry.sent_at:
        return _hm(entry.sent_at)
    if entry.send_at and entry.state in (OutboxState.QUEUED, OutboxState.PAUSED):
        return _hm(entry.send_at)
    return _hm(entry.created_at)


def when_tip(entry: OutboxEntry) -> str:
    if entry.sent_at:
        return f"Posted {_hm(entry.sent_at)} · approved {_hm(entry.created_at)}"
    if entry.send_at and entry.state in (OutboxState.QUEUED, OutboxState.PAUSED):
        return f"Goes at {_hm(entry.send_at)} · approved {_hm(entry.created_at)}"
    return f"Approved {_hm(entry.created_at)}"


class _RoomyRows(QStyledItemDelegate):
    """Rows with a little air above and below the text."""

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + option.fontMetrics.height() // 2)


def details_text(entry: OutboxEntry) -> str:
    if entry.state == OutboxState.SENT:
        return f"Posted {_hm(entry.sent_at)}" + (f" · {entry.url}" if entry.url else "")
    parts = []
    if entry.state == OutboxState.PAUSED and entry.client_archived:
        parts.append(ARCHIVED)
    if entry.send_at and entry.state in (OutboxState.QUEUED, OutboxState.PAUSED):
        parts.append(f"scheduled for {_hm(entry.send_at)}")
    if entry.last_error:
        parts.append(entry.last_error)
    if entry.next_attempt_at and entry.state == OutboxState.QUEUED:
        parts.append(f"next try {_hm(entry.next_attempt_at)}")
    if entry.attempts > 1:
        parts.append(f"{entry.attempts} tries")
    return " · ".join(parts)


class OutboxPanel(QWidget):
    def __init__(self, controller: RepliesController, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Outbox")
        self.controller = controller
        self.title = plain_label(role="sectionTitle")
        self.tree = QTreeWidget()
        self.tree.setObjectName("outboxList")
        self.tree.setAccessibleName("Outbox items")
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        header = self.tree.header()
        header.setStretchLastSection(False)
        # State, When and To as wide as their text (a handle is never cut); the reply takes
        # what is left after Details, which grows with the window up to its longest text.
        for column, mode in enumerate(
            (QHeaderView.ResizeToContents, QHeaderView.ResizeToContents,
             QHeaderView.ResizeToContents, QHeaderView.Stretch, QHeaderView.Interactive)
        ):  # fmt: skip
            header.setSectionResizeMode(column, mode)
        self.tree.setItemDelegate(_RoomyRows(self.tree))
        self.tree.installEventFilter(self)

        self.retry_action = self._action("Retry now", "Ctrl+R", self.retry)
        self.cancel_action = self._action("Cancel", QKeySequence.Delete, self.cancel)
        self.pause_action = self._action("Pause client's outbox", "Ctrl+P", self.toggle_pause)
        self.send_action = self._action(
            "Send waiting replies", "Ctrl+Shift+Return", controller.send_due
        )
        buttons = QHBoxLayout()
        for action in (self.retry_action, self.cancel_action, self.pause_action):
            buttons.addWidget(action_button(action))
        buttons.addStretch(1)
        buttons.addWidget(action_button(self.send_action))

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        controller.outboxChanged.connect(self.set_items)
        self.set_items(controller.outbox_items)

    def _action(self, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text} ({action.shortcut().toString(QKeySequence.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def set_items(self, entries: list[OutboxEntry]) -> None:
        keep = {e.id for e in self.selected()}
        self.tree.clear()
        colours = theme.colours()
        tint = {
            OutboxState.FAILED: colours.danger,
            OutboxState.SENT: colours.ok,
            OutboxState.PAUSED: colours.warning,
        }
        for entry in reversed(entries):  # newest first
            to = f"@{entry.reply_to_handle}" if entry.reply_to_handle else "new post"
            values = (
                state_text(entry),
                when_text(entry),
                to,
                card_text(entry.text)[:200],
                details_text(entry),
            )
            row = QTreeWidgetItem(list(values))
            row.setData(0, EntryRole, entry)
            row.setToolTip(
                2, f"{entry.client_name} · {network_label(entry.network)} @{entry.account_handle}"
            )
            row.setToolTip(1, when_tip(entry))
            row.setToolTip(3, entry.text[:2_000])
            row.setToolTip(4, details_text(entry))
            if colour := tint.get(OutboxState(entry.state)):
                row.setForeground(0, QColor(colour))
            self.tree.addTopLevelItem(row)
            row.setSelected(entry.id in keep)
        paused = sum(e.state == OutboxState.PAUSED for e in entries)
        waiting = sum(OutboxState(e.state).waiting for e in entries)  # paused ones included
        failed = sum(e.state == OutboxState.FAILED for e in entries)
        self.title.setText(
            f"{waiting} waiting to be sent"
            + (f" ({paused} paused)" if paused else "")
            + (f" · {failed} failed" if failed else "")
            + " · sent and cancelled replies stay listed for a week"
        )
        self._update_buttons()
        self._fit_details()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.tree and event.type() == QEvent.Resize:
            self._fit_details()
        return super().eventFilter(watched, event)

    def _fit_details(self) -> None:
        """Details as wide as its longest text (a link whole), but at most 30% of the list (the
        reply keeps the most room) and at least 10 characters."""
        chars = self.fontMetrics().averageCharWidth()
        longest = max(
            (
                self.tree.fontMetrics().horizontalAdvance(self.tree.topLevelItem(i).text(4))
                for i in range(self.tree.topLevelItemCount())
            ),
            default=0,
        )
        room = int(self.tree.width() * 0.3)
        self.tree.header().resizeSection(4, max(10 * chars, min(longest + 3 * chars, room)))

    def selected(self) -> list[OutboxEntry]:
        return [item.data(0, EntryRole) for item in self.tree.selectedItems()]

    def _update_buttons(self) -> None:
        chosen = self.selected()
        states = {e.state for e in chosen}
        self.retry_action.setEnabled(bool(states & {OutboxState.FAILED, OutboxState.QUEUED}))
        self.cancel_action.setEnabled(
            any(
                e.state in (OutboxState.QUEUED, OutboxState.FAILED, OutboxState.PAUSED)
                for e in chosen
            )
        )
        clients = {e.client_id for e in chosen}
        archived = any(e.client_archived for e in chosen)
        self.pause_action.setEnabled(len(clients) == 1 and not archived)
        key = self.pause_action.shortcut().toString(QKeySequence.NativeText)
        self.pause_action.setToolTip(RESTORE_TIP if archived else PAUSE_TIP.format(key=key))
        paused = any(e.state == OutboxState.PAUSED for e in chosen)
        self.pause_action.setText("Resume client's outbox" if paused else "Pause client's outbox")

    def retry(self) -> None:
        ids = [e.id for e in self.selected() if e.state in (OutboxState.FAILED, OutboxState.QUEUED)]
        if ids:
            self.controller.retry(ids)

    def cancel(self) -> None:
        final = (OutboxState.SENT, OutboxState.CANCELLED)
        chosen = [e for e in self.selected() if e.state not in final]
        maybe = [e for e in chosen if e.unconfirmed]
        if maybe and (
            QMessageBox.question(
                self,
                "Cancel a reply that may be posted?",
                "The connection broke while this reply was being sent, so it may already be on "
                f"{network_label(maybe[0].network)}. Cancel it here anyway? Check the account "
                "afterwards, and delete the post there if it went out.",
            )
            != QMessageBox.Yes
        ):
            return
        if chosen:
            self.controller.cancel([e.id for e in chosen])

    def toggle_pause(self) -> None:
        chosen = self.selected()
        clients = {e.client_id for e in chosen}
        if len(clients) != 1:
            return
        paused = any(e.state == OutboxState.PAUSED for e in chosen)
        self.controller.set_client_paused(clients.pop(), not paused)
