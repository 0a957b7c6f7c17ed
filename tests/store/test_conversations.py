"""A reply joins the conversation of what it answers, whatever the network names as its
conversation (Mastodon names only the parent): replies to a stored mention, and replies to a
reply SocialDesk sent, stay in one thread. And a mention keeps who could see it."""

from socialdesk.core import outbox as policy
from socialdesk.store import drafts, mentions, outbox
from socialdesk.store.mentions import MentionFilter
from tests.factories import T0, mention


def _conversation(db, mention_id):
    return mentions.mention_row(db, mention_id).conversation_id


def test_a_reply_to_a_stored_mention_joins_its_conversation(db, account):
    _client, account_id = account
    [first] = mentions.upsert_mentions(db, account_id, [mention(1, conversation_id="post9")], T0)
    # The network names the parent as the conversation, as Mastodon's API does.
    later = [
        mention(2, in_reply_to_remote_id="m1", conversation_id="m1"),
        mention(3, in_reply_to_remote_id="m2", conversation_id="m2"),  # same batch, a level down
    ]
    second, third = mentions.upsert_mentions(db, account_id, later, T0)
    assert {_conversation(db, i) for i in (first, second, third)} == {"post9"}
    rows = mentions.mention_rows(db, MentionFilter(conversation_of=third))
    assert {r.id for r in rows} == {first, second, third}


def test_a_reply_to_our_sent_reply_joins_the_conversation_it_answered(db, account):
    _client, account_id = account
    [asked] = mentions.upsert_mentions(db, account_id, [mention(1, conversation_id="post9")], T0)
    draft = drafts.save_draft(
        db, account_id=account_id, mention_id=asked, text="Sorry! DM us?", cursor=0, now=T0
    )
    item = drafts.approve(db, draft, policy.new_key(T0), T0)
    outbox.mark_sent(db, item, "our-reply-7", None, T0)
    follow_up = mention(2, in_reply_to_remote_id="our-reply-7", conversation_id="our-reply-7")
    [answer] = mentions.upsert_mentions(db, account_id, [follow_up], T0)
    assert _conversation(db, answer) == "post9"


def test_a_mention_keeps_who_could_see_it(db, account):
    _client, account_id = account
    ids = mentions.upsert_mentions(
        db, account_id, [mention(1, visibility="direct"), mention(2)], T0
    )
    assert [mentions.mention_row(db, i).visibility for i in ids] == ["direct", None]
