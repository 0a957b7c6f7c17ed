"""The outbox sends every approved reply exactly once, in order per conversation, whatever the
network does: dropped connections after posting, timeouts, 429 with a reset, 5xx, refused tokens."""

from datetime import timedelta

import pytest

from socialdesk.core import outbox as policy
from socialdesk.core.limits import NetworkLimits
from socialdesk.core.models import MentionStatus, OutboxState
from socialdesk.networks.demo import DemoProvider
from socialdesk.services.outbox import SIGN_IN_NEEDED, OutboxSender
from socialdesk.store import drafts, mentions, outbox
from socialdesk.store.values import to_ms
from tests.factories import T0, mention
from tests.networks.faulty_server import FaultyNetwork, FaultyProvider


class Clock:
    def __init__(self):
        self.now = T0 + timedelta(hours=1)

    def __call__(self):
        return self.now


def _approve(db, account_id, mention_id, text, clock):
    draft_id = drafts.save_draft(
        db, account_id=account_id, mention_id=mention_id, text=text, cursor=len(text), now=clock()
    )
    return drafts.approve(db, draft_id, policy.new_key(clock()), clock())


def _stored(db, account_id, count, conversations=2):
    fetched = [mention(n, conversation_id=f"c{n % conversations}", minutes=n) for n in range(count)]
    return mentions.upsert_mentions(db, account_id, fetched, T0)


def _drain(db, sender, clock, rounds=60):
    """Run the sender like the app's timer does, the clock moving on past every retry time."""
    for _ in range(rounds):
        sender.send_due()
        pending = [i for i in outbox.list_items(db, clock()) if i.state in outbox.PENDING]
        if not pending:
            return
        clock.now += timedelta(minutes=31)
    raise AssertionError(f"still pending: {pending}")


FAULTS = [
    "drop_after_post", "drop_before_post", "slow_after_post", "429", "500_after_post", "503",
    "drop_after_post", "503", "429", "slow_after_post",
]  # fmt: skip


@pytest.mark.parametrize("honours_keys", [True, False], ids=["mastodon-like", "x-like"])
def test_every_approved_reply_is_posted_exactly_once_in_order(db, account, honours_keys):
    _client_id, account_id = account
    network = FaultyNetwork(honours_keys=honours_keys)
    clock = Clock()
    try:
        ids = _stored(db, account_id, 8)
        texts = [f"Reply {i} — thanks for your patience 🙏" for i in range(8)]
        for mid, text in zip(ids, texts, strict=True):
            _approve(db, account_id, mid, text, clock)
        network.faults.extend(FAULTS)
        _drain(db, OutboxSender(db, lambda _a: FaultyProvider(network, clock), clock), clock)
    finally:
        network.close()

    posted = [p["text"] for p in network.posts]
    assert sorted(posted) == sorted(texts)  # each once, none lost, none twice
    for conversation in ("c0", "c1"):  # within a conversation, in approval order
        mine = [t for t, m in zip(texts, range(8), strict=True) if f"c{m % 2}" == conversation]
        assert [t for t in posted if t in mine] == mine
    items = outbox.list_items(db, clock())
    assert {i.state for i in items} == {OutboxState.SENT}
    assert all(not i.unconfirmed and i.remote_id for i in items)
    rows = mentions.rows_by_id(db, ids)
    assert {r.status for r in rows} == {MentionStatus.REPLIED}
    assert all(r.first_response_at is not None for r in rows)
    assert network.requests > len(texts)  # the faults really were met


def test_a_crash_mid_send_does_not_post_twice_on_a_network_without_keys(db, account):
    """The app died after the request left: the item is still 'sending' when it restarts."""
    _client_id, account_id = account
    network = FaultyNetwork(honours_keys=False)
    clock = Clock()
    try:
        [mid] = _stored(db, account_id, 1)
        item_id = _approve(db, account_id, mid, "On its way, sorry for the wait.", clock)
        outbox.claim(db, item_id, clock())  # what the crashed run did before posting…
        FaultyProvider(network, clock).post_reply(
            None, "On its way, sorry for the wait.", "m0", "k"
        )
        outbox.release_leases(db)  # the new run starts, holding the data folder's lock…
        OutboxSender(db, lambda _a: FaultyProvider(network, clock), clock).send_due()  # …and sends
    finally:
        network.close()
    assert len(network.posts) == 1
    assert outbox.get_item(db, item_id).state == OutboxState.SENT


