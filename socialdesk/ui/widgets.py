"""Small widgets every view builds the same way: a label that shows text as text, one line of it
that gives way to a narrow window (elided on purpose, whole in its tooltip), a button that is an
action, and a menu item that is one."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QWidget


def plain_label(text: str = "", *, role: str | None = None, wrap: bool = True) -> QLabel:
    """A selectable label that never guesses rich text (network text may hold ``<img>``);
    ``role`` says what it is (``muted``, ``reviewNote``: ``ui/style.py`` dresses it)."""
    label = QLabel()
    label.setTextFormat(Qt.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
    if role:
        label.setProperty("role", role)
    return label


class ElidedLabel(QLabel):
    """One line of plain text that never holds the window wider than it is: narrower than its
    text, it ends in "…" and its tooltip holds the whole (``text()`` always does). Use it for a
    title that grows with what it names (a handle, a client), never for a sentence to be read."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.PlainText)
        self.setWordWrap(False)
        self.setProperty("elided", True)  # on purpose: tests/ui/test_text_scale.py lets it be
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._tip()

    def minimumSizeHint(self) -> QSize:
        size = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("…") * 6, size.height())

    def shown_text(self) -> str:
        """What fits: the text, or its start and "…"."""
        return self.fontMetrics().elidedText(
            self.text(), Qt.ElideRight, self.contentsRect().width()
        )

    def is_elided(self) -> bool:
        return self.shown_text() != self.text()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._tip()

    def _tip(self) -> None:
        self.setToolTip(self.text() if self.is_elided() else "")

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        self.style().drawItemText(
            painter, self.contentsRect(), int(self.alignment()), self.palette(),
            self.isEnabled(), self.shown_text(), self.foregroundRole(),
        )  # fmt: skip


def action_button(action: QAction, text: str | None = None) -> QPushButton:
    """A button that is ``action``: it triggers it, shows its tooltip (with the shortcut) and
    follows its enabled state; and its text, unless the button has its own ``text``."""
    button = QPushButton(text if text is not None else action.text())
    button.setToolTip(action.toolTip())
    button.clicked.connect(action.trigger)
    button.setEnabled(action.isEnabled())
    action.enabledChanged.connect(button.setEnabled)
    action.changed.connect(lambda: button.setToolTip(action.toolTip()))
    if text is None:
        action.changed.connect(lambda: button.setText(action.text()))
    return button


def menu_action(
    window: QWidget, menu: QMenu, text: str, slot, shortcut=None, tip: str = ""
) -> QAction:
    """An item of ``menu`` that calls ``slot``, owned by ``window`` (``tip`` shows in the status
    bar)."""
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action
