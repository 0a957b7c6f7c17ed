"""The History view like a user: type a search (filters, exclusions, a malformed one that says so),
see the matches marked, open a result's conversation with Enter; a reply being written shows as a
draft."""

from PySide6.QtCore import Qt

from socialdesk.core.search import find_spans
from socialdesk.ui.feed.model import HighlightRole, RowRole
from socialdesk.ui.sidebar import Target
from tests.ui.test_composer import reply_to_first, settled, typed


def open_history(window, qtbot):
    window.sidebar.select(Target("History"))
    qtbot.waitUntil(lambda: window.history.summary.text().endswith("conversation"), timeout=10_000)
    return window.history


def search(history, qtbot, text):
    with qtbot.waitSignal(history.model.modelReset, timeout=10_000):
        history.search.setText(text)  # the box searches by itself a moment after typing stops
    return [history.model.index(i).data(RowRole) for i in range(history.model.rowCount())]


def test_a_search_finds_marks_and_opens_the_conversation(make_window, qtbot):
    window = make_window()
    history = open_history(window, qtbot)
    rows = search(history, qtbot, "order client:ridgeway -label")
    assert rows and all("order" in r.text.lower() for r in rows)
    assert all(r.client_name == "Ridgeway Cycles" and "label" not in r.text.lower() for r in rows)
    assert [r.created_at for r in rows] == sorted((r.created_at for r in rows), reverse=True)
    terms = history.model.index(0).data(HighlightRole)
    assert find_spans(rows[0].text, terms)  # what the card marks
    assert not history.notes.isVisible()

    history.view.setFocus()
    history.view.setCurrentIndex(history.model.index(0))
    qtbot.keyClick(history.view, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.feed_panel.current_id() == rows[0].id, timeout=10_000)
    assert window.views.currentWidget() is window.inbox_split
    assert "Conversation with" in window.feed_title.text()
    shown = [window.feed_model.index(i).data(RowRole) for i in range(window.feed_model.rowCount())]
    assert {r.conversation_id or r.remote_id for r in shown} == {
        rows[0].conversation_id or rows[0].remote_id
    }


def test_a_malformed_search_says_so_and_still_finds_by_the_words(make_window, qtbot):
    window = make_window()
    history = open_history(window, qtbot)
    rows = search(history, qtbot, '"order')
    assert history.notes.isVisible() and "quote is not closed" in history.notes.text()
    assert rows and all("order" in r.text.lower() for r in rows)
    search(history, qtbot, "* OR NEAR(")
    assert "operators were searched as plain words" in history.notes.text()
    search(history, qtbot, "x" * 20_000)
    assert "first 1,000 characters" in history.notes.text()
    search(history, qtbot, "")
    assert not history.notes.isVisible() and history.model.rowCount() > 0


def test_slash_goes_to_the_history_search_when_it_is_shown(make_window, qtbot):
    window = make_window()
    history = open_history(window, qtbot)
    history.view.setFocus()
    qtbot.keyClick(history.view, Qt.Key_Slash)
    assert history.search.hasFocus()


def test_a_reply_being_written_is_in_the_history_as_a_draft(make_window, qtbot):
    window = make_window()
    row = reply_to_first(window, qtbot)
    typed(window, qtbot, "Zanzibar-grade apologies, we are on it")
    window.composer.save_now()
    settled(window, qtbot)
    history = open_history(window, qtbot)
    [draft] = search(history, qtbot, "zanzibar status:draft")
    assert draft.author_name == "Draft" and draft.account_handle == row.account_handle
    assert draft.id == row.id  # Enter would open the mention it answers


def test_more_than_a_page_is_counted_only_when_asked(make_window, qtbot):
    window = make_window()
    history = open_history(window, qtbot)  # everything, newest first
    assert history.model.rowCount() == 200 and history.model.canFetchMore()
    assert history.summary.text().startswith("200+ items")
    assert history.count_button.isVisible()
    qtbot.mouseClick(history.count_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: history.summary.text().endswith("conversation"), timeout=10_000)
    total = int(history.summary.text().split()[0].replace(",", ""))
    assert total > 200 and not history.count_button.isVisible()
    history.model.fetchMore()
    assert history.model.rowCount() == min(400, total)