def test_an_item_another_sender_holds_is_never_taken_until_its_lease_runs_out(db, account):
    """Two senders on one folder (a second window): the claim is one UPDATE, so only one ever
    has an item; a sender gone without a word loses it after the lease."""
    _client_id, account_id = account
    clock = Clock()
    [mid] = _stored(db, account_id, 1)
    item_id = _approve(db, account_id, mid, "On its way, sorry for the wait.", clock)
    assert outbox.claim(db, item_id, clock())  # the first sender is posting it
    assert not outbox.claim(db, item_id, clock())  # the second may not
    clock.now += outbox.LEASE - timedelta(seconds=1)
    assert not outbox.claim(db, item_id, clock())
    clock.now += timedelta(seconds=1)
    assert outbox.claim(db, item_id, clock())  # the first is gone for good: taken, unconfirmed
    assert outbox.get_item(db, item_id).unconfirmed


def test_rate_limit_holds_the_account_until_its_reset(db, account):
    _client_id, account_id = account
    network = FaultyNetwork(honours_keys=True)
    clock = Clock()
    try:
        ids = _stored(db, account_id, 3, conversations=3)
        for mid in ids:
            _approve(db, account_id, mid, f"Answer {mid}", clock)
        network.faults.append("429")
        results = OutboxSender(db, lambda _a: FaultyProvider(network, clock), clock).send_due()
    finally:
        network.close()
    # The first was refused; the others were not even tried in the same round.
    assert len(results) == 1 and not results[0].sent
    assert network.requests == 1
    first = outbox.get_item(db, results[0].item_id)
    assert first.state == OutboxState.QUEUED and "slow down" in first.last_error
    assert first.next_attempt_at > clock() and first.attempts == 0


def test_a_refused_token_leaves_items_queued_with_sign_in_needed(db, account):
    _client_id, account_id = account
    network = FaultyNetwork(honours_keys=True)
    clock = Clock()
    try:
        [mid] = _stored(db, account_id, 1)
        item_id = _approve(db, account_id, mid, "Thanks, we're on it.", clock)
        network.faults.append("401")
        OutboxSender(db, lambda _a: FaultyProvider(network, clock), clock).send_due()
    finally:
        network.close()
    item = outbox.get_item(db, item_id)
    assert item.state == OutboxState.QUEUED and item.last_error.startswith(SIGN_IN_NEEDED)
    assert "secret-token" not in item.last_error
    assert item.text == "Thanks, we're on it."


def test_a_post_refused_with_a_403_fails_alone_and_the_others_go_out(db, account):
    _client_id, account_id = account
    network = FaultyNetwork(honours_keys=True)
    clock = Clock()
    try:
        first, second = _stored(db, account_id, 2)
        refused = _approve(
            db, account_id, first, "Sorry about that, a new one is on its way.", clock
        )
        sent = _approve(db, account_id, second, "Thanks, glad it arrived!", clock)
        network.faults.append("403")
        OutboxSender(db, lambda _a: FaultyProvider(network, clock), clock).send_due()
    finally:
        network.close()
    item = outbox.get_item(db, refused)
    assert item.state == OutboxState.FAILED and "blocked you" in item.last_error
    assert not item.last_error.startswith(SIGN_IN_NEEDED)
    assert outbox.get_item(db, sent).state == OutboxState.SENT
    assert [p["text"] for p in network.posts] == ["Thanks, glad it arrived!"]


