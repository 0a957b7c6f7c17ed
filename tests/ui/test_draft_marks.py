"""A card says when a reply is being written for it, or waits in review, so a manager scanning
the inbox does not start a second reply (or forget the first)."""

from socialdesk.ui.feed.model import RowRole
from tests.ui.test_composer import reply_to_first, settled, typed


def card(window, mention_id):
    model = window.feed_model
    return model.index(model.row_for(mention_id))


def test_the_card_shows_a_draft_from_first_word_to_review_and_loses_it_when_discarded(
    make_window, qtbot
):
    window = make_window()
    row = reply_to_first(window, qtbot)
    assert row.draft is None
    typed(window, qtbot, "So sorry about this, we are on it")
    window.composer.save_now()
    settled(window, qtbot)
    qtbot.waitUntil(lambda: card(window, row.id).data(RowRole).draft == "editing", timeout=10_000)
    assert "reply draft being written" in card(window, row.id).data()

    window.composer.ready_action.trigger()
    qtbot.waitUntil(lambda: card(window, row.id).data(RowRole).draft == "ready", timeout=10_000)
    assert "reply waiting for review" in card(window, row.id).data()

    window.start_reply(card(window, row.id).data(RowRole))
    window.composer.discard()
    qtbot.waitUntil(lambda: card(window, row.id).data(RowRole).draft is None, timeout=10_000)
