"""Working the inbox like a user: keys, actions and their undo, filters, snoozing, text shown
plainly. Simulated time (the fake clock) instead of waiting."""

from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QImage

from socialdesk.core.models import MentionStatus
from socialdesk.core.sla import ClockState
from socialdesk.ui import theme
from socialdesk.ui.feed.model import RowRole
from socialdesk.ui.sidebar import CountsRole, TargetRole


def row(window, i):
    return window.feed_model.index(i).data(RowRole)


def press(qtbot, window, key, modifier=Qt.NoModifier):
    window.feed.setFocus()
    qtbot.keyClick(window.feed, key, modifier)


def settled(window, qtbot):
    qtbot.waitUntil(lambda: window.controller.runner.pending == 0, timeout=10_000)


def test_j_and_k_walk_the_feed(make_window, qtbot):
    window = make_window()
    window.feed.setCurrentIndex(window.feed_model.index(0))
    press(qtbot, window, Qt.Key_J)
    press(qtbot, window, Qt.Key_J)
    assert window.feed.currentIndex().row() == 2
    press(qtbot, window, Qt.Key_K)
    assert window.feed.currentIndex().row() == 1


def test_e_marks_done_and_ctrl_z_brings_it_back(make_window, qtbot):
    window = make_window()
    window.feed.setCurrentIndex(window.feed_model.index(1))
    settled(window, qtbot)
    chosen = row(window, 1)
    press(qtbot, window, Qt.Key_E)
    qtbot.waitUntil(lambda: row(window, 1).status == "done")
    assert window.actions.undo.isEnabled() and "Marked done" in window.actions.undo.text()
    qtbot.keyClick(window.feed, Qt.Key_Z, Qt.ControlModifier)
    qtbot.waitUntil(lambda: row(window, 1).status == chosen.status)
    assert "Undone" in window.statusBar().currentMessage()
    assert not window.actions.undo.isEnabled()


def test_ignore_acts_on_every_selected_mention(make_window, qtbot):
    window = make_window()
    window.feed.selectionModel().clearSelection()
    for i in (0, 2, 3):
        window.feed.selectionModel().select(window.feed_model.index(i), QItemSelectionModel.Select)
    ids = {row(window, i).id for i in (0, 2, 3)}
    press(qtbot, window, Qt.Key_I)
    qtbot.waitUntil(lambda: {row(window, i).status for i in (0, 2, 3)} == {"ignored"})
    assert {row(window, i).id for i in (0, 2, 3)} == ids
    assert row(window, 1).status != "ignored"


def test_number_keys_set_the_category_and_it_wins(make_window, qtbot):
    window = make_window()
    window.feed.setCurrentIndex(window.feed_model.index(0))
    # Another category than triage's, so the wait below sees the change land.
    key, wanted = (Qt.Key_2, "complaint")  # 2 = complaint
    if row(window, 0).category == wanted:
        key, wanted = (Qt.Key_1, "question")
    press(qtbot, window, key)
    qtbot.waitUntil(
        lambda: (row(window, 0).category, row(window, 0).category_overridden) == (wanted, True)
    )
    assert "set by you" in window.feed_model.index(0).data(Qt.ToolTipRole)
    press(qtbot, window, Qt.Key_0)
    qtbot.waitUntil(lambda: not row(window, 0).category_overridden)


def test_snoozed_mentions_leave_and_come_back_when_their_time_comes(make_window, qtbot, clock):
    window = make_window()
    window.feed.setCurrentIndex(window.feed_model.index(0))
    chosen = row(window, 0).id
    window.actions._snooze_until(clock.now + timedelta(hours=1))
    qtbot.waitUntil(lambda: window.controller.mention_row(chosen).status == "snoozed")
    window.feed_model.reload()
    assert chosen not in {row(window, i).id for i in range(window.feed_model.rowCount())}
    clock.advance(hours=1, minutes=1)
    with qtbot.waitSignal(window.controller.mentionsAdded, timeout=10_000):
        window.controller.wake_snoozed()
    assert window.controller.mention_row(chosen).status == MentionStatus.OPEN
    assert chosen in {row(window, i).id for i in range(window.feed_model.rowCount())}


