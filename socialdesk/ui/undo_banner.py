"""The strip across the top of the window after a client is deleted (over the setup and every
view): what was deleted, an Undo button, and how long it can still be undone. The deletion
happens for good only when the time is up."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from socialdesk.app.clients import ClientsController
from socialdesk.ui.widgets import plain_label


class UndoBanner(QFrame):
    def __init__(self, admin: ClientsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBanner")
        self.setAccessibleName("Undo the deletion")
        self.admin = admin
        self.client_id: int | None = None
        self._name = ""
        self._left = 0
        self.text = plain_label(wrap=False)
        self.undo_button = QPushButton("&Undo")
        self.undo_button.setToolTip("Bring the client back as it was (Ctrl+Z works too)")
        self.undo_button.clicked.connect(self.undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.undo_button)
        self._tick = QTimer(self, interval=1000, timeout=self._count_down)
        admin.deletePending.connect(self.show_pending)
        admin.deleteFinished.connect(self._finished)
        self.hide()

    def show_pending(self, client_id: int, name: str, seconds: int) -> None:
        self.client_id, self._name, self._left = client_id, name, seconds
        self._say()
        self.show()
        self._tick.start()

    def _say(self) -> None:
        self.text.setText(
            f"Deleted “{self._name}”. It goes for good in {self._left} s — Undo brings it back."
        )
        self.undo_button.setAccessibleDescription(self.text.text())

    def _count_down(self) -> None:
        self._left = max(0, self._left - 1)
        self._say()

    def undo(self) -> None:
        if self.client_id is not None:
            self.admin.undo_delete(self.client_id)

    def _finished(self, client_id: int) -> None:
        if client_id == self.client_id:
            self.client_id = None
            self._tick.stop()
            self.hide()
