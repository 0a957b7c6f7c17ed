"""The keyboard shortcuts help (``?``), listed from the keys themselves so it never drifts: one
group per place the keys work (the inbox, the composer, review, the outbox, the history, reports,
the crisis banner, the menus, the dialogs), and the keys every dialog and list shares. Keys are
shown as they are typed: ``j``, not ``J``.

An entry of a group is a QAction, a QShortcut or a button with a key of its own (what it is called
and its keys are read from it), or a ``(what it does, key)`` pair for a key a widget handles in
its own code (``KEYS`` beside that code: the History's Down, the Clients dialog's Delete).
tests/ui/test_shortcut_sheet.py checks the sheet against every key of the window and the dialogs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from socialdesk.ui.dialogs import RememberedDialog

if TYPE_CHECKING:
    from socialdesk.ui.main_window import MainWindow

# Keys Qt gives every window, said once so nobody has to guess them.
EVERYWHERE = [
    ("Move between controls", "Tab / Shift+Tab"),
    ("The dialog's main button", "Enter"),
    ("Close a dialog, clear the search", "Esc"),
    ("Press a button, open a menu", "Alt + its underlined letter"),
    ("Context menu of the selected mention", "Menu key / Shift+F10"),
]
# Keys the composer reads from what is typed rather than from a shortcut.
COMPOSER_TYPED = [("Saved reply by its name, as you type", ";name")]

Key = str | QKeySequence | QKeySequence.StandardKey
Entry = QAction | QShortcut | QAbstractButton | tuple[str, Key]
Group = tuple[str, Iterable[Entry]]


def typed(sequence: QKeySequence) -> str:
    """A key as the user types it: a letter on its own in lower case (``j``), the rest as Qt
    names them (``Shift+T``, ``Ctrl+Return``)."""
    text = sequence.toString(QKeySequence.NativeText)
    return text.lower() if len(text) == 1 and text.isalpha() else text


def keyed_buttons(widget: QWidget) -> list[QAbstractButton]:
    """The buttons in ``widget`` with a key of their own: not only Alt and an underlined letter,
    which the sheet says once for every button."""
    return [
        button
        for button in widget.findChildren(QAbstractButton)
        if not button.shortcut().isEmpty()
        and button.shortcut() != QKeySequence.mnemonic(button.text())
    ]


def window_groups(window: MainWindow) -> list[Group]:
    """Every key of the main window, grouped by where it works, then the dialogs'. The views made
    only when first shown are made here (their keys are read from them)."""
    menus: list[Entry] = []
    pending = list(window.menuBar().actions())
    while pending:
        action = pending.pop(0)
        if action.menu():
            pending[:0] = action.menu().actions()
        else:
            menus.append(action)
    groups: list[Group] = [
        ("Inbox", window.actions.all),
        ("Reply composer", [*window.composer.actions(), *COMPOSER_TYPED]),
        ("Review", window.review.actions()),
        ("Outbox", window.outbox.actions()),
        ("History", type(window.history).KEYS),
        ("Reports", keyed_buttons(window.reports)),
        ("Crisis banner", window.crisis_banner.actions()),
    ]
    onboarding = getattr(window, "onboarding", None)
    setup = onboarding.body.made(1) if onboarding is not None else None
    if setup is not None:  # shown at least once: its doors' keys
        groups.append(("Setup", keyed_buttons(setup)))
    groups.append(("Menus", menus))
    return groups + dialog_groups()


def dialog_groups() -> list[Group]:
    """The keys of the dialogs, each listed by the dialog itself (``KEYS``)."""
    from socialdesk.ui.brand_voice import BrandVoiceDialog
    from socialdesk.ui.clients import ClientsDialog
    from socialdesk.ui.saved_replies import SavedRepliesDialog

    return [
        ("Clients", ClientsDialog.KEYS),
        ("Brand voice", BrandVoiceDialog.KEYS),
        ("Saved replies", SavedRepliesDialog.KEYS),
    ]


class ShortcutsDialog(RememberedDialog):
    def __init__(self, groups: list[Group], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setHeaderLabels(["Action", "Key"])
        self.tree.setRootIsDecorated(False)
        listed: set[str] = set()
        for title, entries in groups:
            rows = _rows(entries, listed)
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
        self.resize(self.fontMetrics().averageCharWidth() * 88, max(640, rows * row + 120))

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


def _rows(entries: Iterable[Entry], listed: set[str]) -> list[tuple[str, str]]:
    """Entries with a key, each (name, key) listed once (the first group that has it says
    where)."""
    rows = []
    for entry in entries:
        text, key = _described(entry)
        text = text.replace("&", "").rstrip(".…")
        # An action named after its moment ("Undo: Draft marked ready for review") is listed
        # by what it does: the sheet is about keys, not about the last change made.
        text = text.split(":", 1)[0] if text.startswith("Undo:") else text
        if key and text and (text, key) not in rows and f"{text}|{key}" not in listed:
            listed.add(f"{text}|{key}")
            rows.append((text, key))
    return rows


def _described(entry: Entry) -> tuple[str, str]:
    """What the entry is called and its keys, as typed ("/ or Ctrl+F")."""
    if isinstance(entry, tuple):
        text, key = entry
        return text, key if isinstance(key, str) else typed(QKeySequence(key))
    if isinstance(entry, QAction):
        text, keys = entry.text(), entry.shortcuts()
    elif isinstance(entry, QShortcut):
        text, keys = entry.whatsThis(), entry.keys()
    else:
        text, keys = entry.text() or entry.accessibleName(), [entry.shortcut()]
    return text, " or ".join(typed(k) for k in keys if not k.isEmpty())
