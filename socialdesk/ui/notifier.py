"""Desktop notifications through the system tray. Where the desktop has no tray (or in tests and
--smoke), the alert still reaches the status bar."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStatusBar, QSystemTrayIcon

from socialdesk.app.view_models import Alert


class Notifier(QObject):
    activated = Signal(int)  # mention id of the notification the user clicked

    def __init__(self, icon: QIcon, status_bar: QStatusBar, parent=None) -> None:
        super().__init__(parent)
        self._status_bar = status_bar
        self._last: int | None = None
        self._tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray = QSystemTrayIcon(icon, self)
            self._tray.setToolTip("SocialDesk")
            self._tray.messageClicked.connect(self._clicked)
            self._tray.show()

    def show(self, alerts: list[Alert]) -> None:
        for alert in alerts[:3]:  # a burst is summarised by its first few, never a flood
            self._status_bar.showMessage(f"{alert.title} — {alert.body}", 15_000)
            if self._tray:
                self._tray.showMessage(alert.title, alert.body, QSystemTrayIcon.Information, 10_000)
            self._last = alert.mention_id

    def _clicked(self) -> None:
        if self._last is not None:
            self.activated.emit(self._last)