def test_filters_narrow_sort_and_clear(make_window, qtbot, clock):
    window = make_window()
    bar = window.feed_panel.filters
    everything = window.feed_model.total
    bar.overdue.setChecked(True)
    overdue = window.feed_model.total
    assert 0 < overdue < everything
    for i in range(window.feed_model.rowCount()):
        assert window.controller.clock_for(row(window, i)).state == ClockState.OVERDUE
    assert "Overdue only" in bar.summary.text()
    done = next(a for a in bar._groups["statuses"].actions() if a.text() == "Done")
    done.trigger()
    assert window.feed_model.total == 0  # nothing done is overdue
    bar.clear.click()
    assert window.feed_model.total == everything and bar.summary.text() == "No filter"
    bar.sort.setCurrentIndex(bar.sort.findData("newest"))
    times = [row(window, i).created_at for i in range(20)]
    assert times == sorted(times, reverse=True)


def test_flagging_an_author_shows_on_the_detail(make_window, qtbot):
    window = make_window()
    with qtbot.waitSignal(window.detailShown, timeout=10_000):
        window.select_first_mention()
    window.actions.flag_vip.trigger()
    qtbot.waitUntil(lambda: "[VIP]" in window.detail._author.text())
    assert "vip" in row(window, 0).author_flags


def test_shortcuts_help_lists_the_keys(make_window, qtbot):
    from socialdesk.ui.shortcuts import ShortcutsDialog

    window = make_window()
    dialog = ShortcutsDialog(window.menus.help.shortcut_groups(), window)
    qtbot.addWidget(dialog)
    assert {"j", "k", "e", "i", "s", "1", "8"} <= set(dialog.keys("Inbox").values())
    assert dialog.keys("Review")["Send back to the writer"] == "Ctrl+B"
    assert dialog.keys("Reply composer")["Approve"] == "Ctrl+Return"
    assert dialog.keys("Menus")  # the window's own keys, from its menus
    assert dialog.keys("In every window")["Move between controls"] == "Tab / Shift+Tab"


@pytest.mark.parametrize(
    "text",
    ["<b>bold</b> <img src=x> &amp;", "مرحبا، طلبي لم يصل بعد", "🎉👩🏽‍💻 party 🇩🇪 1️⃣"],
)
def test_cards_lay_out_any_text_as_the_characters_themselves(qapp, text):
    from PySide6.QtGui import QFont

    from socialdesk.ui.feed.delegate import card_lines

    assert card_lines(text, QFont(), 2_000) == [text]  # tags and entities shown, not rendered
    narrow = card_lines(text * 3, QFont(), 120, lines=50)
    assert "".join(narrow) == text * 3  # wrapping never splits an emoji or drops a character


def test_a_long_mention_is_cut_to_two_lines_with_an_ellipsis(qapp):
    from PySide6.QtGui import QFont

    from socialdesk.ui.feed.delegate import card_lines

    lines = card_lines("word " * 500, QFont(), 300)
    assert len(lines) == 2 and lines[-1].endswith("…")


def test_overdue_clocks_are_drawn_in_the_danger_colour(make_window, qtbot, clock):
    window = make_window()
    window.feed_panel.filters.overdue.setChecked(True)
    image: QImage = window.feed.viewport().grab().toImage()
    danger = theme.colours().danger.lower()
    colours = {
        image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(0, 60)
    }
    assert danger in colours


