"""Archiving a client pauses its outbox: an approved reply is never posted while the client is
archived, stays listed as paused because the client is archived, and goes out once the client is
restored — never lost."""

from datetime import timedelta

from socialdesk.core import outbox as policy
from socialdesk.core.models import OutboxState
from socialdesk.store import drafts
from tests.app.conftest import mention_ids

TEXT = "Sorry about that! We have sent the fix by DM."


def _scheduled_reply(controller, account_id, clock) -> int:
    """An approved reply to Acme's first mention, due in half an hour."""
    db = controller.workspace.db
    draft_id = drafts.save_draft(
        db, account_id=account_id, mention_id=mention_ids(db)[0], text=TEXT, cursor=0, now=clock()
    )
    later = clock() + timedelta(minutes=30)
    return drafts.approve(db, draft_id, policy.new_key(clock()), clock(), send_at=later)


def _outbox_item(qtbot, replies, item_id):
    """The item as the Outbox lists it, read afresh."""
    with qtbot.waitSignal(replies.outboxChanged, timeout=10_000):
        replies.refresh_outbox()
    [item] = [i for i in replies.outbox_items if i.id == item_id]
    return item


def _round_done(qtbot, replies) -> None:
    qtbot.waitUntil(lambda: not replies._sending, timeout=10_000)


def test_an_archived_clients_reply_waits_paused_and_goes_out_once_restored(
    qtbot, controller, network, clock
):
    replies, admin = controller.replies, controller.client_admin
    [acme] = controller.clients
    item_id = _scheduled_reply(controller, acme.accounts[0].id, clock)
    with qtbot.waitSignal(admin.archivedChanged, timeout=10_000):
        admin.archive(acme.id)
    _round_done(qtbot, replies)

    clock.advance(hours=1)  # the reply's time has come, the client is still archived
    replies.send_due()
    _round_done(qtbot, replies)
    assert network.posted == []
    item = _outbox_item(qtbot, replies, item_id)
    assert item.state == OutboxState.PAUSED and item.client_archived

    with qtbot.waitSignal(admin.archivedChanged, timeout=10_000):
        admin.restore(acme.id)
    qtbot.waitUntil(lambda: network.posted == [TEXT], timeout=10_000)


def test_a_reply_approved_for_an_archived_client_waits_paused(qtbot, controller, network, clock):
    """Review can still hold an archived client's draft: approving it queues nothing to send."""
    replies, admin = controller.replies, controller.client_admin
    [acme] = controller.clients
    with qtbot.waitSignal(admin.archivedChanged, timeout=10_000):
        admin.archive(acme.id)
    item_id = _scheduled_reply(controller, acme.accounts[0].id, clock)
    clock.advance(hours=1)
    _round_done(qtbot, replies)
    replies.send_due()
    _round_done(qtbot, replies)
    assert network.posted == []
    assert _outbox_item(qtbot, replies, item_id).state == OutboxState.PAUSED
