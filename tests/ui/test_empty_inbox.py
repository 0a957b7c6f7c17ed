"""An inbox with no clients: nothing to search, sort, filter or select, and no claim of a sync."""

from PySide6.QtWidgets import QMessageBox


def test_an_empty_workspace_offers_no_tools_over_nothing(make_window, qtbot, monkeypatch):
    window = make_window()
    statuses = []
    window.controller.syncStateChanged.connect(statuses.append)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    with qtbot.waitSignal(window.controller.ready, timeout=30_000):
        window.leave_demo()
    feed = window.feed_panel
    qtbot.waitUntil(lambda: feed.model.total == 0 and not window.controller.clients)
    qtbot.waitUntil(lambda: feed.filters.isHidden())  # no search, sort, filter, save view
    assert feed.title.text() == "Inbox"
    assert "Select a mention" not in window.detail._empty.text()
    window.controller.sync_now()
    qtbot.waitUntil(lambda: "No accounts yet" in statuses, timeout=10_000)
    assert not any(s.startswith("Synced at") for s in statuses[statuses.index("No accounts yet") :])

    with qtbot.waitSignal(window.controller.ready, timeout=30_000):
        window.menus.open_demo.trigger()
    qtbot.waitUntil(lambda: feed.model.total > 0, timeout=30_000)
    assert not feed.filters.isHidden() and "mentions" in feed.title.text()
    assert "Select a mention" in window.detail._empty.text()
