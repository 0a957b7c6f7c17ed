"""Approve for later: the time an approved reply waits in the Outbox for."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout

from socialdesk.ui.widgets import plain_label


class ScheduleDialog(QDialog):
    """When an approved post should go out (local time)."""

    def __init__(self, now: datetime, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Approve for later")
        start = QDateTime.fromSecsSinceEpoch(int(now.timestamp()) // 3600 * 3600 + 3600)
        self.when = QDateTimeEdit(start)
        self.when.setAccessibleName("Post at")
        self.when.setCalendarPopup(True)
        self.when.setMinimumDateTime(QDateTime.fromSecsSinceEpoch(int(now.timestamp())))
        self.when.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(plain_label("The reply waits in the Outbox and is posted at this time."))
        form.addRow("&Post at", self.when)
        form.addRow(buttons)

    @classmethod
    def ask(cls, now: datetime, parent=None) -> datetime | None:
        dialog = cls(now, parent)
        if dialog.exec() != QDialog.Accepted:
            return None
        return datetime.fromtimestamp(dialog.when.dateTime().toSecsSinceEpoch(), UTC)
