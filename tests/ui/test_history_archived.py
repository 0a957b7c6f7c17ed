"""A History result of an archived client opens its conversation, read-only, and says why: its
mentions left the inbox, not the history."""

from PySide6.QtCore import Qt

from socialdesk.ui.feed.model import RowRole
from socialdesk.ui.sidebar import Target
from tests.ui.test_history_view import open_history, search


def test_an_archived_clients_result_opens_its_conversation_read_only(make_window, qtbot):
    window = make_window()
    admin = window.controller.client_admin
    ridgeway = next(c for c in window.controller.clients if c.name == "Ridgeway Cycles")
    with qtbot.waitSignal(admin.archivedChanged, timeout=10_000):
        admin.archive(ridgeway.id)
    qtbot.waitUntil(lambda: ridgeway.id not in {c.id for c in window.controller.clients})

    history = open_history(window, qtbot)
    rows = search(history, qtbot, "order client:ridgeway")
    assert rows, "the history keeps an archived client's mentions"
    history.view.setFocus()
    history.view.setCurrentIndex(history.model.index(0))
    qtbot.keyClick(history.view, Qt.Key_Return)

    qtbot.waitUntil(lambda: window.feed_panel.current_id() == rows[0].id, timeout=10_000)
    shown = [window.feed_model.index(i).data(RowRole) for i in range(window.feed_model.rowCount())]
    assert shown and all(r.client_id == ridgeway.id for r in shown)
    qtbot.waitUntil(lambda: window.detail.mention_id == rows[0].id, timeout=10_000)
    assert "read-only" in window.feed_title.text()
    note = window.feed_panel.read_only_note
    assert note.isVisible() and "Ridgeway Cycles is archived" in note.text()
    # Read-only: nothing that would change it or answer it, and r does not open the composer.
    actions = window.actions
    assert not any(a.isEnabled() for a in (actions.reply, actions.done, actions.ignore))
    window.feed.setFocus()
    qtbot.keyClick(window.feed, Qt.Key_R)
    assert not window.composer.isVisible()
    assert actions.next.isEnabled()  # reading it is fine

    # Another client's inbox: its mentions can be answered again.
    other = next(c for c in window.controller.clients if c.id != ridgeway.id)
    window.sidebar.select(Target("Inbox", client_id=other.id))
    qtbot.waitUntil(lambda: "Conversation" not in window.feed_title.text(), timeout=10_000)
    window.select_first_mention()
    qtbot.waitUntil(lambda: actions.reply.isEnabled(), timeout=10_000)
    assert not note.isVisible()