def test_a_saved_view_appears_in_the_sidebar_and_applies_its_filter(make_window, qtbot):
    from socialdesk.ui.sidebar import Target

    window = make_window()
    window.feed_panel.filters.overdue.setChecked(True)
    overdue = window.feed_model.total
    with qtbot.waitSignal(window.controller.viewsChanged, timeout=10_000):
        window.controller.save_view("Overdue", window.feed_model.filter)
    window.feed_panel.filters.reset()
    assert window.feed_model.total > overdue
    (view,) = window.controller.saved_views
    window.sidebar.select(Target("Inbox", saved_view=view.id))
    assert window.feed_model.total == overdue
    assert window.feed_panel.filters.overdue.isChecked()
    assert "Overdue" in window.feed_title.text()


def test_notifications_reach_the_status_bar_and_open_their_mention(make_window, qtbot):
    from socialdesk.services.alerts import Alert

    window = make_window()
    target = row(window, 5)
    window.notifier.show([Alert("Urgent: Tallyfox", "@someone: it is down", target.id)])
    assert "Urgent: Tallyfox" in window.statusBar().currentMessage()
    window.notifier._clicked()
    assert window.feed.currentIndex().data(RowRole).id == target.id


def test_muting_a_client_is_remembered(make_window, qtbot):
    window = make_window()
    client = window.controller.clients[0]
    window.controller.set_muted(client.id, True)
    qtbot.waitUntil(lambda: window.controller.clients[0].notifications_muted, timeout=10_000)
    assert window.controller._muted() == {client.id}


def test_shift_h_hides_a_trolls_reply_on_its_network_and_shows_it_again(make_window, qtbot):
    window = make_window()
    model = window.feed_model
    while model.canFetchMore(model.index(-1)):
        model.fetchMore(model.index(-1))
    rows = [row(window, i) for i in range(model.rowCount())]
    i = next(i for i, r in enumerate(rows) if r.network != "mastodon" and r.category == "abuse")
    j = next(i for i, r in enumerate(rows) if r.network == "mastodon")
    network = window.controller.workspace.provider_for(None)

    window.feed.setCurrentIndex(model.index(j))
    assert not window.actions.hide.isEnabled()  # Mastodon has no hidden replies

    chosen = rows[i]
    with qtbot.waitSignal(window.detailShown, timeout=10_000):
        window.feed.setCurrentIndex(model.index(i))
    assert window.detail._buttons["hide"].isVisible()  # offered on abuse
    press(qtbot, window, Qt.Key_H, Qt.ShiftModifier)
    hidden = lambda: window.controller.mention_row(chosen.id)  # noqa: E731
    qtbot.waitUntil(lambda: hidden().hidden, timeout=10_000)
    assert chosen.remote_id in network.hidden and hidden().status == "ignored"
    qtbot.waitUntil(lambda: "hidden on" in window.statusBar().currentMessage())
    qtbot.waitUntil(lambda: "hidden on" in window.detail._clock.text())
    assert window.detail._buttons["hide"].text() == "Show again"

    window.detail._buttons["hide"].click()
    qtbot.waitUntil(lambda: not hidden().hidden, timeout=10_000)
    assert chosen.remote_id not in network.hidden


def test_a_conversation_opened_from_history_leaves_the_inbox_sort_as_it_was(make_window, qtbot):
    """The conversation lists oldest first; back in the inbox, its sort is the manager's own
    again, not stuck on "Oldest"."""
    window = make_window()
    sort = window.feed_panel.filters.sort
    sort.setCurrentIndex(sort.findData("newest"))
    first = row(window, 0)
    window.feed_panel.show_conversation(first.id, "Conversation")
    assert sort.currentData() == "oldest"
    window.sidebar.targetChosen.emit(window.sidebar.currentIndex().data(TargetRole))
    assert sort.currentData() == "newest"


def test_the_header_and_the_pills_say_what_they_count(make_window):
    window = make_window()
    assert window.feed_title.text().endswith("mentions (all but snoozed)")
    inbox = window.sidebar.model().index(1, 0)  # under the workspace's header
    unread, overdue = inbox.data(CountsRole)
    assert f"{unread:,} new, {overdue:,} overdue" in inbox.data(Qt.ToolTipRole)
    assert "grey pill: new" in inbox.data(Qt.ToolTipRole)


