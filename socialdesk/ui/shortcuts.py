"""The keyboard shortcuts help (``?``), listed from the actions themselves so it never drifts:
one group per place the keys work (the inbox, the composer, review, the outbox, the menus), and
the keys every dialog and list shares."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from socialdesk.ui.dialogs import RememberedDialog

# Keys Qt gives every window, said once so nobody has to guess them.
EVERYWHERE = [
    ("Move between controls", "Tab / Shift+Tab"),
    ("The dialog's main button", "Enter"),
    ("Close a dialog, clear the search", "Esc"),
    ("Open a menu", "Alt + its underlined letter"),
    ("Context menu of the selected mention", "Menu key / Shift+F10"),
]

Group = tuple[str, Iterable[QAction]]


class ShortcutsDialog(RememberedDialog):
    def __init__(self, groups: list[Group], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setHeaderLabels(["Action", "Key"])
        self.tree.setRootIsDecorated(False)
        listed: set[str] = set()
        for title, actions in groups:
            rows = _rows(actions, listed)
            if rows:
                self._add_group(title, rows)
        self._add_group("In every window", EVERYWHERE)
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)  # keys are never cut
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        # Tall enough for every key when the screen allows (on 1440 px it scrolled with half
        # the screen free); RememberedDialog shrinks it to a smaller screen.
        rows = 0
        for i in range(self.tree.topLevelItemCount()):
            rows += 1 + self.tree.topLevelItem(i).childCount()
        row = max(self.tree.sizeHintForRow(0), self.fontMetrics().height() + 2)
        self.resize(520, max(640, rows * row + 120))

    def _add_group(self, title: str, rows: list[tuple[str, str]]) -> None:
        group = QTreeWidgetItem(self.tree, [title])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setFirstColumnSpanned(True)
        for text, key in rows:
            QTreeWidgetItem(group, [text, key])

    def keys(self, title: str) -> dict[str, str]:
        """The group's rows, action -> key (what tests and screen readers see)."""
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group.text(0) == title:
                rows = (group.child(n) for n in range(group.childCount()))
                return {row.text(0): row.text(1) for row in rows}
        return {}


def _rows(actions: Iterable[QAction], listed: set[str]) -> list[tuple[str, str]]:
    """Actions with a key, each key listed once (the first group that has it says where)."""
    rows = []
    for action in actions:
        key = action.shortcut().toString(QKeySequence.NativeText)
        text = action.text().replace("&", "").rstrip(".…")
        # An action named after its moment ("Undo: Draft marked ready for review") is listed
        # by what it does: the sheet is about keys, not about the last change made.
        text = text.split(":", 1)[0] if text.startswith("Undo:") else text
        if key and text and (text, key) not in rows and f"{text}|{key}" not in listed:
            listed.add(f"{text}|{key}")
            rows.append((text, key))
    return rows
