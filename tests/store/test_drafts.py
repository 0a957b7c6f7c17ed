"""Drafts are stored as typed, found again per mention, and approved into the outbox atomically."""

from datetime import timedelta

import pytest

from socialdesk.core import replies
from socialdesk.core.models import DraftState, OutboxState
from socialdesk.store import drafts, mentions, outbox, saved_replies
from tests.factories import T0, mention


def _mention(db, account_id, n=1, **kw):
    return mentions.upsert_mentions(db, account_id, [mention(n, **kw)], T0)[0]


def test_a_draft_is_found_again_with_its_cursor_and_each_save_updates_it(db, account):
    _client, account_id = account
    mid = _mention(db, account_id)
    first = drafts.save_draft(
        db, account_id=account_id, mention_id=mid, text="Hi", cursor=2, now=T0
    )
    again = drafts.save_draft(
        db, account_id=account_id, mention_id=mid, text="Hi Ana 👋🏽 שלום", cursor=4, now=T0,
        draft_id=first,
    )  # fmt: skip
    assert again == first
    found = drafts.live_draft(db, account_id, mid)
    assert (found.text, found.cursor_position, found.state) == ("Hi Ana 👋🏽 שלום", 4, "editing")
    # A new post of the same account is a draft of its own.
    post = drafts.save_draft(
        db, account_id=account_id, mention_id=None, text="News", cursor=0, now=T0
    )
    assert post != first and drafts.live_draft(db, account_id, None).text == "News"


def test_review_queue_send_back_and_approval(db, account):
    _client, account_id = account
    mid = _mention(db, account_id, conversation_id="conv-1")
    draft_id = drafts.save_draft(
        db, account_id=account_id, mention_id=mid, text="Sorry! Fixed now.", cursor=0, now=T0
    )
    assert drafts.review_queue(db) == []
    drafts.set_state(db, draft_id, DraftState.READY, now=T0)
    [item] = drafts.review_queue(db)
    assert item.mention.id == mid and item.client_name == "Acme" and item.network == "x"

    drafts.send_back(db, draft_id, "Add how to reach us.", T0)
    assert drafts.review_queue(db) == []
    assert drafts.get_draft(db, draft_id).review_note == "Add how to reach us."

    item_id = drafts.approve(db, draft_id, "key-1", T0 + timedelta(minutes=5))
    entry = outbox.get_item(db, item_id)
    assert (entry.state, entry.idempotency_key, entry.text) == (
        OutboxState.QUEUED,
        "key-1",
        "Sorry! Fixed now.",
    )
    assert entry.in_reply_to_remote_id == "m1" and entry.conversation_id == "conv-1"
    assert drafts.get_draft(db, draft_id).state == DraftState.APPROVED
    # Approved is final for the draft: neither a second approval nor a late autosave touches it.
    with pytest.raises(drafts.DraftGone):
        drafts.approve(db, draft_id, "key-2", T0)
    with pytest.raises(drafts.DraftGone):
        drafts.save_draft(
            db, account_id=account_id, mention_id=mid, text="late", cursor=0, now=T0,
            draft_id=draft_id,
        )  # fmt: skip
    assert len(outbox.list_items(db, T0)) == 1


def test_discard_is_undone_by_restoring_the_previous_state(db, account):
    _client, account_id = account
    mid = _mention(db, account_id)
    draft_id = drafts.save_draft(
        db, account_id=account_id, mention_id=mid, text="keep me", cursor=0, now=T0
    )
    before = drafts.set_state(db, draft_id, DraftState.DISCARDED, now=T0)
    assert drafts.live_draft(db, account_id, mid) is None
    drafts.set_state(db, draft_id, before, now=T0, expected=(DraftState.DISCARDED,))
    assert drafts.live_draft(db, account_id, mid).text == "keep me"


def test_an_approved_draft_never_moves_again_and_a_new_save_never_overwrites_another(db, account):
    _client, account_id = account
    mid = _mention(db, account_id)
    ready = drafts.save_draft(
        db, account_id=account_id, mention_id=mid, text="In review", cursor=0, now=T0
    )
    drafts.set_state(db, ready, DraftState.READY, now=T0)
    # A composer that knew no draft starts a new one: the reply in review is untouched.
    other = drafts.save_draft(
        db, account_id=account_id, mention_id=mid, text="lol whatever", cursor=0, now=T0
    )
    assert other != ready and drafts.get_draft(db, ready).text == "In review"
    # Approving checks the text the approver saw.
    with pytest.raises(drafts.DraftChanged):
        drafts.approve(db, ready, "k0", T0, text="Something else")
    drafts.approve(db, ready, "k1", T0, text="In review")
    for state in (DraftState.READY, DraftState.EDITING, DraftState.DISCARDED):
        with pytest.raises(drafts.DraftGone):  # a stale window's "ready" or an old undo
            drafts.set_state(db, ready, state, now=T0)
    with pytest.raises(drafts.DraftGone):
        drafts.send_back(db, ready, "no", T0)
    assert drafts.get_draft(db, ready).state == DraftState.APPROVED


def test_built_in_replies_are_there_editable_and_filled(db, account):
    client_id, _account = account
    library = saved_replies.list_replies(db, client_id)
    assert {r.name for r in library if r.built_in} == {"Take it to DMs", "Crisis statement"}
    own = saved_replies.save_reply(
        db, name="Refund", body="Hi {first_name}, your refund is on its way. {agent}",
        client_id=client_id, now=T0,
    )  # fmt: skip
    [found] = replies.search(saved_replies.list_replies(db, client_id), "ref")
    assert found.id == own
    text = replies.fill(found.body, replies.ReplyValues(first_name="Ana", agent="– Sam"))
    assert text == "Hi Ana, your refund is on its way. – Sam"
    assert saved_replies.list_replies(db, client_id + 1) == [
        r for r in library if r.client_id is None
    ]
