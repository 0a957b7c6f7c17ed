"""The main window's layout: where it was and how its splitters stood, remembered in the data
folder between launches; most of the screen on a first launch; the open mention under the feed
when the two do not fit side by side."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter

LAYOUT_FILE = "window.ini"
FIRST_SIZE_MIN = (800, 600)  # the smallest size every view is laid out for
# Narrower than this, the feed and the open mention do not both fit side by side: the mention
# goes under the feed instead of being squeezed to a clipped strip beside it.
SIDE_BY_SIDE_MIN_WIDTH = 820


class LayoutMemory:
    """A window's geometry and state and its splitters' sizes (each under its object name)."""

    def __init__(self, data_dir: Path) -> None:
        # Dialogs remember their sizes here too (dialogs.remember_in).
        self.store = QSettings(str(data_dir / LAYOUT_FILE), QSettings.IniFormat)

    def restore(self, window: QMainWindow, splitters: Sequence[QSplitter]) -> None:
        s = self.store
        if geometry := s.value("geometry"):
            window.restoreGeometry(geometry)
        else:
            first_size(window)
        if state := s.value("state"):
            window.restoreState(state)
        for splitter in splitters:
            if sizes := s.value(splitter.objectName()):
                splitter.restoreState(sizes)

    def save(self, window: QMainWindow, splitters: Sequence[QSplitter]) -> None:
        s = self.store
        s.setValue("geometry", window.saveGeometry())
        s.setValue("state", window.saveState())
        for splitter in splitters:
            s.setValue(splitter.objectName(), splitter.saveState())
        s.sync()


def first_size(window: QMainWindow) -> None:
    """No layout saved yet: most of the screen's free area, centred. Left to itself (no window
    manager, or a small screen) the window opens at its widgets' size hint, 853×385 on a
    1280×800 screen, with the detail pane and composer cut off."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    width = min(area.width(), max(FIRST_SIZE_MIN[0], round(area.width() * 0.85)))
    height = min(area.height(), max(FIRST_SIZE_MIN[1], round(area.height() * 0.85)))
    window.resize(width, height)
    window.move(area.center() - window.rect().center())


class StackWhenNarrow(QObject):
    """Turns ``splitter`` upright while it is narrower than SIDE_BY_SIDE_MIN_WIDTH; ``then``
    runs after each resize, once the splitter has laid out its panes."""

    def __init__(self, splitter: QSplitter, then: Callable[[], None] | None = None) -> None:
        super().__init__(splitter)
        self._splitter = splitter
        self._then = then
        splitter.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Resize:
            self._fit(event.size().width())
            if self._then is not None:
                QTimer.singleShot(0, self, self._then)
        return super().eventFilter(watched, event)

    def _fit(self, width: int) -> None:
        orientation = Qt.Vertical if width < SIDE_BY_SIDE_MIN_WIDTH else Qt.Horizontal
        if self._splitter.orientation() != orientation:
            self._splitter.setOrientation(orientation)
            self._splitter.setSizes([3, 2])  # the feed keeps the larger share either way
