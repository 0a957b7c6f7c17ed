"""Replying like a user: r opens the composer, typing updates the counter and the checks, a
finding's suggestion applies, saved replies come in by ;name, drafts save themselves and come
back, review approves or sends back, and the outbox posts the approved reply once."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel

from socialdesk.core import counter
from socialdesk.core.models import OutboxState
from socialdesk.store import drafts, outbox
from socialdesk.ui.feed.model import RowRole
from socialdesk.ui.sidebar import VIEWS, CountsRole, Target, TargetRole


def settled(window, qtbot):
    qtbot.waitUntil(lambda: window.controller.runner.pending == 0, timeout=10_000)


def reply_to_first(window, qtbot, row_index=0):
    """Select a mention and press r, as a user would; returns its row."""
    window.feed.setCurrentIndex(window.feed_model.index(row_index))
    settled(window, qtbot)
    window.feed.setFocus()
    qtbot.keyClick(window.feed, Qt.Key_R)
    assert window.composer.isVisible()
    return window.feed_model.index(row_index).data(RowRole)


def type_text(widget, text):
    """Key events carrying the text, one per character: works for any Unicode (environment.md)."""
    for char in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, char))


def typed(window, qtbot, text):
    with qtbot.waitSignal(window.composer.updated, timeout=5_000):
        type_text(window.composer.editor, text)


def quiet_demo_network(window):
    """The demo network fails one post in ten and takes 0.4 s: not in a test about other things."""
    provider = window.controller.workspace.provider_for(None)
    provider.failure_rate, provider.post_delay = 0.0, 0.0
    return provider


def test_typing_updates_the_counter_for_the_network_including_unicode(make_window, qtbot):
    window = make_window()
    row = reply_to_first(window, qtbot)
    assert window.composer.editor.hasFocus()
    text = "Sorry! héllo ✓ 😀 订单 שלום"
    typed(window, qtbot, text)
    # After the @handle a Mastodon reply starts with, when the first mention is one.
    assert window.composer.text.endswith(text)
    expected = counter.count(window.composer.text, row.network)
    assert window.composer.counter.text() == f"{expected.remaining:,} left"
    assert window.composer.counter.property("level") == ""


def test_past_the_limit_the_counter_turns_red_and_the_overflow_is_marked(make_window, qtbot):
    window = make_window()
    row = reply_to_first(window, qtbot)
    limit = counter.count("", row.network).limit
    typed(window, qtbot, "a" * (limit + 5))
    assert window.composer.counter.text() == "5 over"
    assert window.composer.counter.property("level") == "over"
    [overflow] = [
        s for s in window.composer.editor.extraSelections() if s.cursor.selectedText() == "a" * 5
    ]
    assert overflow.format.background().color().red() > 150
    assert "over-limit" in [f.code for f in window.composer.findings]


def test_a_finding_shows_where_and_its_suggestion_applies_as_one_undoable_edit(make_window, qtbot):
    window = make_window()
    reply_to_first(window, qtbot)
    typed(window, qtbot, "Fixed!!! Please restart the app.")
    composer = window.composer
    row = next(i for i, f in enumerate(composer.findings) if f.code == "excess-punctuation")
    finding = composer.findings[row]
    composer.findings_list.setCurrentRow(row)
    start, end = finding.span
    assert composer.editor.textCursor().selectedText() == composer.text[start:end]
    assert composer.apply_action.isEnabled()
    before = composer.text
    with qtbot.waitSignal(composer.updated):
        composer.apply_action.trigger()
    assert composer.text == before[:start] + finding.suggestion + before[end:]
    assert "excess-punctuation" not in [f.code for f in composer.findings]
    with qtbot.waitSignal(composer.updated):
        composer.editor.undo()
    assert composer.text == before


def test_semicolon_and_a_name_insert_a_saved_reply_with_placeholders_filled(make_window, qtbot):
    window = make_window()
    window.controller.settings.set("agent_name", "Sam")
    row = reply_to_first(window, qtbot)
    typed(window, qtbot, ";take")
    popup = window.composer._completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key_Return)
    text = window.composer.text
    assert ";take" not in text
    assert text.startswith("Hi ") and "direct message" in text and text.endswith("Sam")
    assert "{" not in text
    first = row.author_name.split()[0]
    assert first in text or "Hi there" in text


def test_the_draft_saves_itself_and_comes_back_with_its_cursor(make_window, qtbot):
    window = make_window()
    row = reply_to_first(window, qtbot)
    typed(window, qtbot, "Thanks for waiting — checking now")
    cursor = window.composer.editor.textCursor()
    cursor.setPosition(6)
    window.composer.editor.setTextCursor(cursor)
    db = window.controller.workspace.db
    qtbot.waitUntil(
        lambda: (
            (d := drafts.live_draft(db, row.account_id, row.id)) is not None
            and d.cursor_position == 6
        ),
        timeout=3_000,
    )
    window.feed.setCurrentIndex(window.feed_model.index(1))  # elsewhere…
    settled(window, qtbot)
    assert not window.composer.isVisible() or window.composer.text != "Thanks for waiting"
    i = window.feed_model.row_for(row.id)
    window.feed.setCurrentIndex(window.feed_model.index(i))  # …and back
    settled(window, qtbot)
    qtbot.waitUntil(window.composer.isVisible)
    assert window.composer.text == "Thanks for waiting — checking now"
    assert window.composer.editor.textCursor().position() == 6


def test_an_over_limit_draft_cannot_be_approved_and_the_composer_says_why(make_window, qtbot):
    window = make_window()
    row = reply_to_first(window, qtbot)
    limit = counter.count("", row.network).limit
    typed(window, qtbot, "b" * (limit + 1))
    qtbot.keyClick(window.composer.editor, Qt.Key_Return, Qt.ControlModifier)
    qtbot.waitUntil(window.composer.refusal.isVisible)
    assert "Cannot approve" in window.composer.refusal.text()
    settled(window, qtbot)
    assert outbox.list_items(window.controller.workspace.db, window.controller.clock()) == []


def test_an_empty_composer_shows_no_error_until_approve_is_pressed(make_window, qtbot):
    window = make_window()
    reply_to_first(window, qtbot)
    # The checks have run on the empty text (and found it empty)...
    qtbot.waitUntil(lambda: "empty" in [f.code for f in window.composer.findings])
    assert not window.composer.findings_list.isVisible()  # ...and show nothing in red
    assert not window.composer.refusal.isVisible()
    qtbot.keyClick(window.composer.editor, Qt.Key_Return, Qt.ControlModifier)
    qtbot.waitUntil(window.composer.refusal.isVisible)
    assert "nothing to send" in window.composer.refusal.text()


def test_an_over_limit_draft_is_not_sent_for_review_and_the_composer_says_why(make_window, qtbot):
    """Review could never approve it: it is stopped at the door, with the reason."""
    window = make_window()
    row = reply_to_first(window, qtbot)
    limit = counter.count("", row.network).limit
    typed(window, qtbot, "b" * (limit + 3))
    qtbot.keyClick(window.composer.editor, Qt.Key_Return, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(window.composer.refusal.isVisible)
    assert "Cannot send for review: 3 characters over" in window.composer.refusal.text()
    settled(window, qtbot)
    assert window.replies.review_items == [] and window.composer.text == "b" * (limit + 3)


def test_review_sends_back_with_a_note_then_approves_and_the_reply_is_posted_once(
    make_window, qtbot
):
    window = make_window()
    provider = quiet_demo_network(window)
    row = reply_to_first(window, qtbot)
    typed(window, qtbot, "Sorry about the wait! A fix is rolling out today; DM us if it persists.")
    with qtbot.waitSignal(window.replies.reviewChanged, timeout=5_000):
        qtbot.keyClick(window.composer.editor, Qt.Key_Return, Qt.ControlModifier | Qt.ShiftModifier)
    assert not window.composer.text

    window.sidebar.select(Target("Review"))
    assert window.views.currentIndex() == VIEWS.index("Review")
    review = window.review
    qtbot.waitUntil(lambda: review.list.count() == 1)
    assert "Sorry about the wait" in review.composer.text
    assert row.text[:20] in review.mention.text()
    review.note.setText("Say when the fix lands.")
    with qtbot.waitSignal(window.replies.reviewChanged, timeout=5_000):
        review.back_button.click()
    qtbot.waitUntil(lambda: review.list.count() == 0)

    # The writer finds the note with the draft, adds to it and hands it in again.
    window.sidebar.select(Target("Inbox"))
    i = window.feed_model.row_for(row.id)
    window.feed.setCurrentIndex(window.feed_model.index(i))
    settled(window, qtbot)
    qtbot.waitUntil(window.composer.note.isVisible)
    assert "Say when the fix lands." in window.composer.note.text()
    window.composer.editor.setFocus()  # the writer clicks into the draft and goes on
    window.composer.editor.moveCursor(QTextCursor.End)
    typed(window, qtbot, " Expected by 18:00.")
    with qtbot.waitSignal(window.replies.reviewChanged, timeout=5_000):
        qtbot.keyClick(window.composer.editor, Qt.Key_Return, Qt.ControlModifier | Qt.ShiftModifier)

    window.sidebar.select(Target("Review"))
    qtbot.waitUntil(lambda: review.list.count() == 1)
    review.composer.editor.setFocus()
    with qtbot.waitSignal(window.replies.outboxChanged, timeout=10_000):
        qtbot.keyClick(review.composer.editor, Qt.Key_Return, Qt.ControlModifier)
    db = window.controller.workspace.db
    qtbot.waitUntil(
        lambda: [i.state for i in outbox.list_items(db, window.controller.clock())] == ["sent"],
        timeout=10_000,
    )
    [text] = [t for t, _posted in provider.posted.values()]
    assert text.endswith("Expected by 18:00.")
    qtbot.waitUntil(
        lambda: (
            window.feed_model.index(window.feed_model.row_for(row.id)).data(RowRole).status
            == "replied"
        ),
        timeout=5_000,
    )

    # The conversation shows the reply under the mention it answers.
    loaded = []
    window.controller.load_detail(row.id, loaded.append)
    qtbot.waitUntil(lambda: bool(loaded))
    window.detail.show_detail(loaded[0])
    replied = [label.text() for label in window.detail.findChildren(QLabel)]
    assert any(text.startswith("You replied") for text in replied)
    assert any(text.endswith("Expected by 18:00.") for text in replied)

    window.sidebar.select(Target("Outbox"))
    qtbot.waitUntil(
        lambda: (
            window.outbox.tree.topLevelItemCount() == 1
            and window.outbox.tree.topLevelItem(0).text(0) == "Sent"
        )
    )


def test_discarding_asks_nothing_and_ctrl_z_brings_the_draft_back(make_window, qtbot):
    window = make_window()
    row = reply_to_first(window, qtbot)
    typed(window, qtbot, "Half-written thought")
    window.composer.discard_action.trigger()
    qtbot.waitUntil(lambda: window.composer.text == "")
    db = window.controller.workspace.db
    settled(window, qtbot)
    assert drafts.live_draft(db, row.account_id, row.id) is None
    window.actions.undo.trigger()
    qtbot.waitUntil(lambda: drafts.live_draft(db, row.account_id, row.id) is not None)
    assert drafts.live_draft(db, row.account_id, row.id).text == "Half-written thought"


def test_cancelling_a_paused_reply_gives_the_text_back_and_undo_puts_it_back(make_window, qtbot):
    window = make_window()
    row = reply_to_first(window, qtbot)
    window.replies.set_client_paused(row.client_id, True)  # as crisis mode will
    settled(window, qtbot)
    typed(window, qtbot, "Thanks, we are on it and will update you shortly.")
    window.composer.approve_action.trigger()
    db = window.controller.workspace.db
    qtbot.waitUntil(lambda: len(outbox.list_items(db, window.controller.clock())) == 1)
    [item] = outbox.list_items(db, window.controller.clock())
    assert item.state == OutboxState.PAUSED  # joined the client's paused outbox

    window.sidebar.select(Target("Outbox"))
    qtbot.waitUntil(lambda: window.outbox.tree.topLevelItemCount() == 1)
    assert window.outbox.title.text().startswith("1 waiting to be sent (1 paused)")  # not "0"
    assert not window.outbox.cancel_action.isEnabled()  # nothing chosen yet
    window.outbox.tree.topLevelItem(0).setSelected(True)
    assert window.outbox.pause_action.text() == "Resume client's outbox"
    window.outbox.cancel_action.trigger()
    qtbot.waitUntil(lambda: outbox.get_item(db, item.id).state == OutboxState.CANCELLED)
    assert drafts.live_draft(db, row.account_id, row.id).text == item.text
    qtbot.waitUntil(lambda: "Cancelled" in (window.controller.undo_text or ""))
    window.actions.undo.trigger()  # back in the outbox, still held by the client's pause
    qtbot.waitUntil(lambda: outbox.get_item(db, item.id).state == OutboxState.PAUSED)
    assert drafts.live_draft(db, row.account_id, row.id) is None


def test_approve_for_later_waits_in_the_outbox_until_its_time(make_window, qtbot, monkeypatch):
    from datetime import timedelta

    from socialdesk.ui import composer as composer_module

    window = make_window()
    quiet_demo_network(window)
    reply_to_first(window, qtbot)
    later = window.controller.clock() + timedelta(hours=3)
    monkeypatch.setattr(composer_module.ScheduleDialog, "ask", lambda now, parent=None: later)
    typed(window, qtbot, "Thanks for asking! Our winter opening hours start on Monday.")
    window.composer.schedule_action.trigger()
    db = window.controller.workspace.db
    qtbot.waitUntil(lambda: len(outbox.list_items(db, window.controller.clock())) == 1)
    window.replies.send_due()
    settled(window, qtbot)
    [item] = outbox.list_items(db, window.controller.clock())
    assert item.state == OutboxState.QUEUED and item.send_at == later
    window.sidebar.select(Target("Outbox"))
    qtbot.waitUntil(lambda: window.outbox.tree.topLevelItemCount() == 1)
    assert "scheduled for" in window.outbox.tree.topLevelItem(0).text(4)
    pill = next(i for i in window.sidebar._walk() if i.data(TargetRole) == Target("Outbox"))
    assert pill.data(CountsRole) == (1, 0)  # one waiting, none failed


def test_the_reviewer_approves_only_the_text_they_saw(make_window, qtbot):
    window = make_window()
    quiet_demo_network(window)
    row = reply_to_first(window, qtbot)
    typed(window, qtbot, "We are sorry about the delay; a fix is on its way today.")
    with qtbot.waitSignal(window.replies.reviewChanged, timeout=5_000):
        window.composer.ready_action.trigger()
    window.sidebar.select(Target("Review"))
    review = window.review
    qtbot.waitUntil(lambda: review.list.count() == 1)
    seen = review.composer.text

    # Meanwhile the writer opens the mention again and changes the draft in review.
    window.sidebar.select(Target("Inbox"))
    window.start_reply(row)
    assert window.composer.text == seen and "waiting for review" in window.composer.heading.text()
    window.composer.editor.selectAll()
    typed(window, qtbot, "lol whatever")
    window.composer.save_now()
    settled(window, qtbot)

    window.sidebar.select(Target("Review"))
    review.composer.approve_action.trigger()
    qtbot.waitUntil(review.composer.refusal.isVisible)
    assert "changed after it was checked" in review.composer.refusal.text()
    settled(window, qtbot)
    assert outbox.list_items(window.controller.workspace.db, window.controller.clock()) == []


def _mastodon_row(window, visibility):
    model = window.feed_model
    for i in range(model.rowCount()):
        row = model.index(i).data(RowRole)
        if row.network == "mastodon" and row.visibility == visibility:
            return i
    raise AssertionError(f"no {visibility} Mastodon mention in the first page of the demo")


def test_a_direct_mastodon_mention_is_answered_directly_and_names_the_customer(make_window, qtbot):
    window = make_window()
    row = reply_to_first(window, qtbot, _mastodon_row(window, "direct"))
    composer = window.composer
    assert composer.audience.isVisible() and "Direct message" in composer.audience.text()
    mention = f"@{row.author_handle}"
    assert composer.text == f"{mention} "  # started by naming the customer
    # The writer deletes the name; approving puts it back where the customer will see it.
    composer.editor.selectAll()
    typed(window, qtbot, "Sorry about the wait, we are sending a new part today.  ")
    qtbot.keyClick(composer.editor, Qt.Key_Return, Qt.ControlModifier)
    db = window.controller.workspace.db
    qtbot.waitUntil(lambda: len(outbox.list_items(db, window.controller.clock())) == 1)
    [item] = outbox.list_items(db, window.controller.clock())
    assert item.text == f"{mention} Sorry about the wait, we are sending a new part today."


def test_a_public_mention_says_the_reply_is_public(make_window, qtbot):
    window = make_window()
    reply_to_first(window, qtbot, _mastodon_row(window, "public"))
    assert "Public" in window.composer.audience.text()
