"""What the palette alone cannot say — a pane's own background, muted text, a counter turning amber
and red, the banners, the reviewer's note, the text fields of the dark theme — said by a style
that dresses each widget by its name (``objectName``) and ``role``/``level`` property as Qt
polishes it.

Why not a style sheet: an application-wide style sheet sends every widget through Qt's style sheet
engine, which doubled the time to build the main window (63 ms -> 27 ms without it, issue 23)
and slows every dialog the same way. Here each widget costs one Python call when first shown.
Switching theme sets a new ``ThemeStyle``; Qt polishes every widget again with its colours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProxyStyle,
    QSplitterHandle,
    QStyle,
    QStyleOption,
    QTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from socialdesk.ui.theme import Colours

BOLD_NAMES = {"detailAuthor", "panelTitle"}
BANNERS = {"demoBanner": "notice", "undoBanner": "notice", "crisisBanner": "alarm"}
LEVELS = {"warn": "warning", "over": "danger"}  # a label's "level": its colour, in bold
_TEXT_FIELDS = (QTextEdit, QPlainTextEdit)


class ThemeStyle(QProxyStyle):
    def __init__(self, colours: Colours, *, dark: bool) -> None:
        super().__init__("Fusion")
        self._c = colours
        self._dark = dark

    # -- dressing, once per widget ----------------------------------------------------------------
    def polish(self, target):  # also called with a QPalette or the QApplication
        result = super().polish(target)
        if isinstance(target, QWidget):
            self._dress(target)
        return result

    def unpolish(self, target) -> None:
        """Undo the colours (a theme switch, a level changed): the next polish sets them anew.
        Only this style sets a widget's own palette, so any it has is this style's."""
        super().unpolish(target)
        if isinstance(target, QWidget) and target.testAttribute(Qt.WA_SetPalette):
            target.setPalette(QPalette())
            target.setAutoFillBackground(False)

    def _dress(self, w: QWidget) -> None:
        c, name = self._c, w.objectName()
        if name in ("sidebar", "feed") and isinstance(w, QFrame):
            w.setFrameShape(QFrame.NoFrame)
            self._colour(w, QPalette.Base, c.sidebar if name == "sidebar" else c.window)
        elif name == "detail":
            self._fill(w, c.base)
        elif name in BANNERS:
            self._fill(w, getattr(c, BANNERS[name]))
        elif name in BOLD_NAMES:
            _weight(w, QFont.DemiBold)
        elif isinstance(w, QSplitterHandle):
            self._fill(w, c.border)
        elif self._dark and isinstance(w, (QLineEdit, *_TEXT_FIELDS)):
            self._colour(w, QPalette.Base, c.alternate)  # a field a shade above the pane
        role, level = w.property("role"), w.property("level")
        if role == "muted":
            self._colour(w, QPalette.WindowText, c.muted)
            self._colour(w, QPalette.Text, c.muted)
        elif role == "reviewNote" and isinstance(w, QLabel):
            w.setContentsMargins(*(w.fontMetrics().height() // 3,) * 4)  # room inside the box
        if level is not None and isinstance(w, QLabel):
            self._show_level(w, level)

    def _show_level(self, label: QLabel, level: str) -> None:
        """A counter or an error: amber or red and bold, or plain text again ("")."""
        colour = LEVELS.get(level)
        if colour:
            self._colour(label, QPalette.WindowText, getattr(self._c, colour))
        _weight(label, QFont.DemiBold if colour else QFont.Normal)

    @staticmethod
    def _colour(w: QWidget, role: QPalette.ColorRole, colour: str) -> None:
        palette = w.palette()
        palette.setColor(role, QColor(colour))
        w.setPalette(palette)

    def _fill(self, w: QWidget, colour: str) -> None:
        w.setAutoFillBackground(True)
        self._colour(w, QPalette.Window, colour)

    # -- drawing what a palette cannot: borders and rounded boxes ---------------------------------
    def drawControl(self, element, option: QStyleOption, painter: QPainter, widget=None) -> None:
        ours = element == QStyle.CE_ShapedFrame and widget is not None
        if not (ours and self._frame(option, painter, widget)):
            super().drawControl(element, option, painter, widget)

    def drawPrimitive(self, element, option: QStyleOption, painter: QPainter, widget=None) -> None:
        if element == QStyle.PE_FrameLineEdit and self._dark:
            self._field_frame(option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)

    def _frame(self, option: QStyleOption, painter: QPainter, widget: QWidget) -> bool:
        """Draws ``widget``'s frame if it is one of ours; False: Fusion draws it."""
        c, name, r = self._c, widget.objectName(), QRectF(option.rect)
        if name == "threadItem":
            _box(painter, r, c.alternate, None, 6)
        elif widget.property("role") == "reviewNote":
            _box(painter, r.adjusted(0.5, 0.5, -0.5, -0.5), c.notice, c.note_border, 4)
        elif name in BANNERS:
            _line(painter, r.bottomLeft(), r.bottomRight(), getattr(c, BANNERS[name] + "_border"))
        elif name == "composer":
            _line(painter, r.topLeft(), r.topRight(), c.border)
        elif self._dark and isinstance(widget, _TEXT_FIELDS):
            self._field_frame(option, painter)
        elif isinstance(widget, QAbstractItemView) and isinstance(widget.window(), QDialog):
            _box(painter, r.adjusted(0.5, 0.5, -0.5, -0.5), None, c.field_border, 0)
        else:
            return False
        return True

    def _field_frame(self, option: QStyleOption, painter: QPainter) -> None:
        """Fusion draws a field's frame a shade darker than the window: on the dark theme's panes
        that is no frame at all. A lighter line, the highlight when it has the focus."""
        focused = bool(option.state & QStyle.State_HasFocus)
        border = self._c.highlight if focused else self._c.field_border
        _box(painter, QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5), None, border, 3)


def _weight(w: QWidget, weight: QFont.Weight) -> None:
    font = w.font()
    font.setWeight(weight)
    w.setFont(font)


def _box(painter: QPainter, r: QRectF, fill: str | None, border: str | None, radius: float) -> None:
    painter.save()
    painter.setRenderHint(QPainter.Antialiasing, radius > 0)
    painter.setPen(QPen(QColor(border), 1) if border else Qt.NoPen)
    painter.setBrush(QColor(fill) if fill else Qt.NoBrush)
    painter.drawRoundedRect(r, radius, radius)
    painter.restore()


def _line(painter: QPainter, start, end, colour: str) -> None:
    painter.save()
    painter.setPen(QPen(QColor(colour), 1))
    painter.drawLine(start, end)
    painter.restore()