def test_a_long_scroll_keeps_only_the_pages_in_use_as_cards(make_window, qtbot, monkeypatch):
    from socialdesk.ui.feed import model as feed_model

    monkeypatch.setattr(feed_model, "KEPT_PAGES", 2)
    window = make_window()
    model = window.feed_model
    first = [model.index(i).data(RowRole) for i in range(model.rowCount())]
    while model.canFetchMore():
        model.fetchMore()
        model.index(model.rowCount() - 1).data(RowRole)  # the view shows the newest page
    assert model.rowCount() > 3 * feed_model.PAGE_SIZE
    held = sum(not isinstance(item, int) for item in model._items)
    assert held <= 3 * feed_model.PAGE_SIZE  # two pages in use, and the last
    # Scrolling back up reads the first page again, as it was.
    again = [model.index(i).data(RowRole) for i in range(len(first))]
    assert [r.id for r in again] == [r.id for r in first] and again == first
    assert model.row_for(first[5].id) == 5


def _to_check(window, qtbot):
    """The demo's first call triage was not sure of, selected, with the "To check" filter on."""
    window.feed_panel.filters.unsure.setChecked(True)
    assert window.feed_model.total > 0, "the demo should hold a few unsure calls"
    with qtbot.waitSignal(window.detailShown, timeout=10_000):
        window.feed.setCurrentIndex(window.feed_model.index(0))
    settled(window, qtbot)
    return row(window, 0)


def test_an_unsure_call_says_check_until_the_manager_files_it(make_window, qtbot):
    from socialdesk.ui.feed.actions import category_key

    window = make_window()
    unsure = _to_check(window, qtbot)
    assert not unsure.triage_sure and unsure.category
    index = window.feed_model.index(0)
    assert "unsure" in index.data(Qt.AccessibleTextRole)
    tip = index.data(Qt.ToolTipRole)
    assert "Not sure:" in tip and f"press {category_key(unsure.category)}" in tip.lower()
    # Its own number keeps triage's category: the manager's call, sure, the badge gone.
    press(qtbot, window, getattr(Qt, f"Key_{category_key(unsure.category)}"))
    qtbot.waitUntil(lambda: row(window, 0).triage_sure)
    assert row(window, 0).category == unsure.category
    assert "unsure" not in window.feed_model.index(0).data(Qt.AccessibleTextRole)
    assert "Not sure" not in window.feed_model.index(0).data(Qt.ToolTipRole)
    window.feed_model.reload()  # the sweep moves on: it is no longer to check
    assert unsure.id not in {row(window, i).id for i in range(window.feed_model.rowCount())}
    qtbot.keyClick(window.feed, Qt.Key_Z, Qt.ControlModifier)  # undo: to check again
    qtbot.waitUntil(lambda: not window.controller.mention_row(unsure.id).triage_sure)


def test_the_to_check_filter_is_in_the_summary_and_clears(make_window, qtbot):
    window = make_window()
    bar = window.feed_panel.filters
    everything = window.feed_model.total
    bar.unsure.setChecked(True)
    assert 0 < window.feed_model.total < everything
    assert all(not row(window, i).triage_sure for i in range(window.feed_model.rowCount()))
    assert "To check" in bar.summary.text()
    assert bar.unsure in bar.menu.actions()  # reachable from the keyboard, through Filter
    bar.clear.click()
    assert window.feed_model.total == everything and not bar.unsure.isChecked()


