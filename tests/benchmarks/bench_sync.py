"""Sync throughput: 10,000 mentions ingested from a Mastodon-shaped server on 127.0.0.1 (HTTP,
JSON, HTML to text, triage, store), in mentions per second, beside the store's own insert rate for
the same mentions measured in this run (the floor a sync cannot beat).

The server runs in a process of its own, as a real server does: in this process its Python (it
sorts every notification for each page and encodes the JSON) held the GIL the sync needs, and
counted as the sync's time.

Triage is most of a sync's work, so its rate alone is printed beside the same floor, and with it
the best ratio a sync could reach if HTTP, JSON, parsing and bookkeeping cost nothing."""

from __future__ import annotations

import multiprocessing
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

N = 10_000
NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
TARGET_RATIO = 0.6


def _serve(count: int, pipe) -> None:
    """The benchmark's server, in a child process: sends its address, serves until told."""
    from tests.networks.mastodon_server import MastodonServer

    server = MastodonServer()
    for n in range(1, count + 1):
        server.add_mention(n, f"<p>@brand order {n} arrived late &amp; cold, can you help?</p>")
    pipe.send(server.url)
    pipe.recv()
    server.close()


def run(report) -> None:
    from socialdesk.credentials import CredentialStore
    from socialdesk.networks.http import Transport
    from socialdesk.services import accounts
    from socialdesk.services.sync import SyncService, _triage
    from socialdesk.store import clients, mentions
    from socialdesk.store.db import open_database
    from tests.networks.mastodon_server import TOKEN
    from tests.services.test_sync import DictKeyring

    pipe, child_pipe = multiprocessing.Pipe()
    server = multiprocessing.Process(target=_serve, args=(N, child_pipe), daemon=True)
    server.start()
    try:
        url = pipe.recv()
        with tempfile.TemporaryDirectory() as tmp:
            db = open_database(Path(tmp) / "sync.sqlite3")
            networks = accounts.LiveNetworks(
                CredentialStore(DictKeyring()),
                transports={"mastodon": lambda url: Transport("Mastodon", url)},
            )
            client_id = clients.add_client(db, "Acme", at=NOW)
            account_id = clients.add_account(db, client_id, "mastodon", "brand", server_url=url)
            account = accounts.account_ref(clients.get_account(db, account_id))
            networks.secrets_for(account).put("access_token", TOKEN)
            clients.set_sync_state(db, account_id, state="idle", cursor="0")  # read it all
            sync = SyncService(db, networks.provider_for, lambda: NOW)
            # Triage's word lists, lexicon and model load once per process (about 0.4 s, printed
            # by the triage benchmark; the app loads them after the first paint): a rate is
            # measured warm, as the insert it is compared with is.
            _triage("warm up")
            started, stored = time.perf_counter(), 0
            while stored < N:
                [result] = sync.sync_all()
                if result.error or not result.new_mention_ids:
                    raise RuntimeError(f"sync stopped at {stored}: {result.error}")
                stored += len(result.new_mention_ids)
            synced = N / (time.perf_counter() - started)

            account = clients.get_account(db, account_id)
            provider = networks.provider_for(account)
            fetched = provider.fetch_mentions(accounts.account_ref(account), "0").mentions
            other = clients.add_account(db, client_id, "mastodon", "copy", server_url=url)
            started = time.perf_counter()
            mentions.upsert_mentions(db, other, fetched, NOW)
            floor = len(fetched) / (time.perf_counter() - started)
            started = time.perf_counter()
            for m in fetched:
                _triage(m.text)
            triaged = len(fetched) / (time.perf_counter() - started)
            db.close_all()
    finally:
        pipe.send("stop")
        server.join(timeout=10)
    report.add(
        "sync: 10,000 mentions from a local server", synced, "/s", floor,
        "store insert alone", higher_is_better=True,
    )  # fmt: skip
    report.add("sync / store insert alone", synced / floor, "x", TARGET_RATIO, "target",
               higher_is_better=True)  # fmt: skip
    report.add(
        "sync: triage alone, the same mentions", triaged, "/s", floor, "store insert alone",
        higher_is_better=True,
    )  # fmt: skip
    # Insert and triage at their own rates, everything else free: 1 / (1/insert + 1/triage).
    ceiling = 1 / (1 + floor / triaged)
    report.add("sync / insert at best, with triage as it is", ceiling, "x", TARGET_RATIO,
               "target", higher_is_better=True)  # fmt: skip
