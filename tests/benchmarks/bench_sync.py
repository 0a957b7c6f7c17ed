"""Sync throughput: 10,000 mentions ingested from a Mastodon-shaped server on 127.0.0.1 (HTTP,
JSON, HTML to text, triage, store), in mentions per second, beside the store's own insert rate for
the same mentions measured in this run (the floor a sync cannot beat)."""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

N = 10_000
NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def run(report) -> None:
    from socialdesk.credentials import CredentialStore
    from socialdesk.networks.http import Transport
    from socialdesk.services import accounts
    from socialdesk.services.sync import SyncService
    from socialdesk.store import clients, mentions
    from socialdesk.store.db import open_database
    from tests.networks.mastodon_server import TOKEN, MastodonServer
    from tests.services.test_sync import DictKeyring

    server = MastodonServer()
    for n in range(1, N + 1):
        server.add_mention(n, f"<p>@brand order {n} arrived late &amp; cold, can you help?</p>")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = open_database(Path(tmp) / "sync.sqlite3")
            networks = accounts.LiveNetworks(
                CredentialStore(DictKeyring()),
                transports={"mastodon": lambda url: Transport("Mastodon", url)},
            )
            client_id = clients.add_client(db, "Acme", at=NOW)
            account_id = clients.add_account(
                db, client_id, "mastodon", "brand", server_url=server.url
            )
            account = accounts.account_ref(clients.get_account(db, account_id))
            networks.secrets_for(account).put("access_token", TOKEN)
            clients.set_sync_state(db, account_id, state="idle", cursor="0")  # read it all
            sync = SyncService(db, networks.provider_for, lambda: NOW)
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
            other = clients.add_account(db, client_id, "mastodon", "copy", server_url=server.url)
            started = time.perf_counter()
            mentions.upsert_mentions(db, other, fetched, NOW)
            floor = len(fetched) / (time.perf_counter() - started)
            db.close_all()
    finally:
        server.close()
    report.add(
        "sync: 10,000 mentions from a local server", synced, "/s", floor,
        "store insert alone", higher_is_better=True,
    )  # fmt: skip
