"""The saved-reply picker and editor: search the client's and the shared library, preview a reply
with its placeholders filled, insert it, or write and edit replies in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from socialdesk.app.replies import RepliesController
from socialdesk.core import replies
from socialdesk.core.replies import SavedReply
from socialdesk.ui.dialogs import RememberedDialog
from socialdesk.ui.widgets import plain_label

ReplyRole = Qt.UserRole + 1


class SavedRepliesDialog(RememberedDialog):
    # The search's keys (keyPressEvent, returnPressed), for the ? sheet.
    KEYS = (
        ("From the search into the list", "Down"),
        ("Insert the highlighted reply", "Enter"),
    )

    def __init__(self, controller: RepliesController, target, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Saved replies — {target.client_name}")
        self.setAccessibleName("Saved replies")
        self.controller, self.target = controller, target
        self.chosen: SavedReply | None = None

        self.search = QLineEdit(placeholderText="Search saved replies")
        self.search.setAccessibleName("Search saved replies")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._reload)
        self.search.returnPressed.connect(self.insert)  # the highlighted reply (Down: the list)
        self.list = QListWidget()
        self.list.setAccessibleName("Saved replies")
        self.list.currentItemChanged.connect(self._show)
        self.list.itemActivated.connect(lambda _item: self.insert())

        self.name = QLineEdit()
        self.name.setAccessibleName("Name")
        self.library = QComboBox()
        self.library.setAccessibleName("Library")
        self.library.addItem(f"{target.client_name} only", target.client_id)
        self.library.addItem("Shared by every client", None)
        self.body = QPlainTextEdit()
        self.body.setAccessibleName("Reply text")
        self.body.setTabChangesFocus(True)
        self.body.textChanged.connect(self._preview)
        self.filled = plain_label(role="muted")
        self.filled.setAccessibleName("Preview with placeholders filled")
        hint = plain_label(
            "Placeholders: " + ", ".join("{" + p + "}" for p in replies.PLACEHOLDERS), role="muted"
        )
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Library", self.library)
        form.addRow("&Text", self.body)
        form.addRow("", hint)
        form.addRow("Preview", self.filled)

        new, save, delete = QPushButton("&New"), QPushButton("&Save"), QPushButton("&Delete")
        for button in (new, save, delete):  # Enter is Insert's, whichever had the focus last
            button.setAutoDefault(False)
        new.clicked.connect(self._new)
        save.clicked.connect(self._save)
        delete.clicked.connect(self._delete)
        edits = QHBoxLayout()
        for button in (new, save, delete):
            edits.addWidget(button)
        edits.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.insert_button = buttons.addButton("&Insert", QDialogButtonBox.AcceptRole)
        self.insert_button.setDefault(True)
        buttons.accepted.connect(self.insert)
        buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.list)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(edits)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 110, self.fontMetrics().height() * 24)
        controller.libraryChanged.connect(self._reload)
        self._reload()

    @classmethod
    def pick(cls, controller: RepliesController, target, parent=None) -> SavedReply | None:
        """The reply the manager chose to insert, or None."""
        dialog = cls(controller, target, parent)
        return dialog.chosen if dialog.exec() == QDialog.Accepted else None

    def _reload(self) -> None:
        current = self._current()
        found = replies.search(self.controller.library(self.target.client_id), self.search.text())
        self.list.clear()
        for reply in found:
            where = "shared" if reply.client_id is None else self.target.client_name
            item = QListWidgetItem(f"{reply.name}  ({where})")
            item.setData(ReplyRole, reply)
            self.list.addItem(item)
            if current and reply.id == current.id:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.insert_button.setEnabled(self.list.count() > 0)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Down and self.focusWidget() is self.search and self.list.count():
            self.list.setFocus(Qt.TabFocusReason)  # from the search into the list, on its pick
            return
        super().keyPressEvent(event)

    def _current(self) -> SavedReply | None:
        item = self.list.currentItem()
        return item.data(ReplyRole) if item else None

    def _show(self, item, _previous=None) -> None:
        reply = item.data(ReplyRole) if item else None
        self.name.setText(reply.name if reply else "")
        self.body.setPlainText(reply.body if reply else "")
        self.library.setCurrentIndex(0 if reply and reply.client_id is not None else 1)

    def _preview(self) -> None:
        reply = SavedReply(0, "", self.body.toPlainText())
        self.filled.setText(
            self.controller.fill(reply, self.target.mention, self.target.client_name)
        )

    def _new(self) -> None:
        self.list.setCurrentItem(None)
        self.name.clear()
        self.body.clear()
        self.library.setCurrentIndex(0)
        self.name.setFocus()

    def _save(self) -> None:
        if not self.name.text().strip():
            QMessageBox.information(
                self, "Saved replies", "Give the reply a name, so it can be found by typing ;name."
            )
            return
        current = self._current()
        self.controller.save_reply(
            self.name.text(),
            self.body.toPlainText(),
            self.library.currentData(),
            current.id if current else None,
        )

    def _delete(self) -> None:
        current = self._current()
        if current is None:
            return
        asked = QMessageBox.question(self, "Delete saved reply", f"Delete “{current.name}”?")
        if asked == QMessageBox.Yes:
            self.controller.delete_reply(current.id)

    def insert(self) -> None:
        current = self._current()
        if current is None:
            return
        # What is in the editor now, even if not saved to the library.
        self.chosen = SavedReply(current.id, self.name.text(), self.body.toPlainText())
        self.accept()
