"""The composer's text box: plain text, with links and mentions underlined and what does not fit
on a red background, and positions translated between Python's and Qt's ways of counting."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QCompleter, QPlainTextEdit, QTextEdit

from socialdesk.ui import theme

if TYPE_CHECKING:
    from socialdesk.core.counter import Count


def counter_module() -> ModuleType:
    """The counter, loaded with the first count rather than with the window (its link and emoji
    patterns take a tenth of a second; the controller warms them up after the first paint)."""
    from socialdesk.core import counter

    return counter


def python_index(text: str, qt_pos: int) -> int:
    """The Python index of QTextCursor position ``qt_pos`` (UTF-16 units) in ``text``."""
    return len(text.encode("utf-16-le")[: 2 * qt_pos].decode("utf-16-le", errors="ignore"))


def select_span(cursor: QTextCursor, text: str, start: int, end: int) -> None:
    """Select ``text[start:end]`` (Python indices) with ``cursor`` (which counts UTF-16 units)."""
    cursor.setPosition(counter_module().qt_position(text, start))
    cursor.setPosition(counter_module().qt_position(text, end), QTextCursor.KeepAnchor)


class ReplyEditor(QPlainTextEdit):
    """Hands Enter, Tab and Escape to the saved-reply completer while its list is open."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.completer: QCompleter | None = None
        self.setTabChangesFocus(True)

    def sizeHint(self) -> QSize:
        # Six lines asked for, more taken when there is room: when the pane is short, the tone
        # findings under it keep their height and the editor gives way (down to five lines).
        return QSize(super().sizeHint().width(), self.fontMetrics().lineSpacing() * 6 + 12)

    def keyPressEvent(self, event) -> None:
        popup = self.completer.popup() if self.completer else None
        keys = (Qt.Key_Enter, Qt.Key_Return, Qt.Key_Escape, Qt.Key_Tab, Qt.Key_Backtab)
        if popup is not None and popup.isVisible() and event.key() in keys:
            event.ignore()
            return
        super().keyPressEvent(event)

    def highlight(self, text: str, count: Count) -> None:
        """Links and mentions underlined; everything past the limit on a red background."""
        selections = []
        for span in count.entities:
            fmt = QTextCharFormat()
            fmt.setFontUnderline(True)
            selections.append(self._selection(text, span.start, span.end, fmt))
        if count.overflow_start is not None:
            fmt = QTextCharFormat()
            danger = QColor(theme.colours().danger)
            danger.setAlpha(60)
            fmt.setBackground(danger)
            selections.append(self._selection(text, count.overflow_start, len(text), fmt))
        self.setExtraSelections(selections)

    def _selection(self, text: str, start: int, end: int, fmt) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        select_span(cursor, text, start, end)
        selection.cursor = cursor
        selection.format = fmt
        return selection
