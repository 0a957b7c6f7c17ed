"""Dialogs that open at the size and place the manager last left them, in this session and the
next: a manager who widens the saved-replies list once should not have to do it every time."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

# The main window's layout file; set once it exists (one window per process). Until then, and in
# tests that build a dialog alone, dialogs simply open at their own size.
_store: QSettings | None = None


def remember_in(store: QSettings | None) -> None:
    global _store
    _store = store


class RememberedDialog(QDialog):
    """A dialog whose geometry is kept under its class name."""

    _restored = False

    def _key(self) -> str:
        return f"dialogs/{type(self).__name__}"

    def showEvent(self, event) -> None:
        if _store is not None and not self._restored:
            self._restored = True
            if geometry := _store.value(self._key()):
                self.restoreGeometry(geometry)
        fit_screen(self)
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        if _store is not None:
            _store.setValue(self._key(), self.saveGeometry())
        super().hideEvent(event)


# Room left for the window manager's title bar and borders, which Qt does not count in size().
FRAME_ROOM = (16, 48)


def fit_screen(dialog: QDialog) -> None:
    """Shrink ``dialog`` to the screen it opens on: a dialog made for a large screen must not put
    its buttons below the edge of an 800×600 one (the shortcuts sheet did)."""
    screen = dialog.screen()
    if screen is None:
        return
    area = screen.availableGeometry()
    width = min(dialog.width(), area.width() - FRAME_ROOM[0])
    height = min(dialog.height(), area.height() - FRAME_ROOM[1])
    if (width, height) != (dialog.width(), dialog.height()):
        dialog.resize(max(width, dialog.minimumWidth()), max(height, dialog.minimumHeight()))
