"""The Review view: drafts marked ready, one at a time, with the mention they answer, their
counter and tone checks; approve (Ctrl+Enter), edit in place, or send back with a note. Works with
no connection: nothing here talks to a network."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from socialdesk.app.replies import RepliesController
from socialdesk.app.view_models import ReviewItem
from socialdesk.core import tone
from socialdesk.core.models import network_label
from socialdesk.ui.composer import Composer
from socialdesk.ui.format import local_time
from socialdesk.ui.reply_target import ReplyTarget
from socialdesk.ui.widgets import plain_label

ItemRole = Qt.UserRole + 1


class ReviewPanel(QWidget):
    def __init__(self, controller: RepliesController, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Review")
        self.controller = controller
        self.list = QListWidget()
        self.list.setObjectName("reviewList")
        self.list.setAccessibleName("Drafts ready for review")
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._show)
        self.title = plain_label(role="sectionTitle")
        self.empty = plain_label(
            "Nothing to review. Drafts marked “Ready for review” (Ctrl+Shift+Enter in the "
            "composer) wait here — you can review them with no connection.",
            role="muted",
        )
        self.mention = plain_label()
        self.mention.setAccessibleName("The mention this draft answers")
        self.composer = Composer(controller, review_mode=True)
        self.composer.closed.connect(self._next)
        self.note = QLineEdit(placeholderText="Note for the writer, when sending back")
        self.note.setAccessibleName("Note for the writer")
        # The decisions' keys work from the list and the editor alike.
        for action, key in (
            (self.composer.approve_action, "Ctrl+Return"),
            (self.composer.schedule_action, "Ctrl+Alt+Return"),
        ):
            action.setShortcut(QKeySequence(key))
            self.addAction(action)
        self.approve_button = self.composer.approve_button()
        self.approve_button.setToolTip("Approve: the reply goes to the Outbox (Ctrl+Enter)")
        self.back_button = QPushButton("Send back")
        self.back_button.setToolTip("Return the draft to its writer with your note (Ctrl+B)")
        self.back_button.clicked.connect(self.send_back)
        back = QAction(
            "Send back to the writer", self, shortcut=QKeySequence("Ctrl+B"),
            triggered=self.send_back,
        )  # fmt: skip
        back.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.addAction(back)

        right = QWidget()
        box = QVBoxLayout(right)
        box.addWidget(self.empty)
        box.addWidget(self.mention)
        box.addWidget(self.composer)
        actions = QHBoxLayout()
        actions.addWidget(self.note, 1)
        actions.addWidget(self.back_button)
        actions.addWidget(self.approve_button)
        box.addLayout(actions)
        box.addStretch(1)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.title)
        left_box.addWidget(self.list)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)  # the list widens with the window too (a third of it)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        controller.reviewChanged.connect(self.set_items)
        self.set_items(controller.review_items)

    def set_items(self, items: list[ReviewItem]) -> None:
        current = self._current()
        keep = current.draft.id if current else None
        self.list.blockSignals(True)
        self.list.clear()
        for item in items:
            entry = QListWidgetItem(_summary(item, self.controller))
            entry.setData(ItemRole, item)
            self.list.addItem(entry)
            if item.draft.id == keep:
                self.list.setCurrentItem(entry)
        self.list.blockSignals(False)
        if self.list.currentRow() < 0 and items:
            self.list.setCurrentRow(0)
        elif self.list.currentItem() is not None and self.composer.target is None:
            self._show(self.list.currentItem())
        count = len(items)
        self.title.setText(f"{count} draft{'s' if count != 1 else ''} ready for review")
        for widget in (self.mention, self.composer, self.note, self.approve_button):
            widget.setVisible(bool(items))
        self.back_button.setVisible(bool(items))
        self.empty.setVisible(not items)

    def _current(self) -> ReviewItem | None:
        entry = self.list.currentItem()
        return entry.data(ItemRole) if entry else None

    def _show(self, entry, _previous=None) -> None:
        item = entry.data(ItemRole) if entry else None
        if item is None:
            return
        row = item.mention
        self.mention.setText(
            f"@{row.author_handle} · {local_time(row.created_at)}\n{row.text[:2_000]}"
            if row
            else f"A new post for @{item.account_handle}"
        )
        self.note.clear()
        self.composer.open(
            ReplyTarget(item.draft.account_id, item.client_id, item.client_name, item.network, row)
        )

    def send_back(self) -> None:
        draft_id = self.composer.draft_id
        if draft_id is None:
            return
        note = self.note.text()
        self.composer.after_save(lambda: self.controller.send_back(draft_id, note))
        self.composer.target = None  # the next list shows the next draft

    def _next(self) -> None:
        self.composer.target = None


def _summary(item: ReviewItem, controller: RepliesController) -> str:
    """Two lines per draft: where it goes and its first words, with what the checks found."""
    who = f"@{item.mention.author_handle}" if item.mention else "new post"
    findings = tone.check(
        item.draft.text, controller.context_for(item.draft.account_id, item.mention)
    )
    worst = {f.severity for f in findings}
    warnings = sum(f.severity == "warning" for f in findings)
    mark = (
        " · cannot be approved"
        if "block" in worst
        # "check advice" said nothing to someone new: how many of the composer's findings wait
        else f" · ⚠ {warnings} tone finding{'s' * (warnings != 1)}"
        if warnings
        else ""
    )
    text = item.draft.text.strip()
    first = text.splitlines()[0] if text else "(empty)"
    if len(first) > 90:  # cut where a word ends, and say so
        first = first[:90].rsplit(" ", 1)[0] + " …"
    elif "\n" in text:
        first += " …"
    return f"{item.client_name} · {network_label(item.network)} → {who}{mark}\n{first}"