def test_a_reply_that_no_longer_fits_the_server_is_not_sent_and_says_why(db, account):
    """Approved under one limit, the server's is lower by the time it goes out: the counter,
    fed the server's limits now, stops it before the request; the next reply still goes."""
    _client_id, account_id = account
    network = FaultyNetwork(honours_keys=True)
    clock = Clock()

    class LowerLimit(FaultyProvider):
        def limits(self, account):
            return NetworkLimits(100)

    try:
        first, second = _stored(db, account_id, 2)
        too_long = _approve(db, account_id, first, "a" * 150, clock)
        fits = _approve(db, account_id, second, "a" * 100, clock)
        OutboxSender(db, lambda _a: LowerLimit(network, clock), clock).send_due()
    finally:
        network.close()
    item = outbox.get_item(db, too_long)
    assert item.state == OutboxState.FAILED
    assert "150 characters, 100 allowed" in item.last_error and "Cancel it" in item.last_error
    assert outbox.get_item(db, fits).state == OutboxState.SENT
    assert [p["text"] for p in network.posts] == ["a" * 100]


def test_a_rejected_reply_fails_with_the_reason_and_can_be_retried_or_cancelled(db, account):
    _client_id, account_id = account
    clock = Clock()
    [mid] = _stored(db, account_id, 1)
    item_id = _approve(db, account_id, mid, "x" * 400, clock)  # longer than X allows
    provider = DemoProvider(T0, clock=clock, post_delay=0, failure_rate=0)
    OutboxSender(db, lambda _a: provider, clock).send_due()
    item = outbox.get_item(db, item_id)
    assert item.state == OutboxState.FAILED and "400 characters, 280 allowed" in item.last_error
    assert outbox.cancel(db, [item_id], clock()) == [item_id]
    # Cancelling gives the text back to the composer: the draft is editable again.
    assert drafts.live_draft(db, account_id, mid).text == "x" * 400
    outbox.restore(db, [item_id], clock())
    assert outbox.get_item(db, item_id).state == OutboxState.QUEUED
    assert drafts.live_draft(db, account_id, mid) is None


def test_scheduled_posts_wait_for_their_time_and_a_paused_client_sends_nothing(db, account):
    client_id, account_id = account
    clock = Clock()
    provider = DemoProvider(T0, clock=clock, post_delay=0, failure_rate=0)
    sender = OutboxSender(db, lambda _a: provider, clock)
    later = _approve(db, account_id, None, "Our winter hours start Monday.", clock)
    outbox.retry(db, [])  # a no-op must not disturb anything
    with db.transaction() as conn:  # schedule it two hours ahead
        conn.execute(
            "UPDATE outbox_item SET send_at = ? WHERE id = ?",
            (to_ms(clock() + timedelta(hours=2)), later),
        )
    now_item = _approve(db, account_id, None, "New: order tracking in the app.", clock)
    assert outbox.set_client_paused(db, client_id, True) == [later, now_item]
    assert sender.send_due() == []
    outbox.set_client_paused(db, client_id, False)
    assert [(r.item_id, r.sent) for r in sender.send_due()] == [(now_item, True)]
    clock.now += timedelta(hours=2)
    assert [(r.item_id, r.sent) for r in sender.send_due()] == [(later, True)]
    assert sorted(text for text, _ in provider.posted.values()) == [
        "New: order tracking in the app.",
        "Our winter hours start Monday.",
    ]


def test_undoing_a_cancel_never_brings_back_a_reply_edited_since(db, account):
    _client_id, account_id = account
    clock = Clock()
    [mid] = _stored(db, account_id, 1)
    item_id = _approve(db, account_id, mid, "Old text", clock)
    assert outbox.cancel(db, [item_id], clock()) == [item_id]
    draft = drafts.live_draft(db, account_id, mid)
    clock.now += timedelta(seconds=5)
    drafts.save_draft(
        db, account_id=account_id, mention_id=mid, text="New text", cursor=0, now=clock(),
        draft_id=draft.id,
    )  # fmt: skip
    drafts.approve(db, draft.id, policy.new_key(clock()), clock(), text="New text")
    # Ctrl+Z of the cancel, after the reply was rewritten and approved again:
    assert outbox.restore(db, [item_id], clock.now - timedelta(seconds=5)) == [item_id]
    states = {i.text: i.state for i in outbox.list_items(db, clock())}
    assert states == {"Old text": OutboxState.CANCELLED, "New text": OutboxState.QUEUED}


