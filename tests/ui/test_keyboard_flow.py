"""Keyboard first: the feed has the focus at launch, its single-letter keys work from anywhere in
the window but a text field, and marking a mention done moves on to the next one."""

from PySide6.QtCore import Qt

from socialdesk.ui.feed.model import RowRole


def _settled(window, qtbot):
    qtbot.waitUntil(lambda: window.controller.runner.pending == 0, timeout=10_000)


def test_at_launch_the_focus_is_in_the_feed_on_the_first_mention(make_window, qtbot):
    window = make_window()
    qtbot.waitUntil(lambda: window.focusWidget() is window.feed)
    assert window.feed.currentIndex().row() == 0


def test_feed_keys_work_from_the_sidebar(make_window, qtbot):
    window = make_window()
    window.feed.setCurrentIndex(window.feed_model.index(0))
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key_J)
    qtbot.keyClick(window.sidebar, Qt.Key_J)
    assert window.feed.currentIndex().row() == 2


def test_typing_in_the_search_box_never_acts_on_a_mention(make_window, qtbot):
    window = make_window()
    window.feed.setCurrentIndex(window.feed_model.index(0))
    _settled(window, qtbot)
    before = window.feed_model.index(0).data(RowRole)
    search = window.feed_panel.filters.search
    search.setFocus()
    qtbot.keyClicks(search, "ej")
    _settled(window, qtbot)
    assert search.text() == "ej"
    assert window.feed.currentIndex().row() == 0
    assert window.feed_model.index(0).data(RowRole).status == before.status


def test_e_marks_done_and_moves_on_to_the_next_mention(make_window, qtbot):
    window = make_window()
    window.feed.setCurrentIndex(window.feed_model.index(0))
    _settled(window, qtbot)
    second = window.feed_model.index(1).data(RowRole)
    window.feed.setFocus()
    qtbot.keyClick(window.feed, Qt.Key_E)
    _settled(window, qtbot)
    assert window.feed.currentIndex().data(RowRole).id == second.id
