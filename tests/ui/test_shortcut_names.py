"""The ? sheet lists the undo key as "Undo", whatever the last change was."""

from PySide6.QtGui import QAction

from socialdesk.ui.shortcuts import ShortcutsDialog


def test_undo_is_listed_by_what_it_does_not_by_the_last_change(qtbot):
    undo = QAction("Undo: Draft marked ready for review", shortcut="Ctrl+Z")
    dialog = ShortcutsDialog([("Inbox", [undo])])
    qtbot.addWidget(dialog)
    assert dialog.keys("Inbox") == {"Undo": "Ctrl+Z"}
