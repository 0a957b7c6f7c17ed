"""The Outbox view's columns: when a reply goes, whom it answers, its details whole."""

from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal

from socialdesk.app.view_models import OutboxEntry
from socialdesk.core.models import OutboxState
from socialdesk.ui.outbox import OutboxPanel, _hm

APPROVED = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
GOES = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)


class _Replies(QObject):
    outboxChanged = Signal(object)

    def __init__(self, items) -> None:
        super().__init__()
        self.outbox_items = items

    def send_due(self) -> None:
        pass


def _entry(i: int, **changes) -> OutboxEntry:
    values = dict(
        id=i, account_id=1, client_id=1, client_name="Ember", network="mastodon",
        account_handle="ember", mention_id=i, draft_id=i, text="Thanks, on its way!",
        in_reply_to_remote_id="r", idempotency_key=f"k{i}", state=OutboxState.QUEUED,
        attempts=0, last_error=None, next_attempt_at=None, send_at=None, created_at=APPROVED,
        sent_at=None, remote_id=None, url=None, conversation_id=None, unconfirmed=False,
        reply_to_handle="fatima_yilmaz@mastodon.example",
    )  # fmt: skip
    values.update(changes)
    return OutboxEntry(**values)


def test_when_is_when_the_reply_goes_and_the_handle_is_whole(qtbot):
    url = "https://mastodon.example/@ember/113456789012345678"
    items = [
        _entry(1, send_at=GOES),
        _entry(2, state=OutboxState.SENT, sent_at=APPROVED, url=url),
    ]
    panel = OutboxPanel(_Replies(items))
    qtbot.addWidget(panel)
    panel.resize(1600, 600)
    panel.show()
    qtbot.waitExposed(panel)
    tree = panel.tree
    rows = {tree.topLevelItem(i).data(0, 0x0101).id: tree.topLevelItem(i) for i in range(2)}
    assert rows[1].text(1) == _hm(GOES)  # scheduled: when it will go, not when approved
    assert "approved" in rows[1].toolTip(1)
    metrics = tree.fontMetrics()
    header = tree.header()
    handle = rows[1].text(2)
    assert header.sectionSize(2) >= metrics.horizontalAdvance(handle)
    # Wide window: the details (with the link) are shown whole.
    assert header.sectionSize(4) >= metrics.horizontalAdvance(rows[2].text(4))
    # Rows have air: taller than one line of text.
    assert tree.visualItemRect(rows[1]).height() > metrics.height() * 1.3


def test_an_archived_clients_reply_is_shown_paused_with_the_reason(qtbot):
    items = [_entry(1, state=OutboxState.PAUSED, client_archived=True)]
    panel = OutboxPanel(_Replies(items))
    qtbot.addWidget(panel)
    panel.show()
    row = panel.tree.topLevelItem(0)
    assert row.text(0) == "Paused"
    assert "client archived" in row.text(4)
    assert "1 waiting to be sent (1 paused)" in panel.title.text()
    # Its outbox cannot be resumed while the client is put away: Restore is the way back.
    row.setSelected(True)
    assert not panel.pause_action.isEnabled()
    assert "Restore" in panel.pause_action.toolTip()
