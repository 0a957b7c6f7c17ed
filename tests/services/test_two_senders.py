"""Two SocialDesk processes sending one folder's outbox at once (a second window, a sender left
running) post every reply exactly once, on a network without idempotency keys (like X)."""

import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

from socialdesk.core import outbox as policy
from socialdesk.store import clients, drafts, mentions, outbox
from socialdesk.store.db import open_database
from tests.factories import T0, mention
from tests.networks.faulty_server import FaultyNetwork

ITEMS = 200
ROOT = Path(__file__).resolve().parents[2]

SENDER = textwrap.dedent("""
    import sys, time, types
    from datetime import UTC, datetime
    from socialdesk.services.outbox import OutboxSender
    from socialdesk.store import outbox
    from socialdesk.store.db import open_database
    from tests.networks.faulty_server import FaultyProvider

    db = open_database(sys.argv[1])
    network = types.SimpleNamespace(honours_keys=False, url=sys.argv[2])
    clock = lambda: datetime.now(UTC)
    sender = OutboxSender(db, lambda _a: FaultyProvider(network, clock), clock)
    deadline = time.monotonic() + 120
    while outbox.due_items(db, clock()) and time.monotonic() < deadline:
        sender.send_due()  # items the other process holds are left to it
    db.close_all()
""")


def test_two_processes_post_each_of_200_replies_exactly_once(tmp_path):
    path = tmp_path / "socialdesk.sqlite3"
    db = open_database(path)
    client_id = clients.add_client(db, "Acme", at=T0)
    account_id = clients.add_account(db, client_id, "x", "acme", at=T0)
    ids = mentions.upsert_mentions(
        db, account_id, [mention(n, conversation_id=f"c{n}") for n in range(ITEMS)], T0
    )
    for n, mention_id in enumerate(ids):
        text = f"Answer number {n}"
        draft = drafts.save_draft(
            db, account_id=account_id, mention_id=mention_id, text=text, cursor=0, now=T0
        )
        drafts.approve(db, draft, policy.new_key(T0), T0)
    db.close_all()

    network = FaultyNetwork(honours_keys=False)
    try:
        senders = [
            subprocess.Popen(
                [sys.executable, "-c", SENDER, str(path), network.url],
                cwd=ROOT,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        for sender in senders:
            _out, err = sender.communicate(timeout=180)
            assert sender.returncode == 0, err
    finally:
        network.close()
    posted = Counter(p["text"] for p in network.posts)
    assert [text for text, times in posted.items() if times > 1] == []
    assert len(posted) == ITEMS
    db = open_database(path)
    assert {i.state for i in outbox.list_items(db, T0)} == {"sent"}
    db.close_all()
