"""The ``?`` sheet against the real keys: every QAction, QShortcut and button key in the main window
(every view made, the setup and the crisis banner included) and in the dialogs is on it, grouped
by where it works, and keys are shown as they are typed (``j``, not ``J``)."""

import pytest
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton

from socialdesk.ui.shortcuts import ShortcutsDialog


def _typed(sequence: QKeySequence) -> str:
    """A key as the user types it: a letter alone in lower case."""
    text = sequence.toString(QKeySequence.NativeText)
    return text.lower() if len(text) == 1 and text.isalpha() else text


def _name(text: str) -> str:
    """As the sheet names it: no mnemonic, no dots; Undo by what it does, not its last change."""
    text = text.replace("&", "").rstrip(".…")
    return "Undo" if text.startswith("Undo:") else text


def _sheet(dialog) -> dict[str, list[tuple[str, str]]]:
    """Group title -> (action, key) rows, as the sheet shows them."""
    tree, groups = dialog.tree, {}
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        rows = (group.child(n) for n in range(group.childCount()))
        groups[group.text(0)] = [(row.text(0), row.text(1)) for row in rows]
    return groups


def _keys_of(row_key: str) -> set[str]:
    return set(row_key.split(" or "))


def _is_mnemonic(button: QAbstractButton) -> bool:
    """Alt and the button's underlined letter: the sheet says that once for every button."""
    return button.shortcut() == QKeySequence.mnemonic(button.text())


def real_keys(top) -> list[tuple[str | None, str]]:
    """Every key ``top`` and its children answer to: (what it is called, the key)."""
    found: list[tuple[str | None, str]] = []
    for action in top.findChildren(QAction):
        for sequence in action.shortcuts():
            if not sequence.isEmpty():
                found.append((_name(action.text()), _typed(sequence)))
    for shortcut in top.findChildren(QShortcut):
        for sequence in shortcut.keys():  # noqa: SIM118 (its key sequences, not a dict)
            found.append((None, _typed(sequence)))
    for button in top.findChildren(QAbstractButton):
        if not button.shortcut().isEmpty() and not _is_mnemonic(button):
            found.append(
                (_name(button.text() or button.accessibleName()), _typed(button.shortcut()))
            )
    return found


def _listed(groups, key: tuple[str | None, str], only: str | None = None) -> bool:
    name, typed = key
    return any(
        typed in _keys_of(row_key) and (name is None or name == row_name)
        for title, rows in groups.items()
        if only is None or title == only
        for row_name, row_key in rows
    )


@pytest.fixture
def every_view(make_window):
    """The demo window with every lazily made page made: the views and the setup."""
    window = make_window()
    for page in (window.review, window.outbox, window.history, window.reports):
        assert page is not None
    assert window.onboarding.setup is not None
    return window


def test_every_key_of_the_window_is_on_the_sheet(every_view, qtbot):
    window = every_view
    dialog = ShortcutsDialog(window.menus.help.shortcut_groups(), window)
    qtbot.addWidget(dialog)
    groups = _sheet(dialog)
    keys = real_keys(window)
    assert len(keys) > 40
    missing = [key for key in keys if not _listed(groups, key)]
    assert missing == [], missing


def test_keys_are_shown_as_typed_and_grouped_by_where_they_work(every_view, qtbot):
    window = every_view
    dialog = ShortcutsDialog(window.menus.help.shortcut_groups(), window)
    qtbot.addWidget(dialog)
    inbox = dialog.keys("Inbox")
    assert inbox["Next mention"] == "j" and inbox["Reply"] == "r" and inbox["Mark done"] == "e"
    assert inbox["Flag author as troll"] == "Shift+T"
    assert dialog.keys("Reports")["Export CSV"] == "Ctrl+Shift+E"
    crisis = dialog.keys("Crisis banner")
    assert crisis["Draft a statement"] == "Ctrl+Alt+S" and crisis["Mark as covered"] == "Ctrl+Alt+M"
    assert dialog.keys("Reply composer")["Saved reply by its name, as you type"] == ";name"
    assert dialog.keys("History")["From the search into the results"] == "Down"
    assert dialog.keys("Saved replies")["Insert the highlighted reply"] == "Enter"
    assert "/" in _keys_of(dialog.keys("Menus")["Search"])
    titles = [title for title in _sheet(dialog)]
    assert titles[0] == "Inbox" and titles[-1] == "In every window"


def test_every_key_of_the_dialogs_is_on_the_sheet(every_view, qtbot):
    from socialdesk.ui.brand_voice import BrandVoiceDialog
    from socialdesk.ui.clients import ClientsDialog
    from socialdesk.ui.composer import ReplyTarget
    from socialdesk.ui.saved_replies import SavedRepliesDialog

    window = every_view
    controller = window.controller
    client = controller.clients[0]
    row = window.feed_model.index(0).data(0x0100 + 1)
    made = {
        "Clients": ClientsDialog(controller.client_admin, controller, window),
        "Brand voice": BrandVoiceDialog(client.name, client.banned_phrases, (), window),
        "Saved replies": SavedRepliesDialog(window.replies, ReplyTarget.for_mention(row), window),
    }
    sheet = ShortcutsDialog(window.menus.help.shortcut_groups(), window)
    qtbot.addWidget(sheet)
    groups = _sheet(sheet)
    for title, dialog in made.items():
        qtbot.addWidget(dialog)
        assert groups.get(title), title
        missing = [key for key in real_keys(dialog) if not _listed(groups, key, title)]
        assert missing == [], title
