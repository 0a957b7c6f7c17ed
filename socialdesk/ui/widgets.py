"""Small widgets every view builds the same way: a label that shows text as text, and a button that
is an action."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton


def plain_label(text: str = "", *, role: str | None = None, wrap: bool = True) -> QLabel:
    """A selectable label that never guesses rich text (network text may hold ``<img>``);
    ``role`` is the style sheet's name for what it is (``muted``, ``sectionTitle``, ...)."""
    label = QLabel()
    label.setTextFormat(Qt.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
    if role:
        label.setProperty("role", role)
    return label


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
