"""The brand-voice dialog: rules edited from the keyboard, tried live, saved with the client."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from socialdesk.core.tone import BannedPhrase
from socialdesk.ui.brand_voice import BrandVoiceDialog
from socialdesk.ui.sidebar import Target


def test_rules_are_edited_and_tried_live(qtbot):
    dialog = BrandVoiceDialog("Ember", (BannedPhrase("cheap", "Say 'great value'."),), ["0800 1"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.sample, "@bo Thanks guys, cheap beans are back!")
    shown = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert "Warning: Say 'great value'." in shown
    assert not any("guys" in line for line in shown)

    dialog.add_row()  # opens the new row's first cell for typing
    editor = dialog.table.viewport().findChild(QLineEdit)
    qtbot.keyClicks(editor, "guys")
    qtbot.keyClick(editor, Qt.Key_Return)  # Qt commits the edit on the next event-loop turn
    qtbot.waitUntil(lambda: [r.phrase for r in dialog.rules()] == ["cheap", "guys"])
    shown = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert any("“guys” is on this client's list" in line for line in shown)

    dialog.table.selectRow(0)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key_Delete)
    assert [r.phrase for r in dialog.rules()] == ["guys"]


def test_the_window_saves_a_clients_brand_voice(make_window, qtbot, monkeypatch):
    window = make_window()
    client = window.controller.clients[0]
    rules = (BannedPhrase("no worries", "Say 'happy to help'.", "happy to help"),)
    monkeypatch.setattr(
        BrandVoiceDialog, "edit", classmethod(lambda cls, c, parent=None: (rules, ["hi@x.example"]))
    )
    window.sidebar.select(Target("Inbox", client_id=client.id))
    window.edit_brand_voice()

    def saved():
        return next(c for c in window.controller.clients if c.id == client.id)

    qtbot.waitUntil(lambda: saved().banned_phrases == rules)  # written and read back off-thread
    assert saved().brand_contacts == ("hi@x.example",)


def test_an_empty_list_says_what_to_do_and_no_empty_box_shows(qtbot):
    dialog = BrandVoiceDialog("Ember", (), [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty_hint.isVisible() and "Add phrase" in dialog.empty_hint.text()
    assert not dialog.findings.isVisible()  # nothing tried yet: no large empty box
    dialog.add_row()
    assert not dialog.empty_hint.isVisible()
    qtbot.keyClicks(dialog.sample, "Thanks!")
    assert dialog.findings.isVisible()
