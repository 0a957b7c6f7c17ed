"""Ctrl+N writes for the client being worked on: its account with a leftover post first, never
another client's draft (a newcomer's Ctrl+N on one client opened another client's X draft)."""

from PySide6.QtCore import Qt

from socialdesk.store import drafts
from socialdesk.ui.new_post import NewPostDialog
from socialdesk.ui.sidebar import Target


def opened_new_post(window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(NewPostDialog, "exec", lambda self: opened.append(self) or 0)
    window.show()
    qtbot.keyClick(window, Qt.Key_N, Qt.ControlModifier)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    return opened[0]


def test_new_post_opens_on_the_chosen_clients_account_with_its_leftover_draft(
    make_window, qtbot, monkeypatch, clock
):
    window = make_window()
    first, second = window.controller.clients[:2]
    db = window.controller.workspace.db
    # A post left half-written for the first client, and one for the second's last account.
    drafts.save_draft(db, account_id=first.accounts[0].id, mention_id=None, text="Old news",
                      cursor=0, now=clock())  # fmt: skip
    leftover = second.accounts[-1]
    drafts.save_draft(db, account_id=leftover.id, mention_id=None, text="Half a post",
                      cursor=4, now=clock())  # fmt: skip
    window.sidebar.select(Target("Inbox", client_id=second.id))

    dialog = opened_new_post(window, qtbot, monkeypatch)
    target = dialog.account.currentData()
    assert (target.client_id, target.account_id) == (second.id, leftover.id)
    assert dialog.composer.text == "Half a post"
    assert "draft" in dialog.account.currentText()  # the list says which accounts hold one


def test_new_post_without_a_chosen_client_starts_on_the_first_account(
    make_window, qtbot, monkeypatch
):
    window = make_window()
    window.sidebar.select(Target("Inbox"))
    dialog = opened_new_post(window, qtbot, monkeypatch)
    first = window.controller.clients[0]
    assert dialog.account.currentData().account_id == first.accounts[0].id
    assert dialog.composer.text == ""


def test_a_dialog_opens_at_the_size_it_was_left_also_after_a_restart(
    make_window, qtbot, monkeypatch
):
    window = make_window()
    first = opened_new_post(window, qtbot, monkeypatch)
    first.show()
    first.resize(720, 520)
    first.close()
    again = opened_new_post(window, qtbot, monkeypatch)
    again.show()
    assert (again.width(), again.height()) == (720, 520)
    again.close()
    window.close()
    restarted = make_window()
    later = opened_new_post(restarted, qtbot, monkeypatch)
    later.show()
    assert (later.width(), later.height()) == (720, 520)