def _card_row(**changes):
    from dataclasses import replace

    from socialdesk.app.view_models import MentionRow
    from tests.factories import T0

    card = MentionRow(
        id=1, account_id=1, client_id=1, client_name="Acme", client_colour="#2f6fed",
        network="x", account_handle="acme", author_id=1, author_name="Ann", author_handle="ann",
        author_flags=frozenset(), text="honestly ngl the new almond croissant is elite",
        created_at=T0, status="open", category="praise", category_overridden=False,
        triage_reasons=("happy tone", "check: no word list decided this, so it may be wrong"),
        sentiment=0.4, priority="normal", first_response_at=None, due_at=None, snoozed_until=None,
        response_target_minutes=60, in_reply_to_remote_id=None, conversation_id=None, url=None,
        remote_id="r1",
    )  # fmt: skip
    return replace(card, **changes)


def _chip_colours(card, selected=False) -> set[str]:
    """The colours the delegate paints in the card's chip corner (bottom right)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFont, QPainter
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    from socialdesk.core.sla import ResponseClock
    from socialdesk.ui.feed.delegate import CardDelegate

    delegate = CardDelegate(lambda: card.created_at, lambda _row: None)
    option = QStyleOptionViewItem()
    option.font = QFont()
    if selected:
        option.state |= QStyle.State_Selected
    height = delegate.sizeHint(option, None).height()
    image = QImage(640, height, QImage.Format_ARGB32)
    painter = QPainter(image)
    clock = ResponseClock(ClockState.STOPPED, 0)
    delegate._draw(painter, QRect(0, 0, 640, height), option, card, clock, "now", ())
    painter.end()
    return {
        image.pixelColor(x, y).name()
        for x in range(320, 640)
        for y in range(height * 2 // 3, height)
    }


@pytest.mark.parametrize("preference", ["light", "dark"])
def test_the_check_badge_is_drawn_and_readable_in_both_themes(qapp, preference):
    from PySide6.QtGui import QColor

    from socialdesk.ui.feed.delegate import category_chip
    from tests.ui.test_theme_fields import _contrast

    sure, unsure = _card_row(), _card_row(triage_sure=False)
    assert category_chip(unsure) == ("praise?", True)  # dashed: a call to check
    assert category_chip(sure) == ("praise", False)
    assert category_chip(_card_row(category_overridden=True)) == ("praise*", False)
    theme.apply(qapp, preference)
    try:
        c = theme.colours()
        for selected in (False, True):
            assert c.warning in _chip_colours(unsure, selected)  # the dashed outline
            assert c.warning not in _chip_colours(sure, selected)
            ground = QColor(c.card_selected if selected else c.base)
            assert _contrast(QColor(c.warning), ground) >= 3  # a graphic: WCAG's 3:1
            assert _contrast(QColor(c.text), ground) >= 4.5  # its label is in the text colour
    finally:
        theme.apply(qapp, "light")


def test_the_detail_shows_why_a_call_is_unsure_and_settles_it_there(make_window, qtbot):
    from dataclasses import replace

    window = make_window()
    unsure = _to_check(window, qtbot)
    pane = window.detail
    check = next(r for r in unsure.triage_reasons if r.startswith("check: "))
    assert f"{unsure.category.capitalize()}? (triage, not sure)" in pane._triage.text()
    assert check in pane._triage.text()  # the reasons as they come
    assert pane._check.isVisibleTo(pane) and unsure.category in pane._keep.text()
    assert [a.text() for a in pane._change.menu().actions()][:2] == [
        "Category: question",
        "Category: complaint",
    ]
    pane._keep.click()  # triage was right: the manager's call now, sure
    qtbot.waitUntil(lambda: row(window, 0).triage_sure)
    qtbot.waitUntil(lambda: not pane._check.isVisibleTo(pane))
    assert row(window, 0).category == unsure.category and row(window, 0).category_overridden
    # What the per-client memory decided says so, as it comes.
    learned = ("you filed similar mentions as praise", "82% alike: “saved me from invoice hell”")
    detail = replace(
        pane._detail,
        row=replace(unsure, category="praise", triage_reasons=learned, triage_sure=True),
    )
    pane.show_detail(detail)
    assert "Praise (triage) · because you filed similar mentions as praise" in pane._triage.text()
    assert not pane._check.isVisibleTo(pane)
