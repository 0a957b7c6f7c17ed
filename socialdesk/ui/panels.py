"""Friendly placeholders for the views that later work fills (Review, Outbox, History, Reports)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

COMING = {
    "Review": "Drafts marked ready for review will wait here, so you can approve them calmly, "
    "even offline.",
    "Outbox": "Approved replies will queue here until their account is online, and go out "
    "exactly once.",
    "History": "Everything seen, drafted and sent, searchable in an instant.",
    "Reports": "Response times, volumes and sentiment per client, ready to send as a PDF.",
}


class ComingPanel(QWidget):
    def __init__(self, view: str, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName(f"{view} (coming soon)")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(view, objectName="panelTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        title.setFont(font)
        body = QLabel(COMING[view] + "\n\nThis view is coming in a next release.")
        body.setProperty("role", "muted")
        body.setWordWrap(True)
        for label in (title, body):
            label.setTextFormat(Qt.PlainText)
            label.setAlignment(Qt.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(2)
