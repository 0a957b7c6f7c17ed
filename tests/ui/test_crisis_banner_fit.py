"""The crisis banner is one line at 800x600 — what the crisis is, the statement button, Details —
so the inbox under it still shows four whole cards; the rest (what it is about, the spike, the
reminder, the other moves) is behind Details and in the tooltip, and every move keeps its key."""

from PySide6.QtCore import Qt

from socialdesk.ui.sidebar import Target
from tests.ui.test_crisis_view import simulated


def _whole_cards(window) -> int:
    view, model = window.feed, window.feed_model
    area = view.viewport().rect()
    return sum(area.contains(view.visualRect(model.index(r))) for r in range(model.rowCount()))


def test_at_800x600_the_crisis_banner_takes_one_line_and_four_cards_show(
    make_window, qtbot, monkeypatch
):
    window = make_window(size=(800, 600))
    client = simulated(window, qtbot, monkeypatch)
    window.sidebar.select(Target("Inbox", client.id))
    qtbot.waitUntil(lambda: window.feed_model.rowCount() >= 8, timeout=10_000)
    with qtbot.waitSignal(window.detailShown, timeout=10_000):
        window.select_first_mention()
    banner = window.crisis_banner
    assert banner.isVisible()
    assert banner.height() <= banner.statement.height() + 20  # one row: its buttons and margins
    assert banner.title.isVisible() and "Crisis on Ridgeway Cycles" in banner.title.text()
    assert banner.statement.isVisible()
    assert _whole_cards(window) >= 4

    # The details are one press away, and say what the full banner said.
    assert not banner.about.isVisible()
    assert "login" in banner.toolTip() and "No statement yet" in banner.toolTip()
    banner.details_button.click()
    assert banner.about.isVisible() and "login" in banner.about.text()
    assert banner.spark.isVisible() and banner.reminder.isVisible()
    banner.details_button.click()
    assert not banner.about.isVisible()

    # Pausing keeps its key while its button is out of sight.
    window.feed.setFocus()
    qtbot.keyClick(window.feed, Qt.Key_P, Qt.ControlModifier | Qt.AltModifier)
    qtbot.waitUntil(
        lambda: any(c.id == client.id and c.outbox_paused for c in window.controller.clients),
        timeout=10_000,
    )
