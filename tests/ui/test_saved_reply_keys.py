"""The saved-reply picker from the keyboard: Down from the search goes into the list, Enter in the
search inserts the highlighted reply into the reply (the picker's form is left as it was)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from socialdesk.ui.saved_replies import SavedRepliesDialog
from tests.ui.test_composer import reply_to_first


@pytest.fixture
def picker(monkeypatch, qtbot):
    """Ctrl+; in the composer opens the picker; ``keys`` are pressed in it instead of a person."""
    seen = {}

    def run(keys):
        def exec_(dialog):
            seen["dialog"] = dialog
            dialog.show()
            qtbot.waitExposed(dialog)
            dialog.activateWindow()
            dialog.search.setFocus()
            keys(dialog)
            return dialog.result()

        monkeypatch.setattr(SavedRepliesDialog, "exec", exec_)
        return seen

    return run


def _names(dialog) -> list[str]:
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def test_down_from_the_search_goes_into_the_list(make_window, qtbot, picker):
    window = make_window()
    reply_to_first(window, qtbot)

    def keys(dialog):
        qtbot.keyClicks(dialog.search, "dm")
        assert dialog.list.currentRow() == 0
        qtbot.keyClick(dialog.search, Qt.Key_Down)
        assert dialog.focusWidget() is dialog.list and dialog.list.currentRow() == 0  # on its pick
        qtbot.keyClick(dialog.list, Qt.Key_Escape)

    seen = picker(keys)
    window.composer.saved_action.trigger()
    assert seen["dialog"].result() == QDialog.Rejected


def test_enter_in_the_search_inserts_the_highlighted_reply(make_window, qtbot, picker):
    window = make_window()
    reply_to_first(window, qtbot)
    chosen = {}

    def keys(dialog):
        qtbot.keyClicks(dialog.search, "dm")
        highlighted = dialog.list.currentItem()
        assert highlighted is not None and dialog.body.toPlainText()
        chosen["body"] = dialog.body.toPlainText()
        chosen["name"] = dialog.name.text()
        qtbot.keyClick(dialog.search, Qt.Key_Return)
        # What the form showed is what goes in: Enter did not clear it for a new reply.
        assert dialog.name.text() == chosen["name"]
        assert dialog.body.toPlainText() == chosen["body"]

    seen = picker(keys)
    window.composer.saved_action.trigger()
    assert seen["dialog"].result() == QDialog.Accepted
    text = window.composer.text
    assert text.strip() and "{" not in text  # filled in, placeholders and all
    first_words = chosen["body"].split("{")[0].split()[:2]
    assert all(word in text for word in first_words)
