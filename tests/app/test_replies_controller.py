"""Replying through the controller: a draft saved, sent for review, approved into the outbox and
sent once, each step undoable where the user expects it."""

from socialdesk.app.replies import RepliesController
from socialdesk.core import tone
from socialdesk.core.models import DraftState, OutboxState
from socialdesk.store import clients, drafts, mentions
from tests.app.conftest import mention_ids


def _replies(context, **kw) -> RepliesController:
    return RepliesController(context, parent=context, **kw)


def _saved(qtbot, replies, account_id, mention_id, text="Thanks, we are on it.") -> int:
    with qtbot.waitSignal(replies.draftSaved) as saved:
        replies.save_draft(account_id, mention_id, text, len(text), None)
    return saved.args[0]


def test_a_draft_saved_goes_for_review_and_comes_back_with_ctrl_z(qtbot, context, account):
    _, account_id = account
    replies = _replies(context)
    mention_id = mention_ids(context.db)[0]
    draft_id = _saved(qtbot, replies, account_id, mention_id)
    assert replies.draft_for(account_id, mention_id).id == draft_id

    with qtbot.waitSignal(replies.reviewChanged) as review:
        replies.mark_ready(draft_id)
    assert [item.draft.id for item in review.args[0]] == [draft_id]

    with qtbot.waitSignal(context.notice):
        context.undo()
    assert drafts.live_draft(context.db, account_id, mention_id).state == DraftState.EDITING


def test_an_approved_reply_is_sent_once_and_its_mention_reported(qtbot, context, account, network):
    _, account_id = account
    context.clients = clients.list_clients(context.db, context.clock())
    replies = _replies(context)
    mention_id = mention_ids(context.db)[0]
    draft_id = _saved(qtbot, replies, account_id, mention_id)
    reported = []
    context.changed.connect(reported.append)
    checks = replies.context_for(account_id, mentions.mention_row(context.db, mention_id))
    with qtbot.waitSignal(replies.outboxChanged, timeout=10_000):
        assert replies.approve(draft_id, "Thanks, we are on it.", checks) is None
    qtbot.waitUntil(lambda: network.posted == ["Thanks, we are on it."], timeout=10_000)
    qtbot.waitUntil(lambda: any(mention_id in c.mentions for c in reported), timeout=10_000)
    qtbot.waitUntil(
        lambda: [e.state for e in replies.outbox_items] == [OutboxState.SENT], timeout=10_000
    )


def test_a_draft_with_a_blocking_finding_is_not_approved(qtbot, context, account):
    _, account_id = account
    replies = _replies(context)
    draft_id = _saved(qtbot, replies, account_id, None, "")
    why = replies.approve(draft_id, "", tone.ReplyContext(network="x"))
    assert why and why.startswith("Cannot approve")


def test_a_statement_with_a_blank_left_in_is_not_approved(qtbot, context, account):
    _, account_id = account
    replies = _replies(context)
    text = "To all customers affected by …: we sincerely apologise."
    draft_id = _saved(qtbot, replies, account_id, None, text)
    why = replies.approve(draft_id, text, tone.ReplyContext(network="x"))
    assert why and why.startswith("Cannot approve") and "“affected by …”" in why


def test_the_crisis_question_is_asked_of_whoever_knows(context, account):
    _, account_id = account
    asked = []
    replies = _replies(context, about_crisis=lambda row: asked.append(row) or True)
    assert replies.context_for(account_id, None).crisis is True and asked == [None]
