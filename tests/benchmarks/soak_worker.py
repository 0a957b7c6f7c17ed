"""One run of the soak test's app, headless: every simulated minute it syncs three accounts,
types replies to new mentions (each saved at once, as the composer's autosave would), approves
most of them and sends the outbox — until the soak kills it (kill -9) or the day is over.

Usage (by bench_soak.py only): soak_worker.py CONFIG.json
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from socialdesk.core import outbox as policy
from socialdesk.networks.http import Transport
from socialdesk.networks.mastodon import MastodonProvider
from socialdesk.services.outbox import OutboxSender
from socialdesk.services.sync import SyncService
from socialdesk.store import drafts, mentions, outbox
from socialdesk.store.db import open_database
from socialdesk.store.mentions import MentionFilter
from tests.networks.faulty_server import FaultyProvider

START = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)  # the simulated working day begins


class Secrets:
    def __init__(self, token: str) -> None:
        self.token = token

    def get(self, kind: str) -> str | None:
        return self.token if kind == "access_token" else None

    def put(self, kind: str, value: str) -> None:
        pass


class NoKeysNetwork:
    """An X-like account: mentions read from a Mastodon-shaped server, replies posted to a network
    without idempotency keys (the outbox looks for an earlier post before posting again)."""

    idempotent = False
    idempotency_window = None

    def __init__(self, reader: MastodonProvider, url: str, clock) -> None:
        self._reader = reader
        self._poster = FaultyProvider(_Network(url), clock)

    def fetch_mentions(self, account, cursor):
        return self._reader.fetch_mentions(account, cursor)

    def post_reply(self, account, text, in_reply_to, key):
        return self._poster.post_reply(account, text, in_reply_to, key)

    def find_reply(self, account, text, in_reply_to, since):
        return self._poster.find_reply(account, text, in_reply_to, since)

    def limits(self, account):
        return self._reader.limits(account)


class _Network:
    honours_keys = False

    def __init__(self, url: str) -> None:
        self.url = url


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    config = json.loads(Path(sys.argv[1]).read_text())
    # One line per event, written through at once: what a kill leaves is on disk.
    with open(config["journal"], "a", buffering=1) as journal:
        run(config, journal)


def run(config: dict, journal) -> None:
    db = open_database(Path(config["db"]))
    outbox.release_leases(db)  # as the app does at start, holding the folder's lock
    tick = int(config["tick"])
    clock = lambda: START + timedelta(minutes=tick)  # noqa: E731
    transports = lambda url: Transport("Mastodon", url, clock=clock)  # noqa: E731
    token = config["token"]
    reader = MastodonProvider(lambda _a: Secrets(token), transport_for=transports)
    no_keys = NoKeysNetwork(reader, config["no_keys_url"], clock)
    x_account = config["no_keys_account"]

    def provider_for(account):
        return no_keys if account.id == x_account else reader

    sync = SyncService(db, provider_for, clock)
    sender = OutboxSender(db, provider_for, clock)
    rng = random.Random(tick * 7919 + os.getpid())
    while tick < config["ticks"] or config["drain"]:
        # A simulated minute takes ``pace`` seconds of wall time: enough for the kills to land
        # anywhere in it (in a sync, a save, a send).
        next_tick = time.monotonic() + (0 if config["drain"] else config["pace"])
        if not config["drain"]:
            sync.sync_all()
            _write_replies(db, rng, journal, tick, clock())
        sender.send_due()
        journal.write(f"tick {tick} {os.getpid()} {rss_mb():.1f}\n")
        if config["drain"]:
            pending = [i for i in outbox.list_items(db, clock()) if i.state in outbox.PENDING]
            if not pending or tick > config["ticks"] + 2000:
                break
            tick += 31  # past every retry time
        else:
            tick += 1
        time.sleep(max(0.0, next_tick - time.monotonic()))
    journal.write(f"done {tick}\n")
    db.close_all()


def _write_replies(db, rng: random.Random, journal, tick: int, now: datetime) -> None:
    waiting = mentions.mention_rows(db, MentionFilter(statuses=("new",), sort="oldest"), limit=20)
    for row in rng.sample(waiting, min(len(waiting), 2)):
        if db.query("SELECT 1 FROM draft WHERE mention_id = ?", (row.id,)):
            continue  # answered already (a draft, or approved)
        text = f"Sorry about that, {row.author_handle}: fixing it today (t{tick} m{row.id})"
        draft_id = drafts.save_draft(
            db, account_id=row.account_id, mention_id=row.id, text=text, cursor=len(text), now=now
        )
        journal.write(f"draft {draft_id} {text}\n")  # on disk: it must survive any kill
        if rng.random() < 0.8:
            item = drafts.approve(db, draft_id, policy.new_key(now), now)
            journal.write(f"approved {item} {text}\n")


if __name__ == "__main__":
    main()