def test_a_paused_client_sends_nothing_even_on_retry_or_after_a_failure(db, account):
    client_id, account_id = account
    network = FaultyNetwork(honours_keys=True)
    clock = Clock()
    try:
        [mid] = _stored(db, account_id, 1)
        item_id = _approve(db, account_id, mid, "Answer during a crisis", clock)
        outbox.claim(db, item_id, clock())  # a send was under way when the pause came…
        outbox.set_client_paused(db, client_id, True)
        outbox.mark_retry(db, item_id, "timed out", clock(), unconfirmed=True)  # …and failed
        assert outbox.get_item(db, item_id).state == OutboxState.PAUSED
        outbox.retry(db, [item_id])  # "Retry now" does not break the pause either
        sender = OutboxSender(db, lambda _a: FaultyProvider(network, clock), clock)
        clock.now += timedelta(hours=1)
        assert sender.send_due() == [] and network.posts == []
        outbox.set_client_paused(db, client_id, False)
        assert [r.sent for r in sender.send_due()] == [True]
    finally:
        network.close()
    assert len(network.posts) == 1


def test_a_rate_limit_holds_every_waiting_item_of_the_account_not_just_one(db, account):
    _client_id, account_id = account
    network = FaultyNetwork(honours_keys=True)
    clock = Clock()
    try:
        for mid in _stored(db, account_id, 3, conversations=3):
            _approve(db, account_id, mid, f"Answer {mid}", clock)
        network.faults.append("429")
        sender = OutboxSender(db, lambda _a: FaultyProvider(network, clock), clock)
        sender.send_due()
        clock.now += timedelta(seconds=15)  # the app's next round
        assert sender.send_due() == [] and network.requests == 1
    finally:
        network.close()
    assert all("slow down" in i.last_error for i in outbox.list_items(db, clock()))


def test_an_unreadable_success_counts_as_maybe_sent(db, account):
    """A 200 whose body cannot be read: the post exists, so an X-like network is looked at
    before any second try, and the item is not offered as safely cancellable."""
    _client_id, account_id = account
    network = FaultyNetwork(honours_keys=False)
    clock = Clock()
    try:
        [mid] = _stored(db, account_id, 1)
        item_id = _approve(db, account_id, mid, "Sorry, fixed now.", clock)
        provider = FaultyProvider(network, clock)
        original = provider.transport.request

        def garbled(method, path, **kw):
            result = original(method, path, **kw)
            if method == "POST":
                from socialdesk.networks.http import _unreadable

                raise _unreadable("Test network answered with something that is not JSON.")
            return result

        provider.transport.request = garbled
        sender = OutboxSender(db, lambda _a: provider, clock)
        sender.send_due()
        item = outbox.get_item(db, item_id)
        assert item.state == OutboxState.QUEUED and item.unconfirmed
        clock.now += timedelta(minutes=31)
        sender.send_due()
    finally:
        network.close()
    assert [p["text"] for p in network.posts] == ["Sorry, fixed now."]
    assert outbox.get_item(db, item_id).state == OutboxState.SENT


def test_a_token_with_a_stray_newline_never_reaches_the_outbox_or_the_log(db, account, caplog):
    _client_id, account_id = account
    network = FaultyNetwork(honours_keys=True)
    clock = Clock()
    try:
        [mid] = _stored(db, account_id, 1)
        item_id = _approve(db, account_id, mid, "Thanks!", clock)
        provider = FaultyProvider(network, clock)
        original = provider.transport.request
        provider.transport.request = lambda m, p, **kw: original(
            m, p, **{**kw, "headers": {**kw.get("headers", {}), "X-Secret": "s3cr3t\n"}}
        )
        OutboxSender(db, lambda _a: provider, clock).send_due()
    finally:
        network.close()
    item = outbox.get_item(db, item_id)
    assert "s3cr3t" not in (item.last_error or "") and "s3cr3t" not in caplog.text
    assert item.state in (OutboxState.QUEUED, OutboxState.FAILED)
