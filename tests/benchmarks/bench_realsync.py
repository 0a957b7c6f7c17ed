"""Sync from the networks' own server software: 5,000 mentions waiting on a real Mastodon API
(mastodon-mock) and on a real Bluesky network (@atproto/dev-env), read by a first sync and
stored (HTTP, JSON, text, triage, store) — mentions per second and requests per sync, beside the
same sync from the project's own Mastodon-shaped server measured in this run.

Needs ``bash tests/realnet/setup.sh``; a server that is not installed is reported and skipped.
"""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

N = 5_000
NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


def run(report) -> None:
    fake = _fake()
    report.add("sync 5,000 from the project's fake Mastodon", fake[0], "/s", None, "",
               higher_is_better=True)  # fmt: skip
    report.add("  requests for it", fake[1], "", None, "")
    for name, measure in (("mastodon-mock", _mastodon), ("Bluesky dev-env", _bluesky)):
        figures = measure()
        if figures is None:
            print(f"{name}: not installed (bash tests/realnet/setup.sh), skipped")
            continue
        rate, requests = figures
        report.add(f"sync 5,000 from {name}", rate, "/s", fake[0], "fake server",
                   higher_is_better=True)  # fmt: skip
        report.add(f"  requests for it ({name})", requests, "", fake[1], "fake server")


def _sync(provider, network: str, server_url: str, handle: str, remote_id: str | None):
    """A first sync of everything waiting, as the app does it: (mentions/s, requests)."""
    from socialdesk.networks.base import AccountRef
    from socialdesk.services.sync import SyncService
    from socialdesk.store import clients
    from socialdesk.store.db import open_database

    asked = []
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "sync.sqlite3")
        client_id = clients.add_client(db, "Acme", at=NOW)
        clients.add_account(db, client_id, network, handle, server_url=server_url,
                            remote_id=remote_id, at=NOW)  # fmt: skip

        def provider_for(_account):
            return provider

        transport = provider._transport(AccountRef(1, network, handle, server_url=server_url))
        transport._client.event_hooks["request"].append(asked.append)
        sync, stored, syncs = SyncService(db, provider_for, lambda: NOW), 0, 0
        started = time.perf_counter()
        while stored < N:  # a sync reads at most so many pages; the next goes on from there
            [result] = sync.sync_all()
            syncs += 1
            if result.error or not result.new_mention_ids:
                raise RuntimeError(f"{network}: stopped at {stored} of {N}: {result.error}")
            stored += len(result.new_mention_ids)
        seconds = time.perf_counter() - started
        db.close_all()
    print(f"{network}: {N:,} in {syncs} sync(s), {len(asked)} requests")
    return N / seconds, len(asked)


def _fake():
    from socialdesk.networks.mastodon import MastodonProvider
    from socialdesk.services.accounts import MemorySecrets
    from tests.networks.mastodon_server import TOKEN, MastodonServer

    server = MastodonServer()
    for n in range(1, N + 1):
        server.add_mention(n, f"<p>@brand order {n} arrived late &amp; cold, can you help?</p>")
    try:
        provider = _first_sync_of(
            MastodonProvider(lambda _a: MemorySecrets({"access_token": TOKEN}))
        )
        return _sync(provider, "mastodon", server.url, "brand", None)
    finally:
        server.close()


def _first_sync_of(provider):
    """The first sync reads the newest 1,000; these runs read all 5,000 waiting."""
    import socialdesk.networks.bluesky as bluesky
    import socialdesk.networks.mastodon as mastodon

    mastodon.FIRST_SYNC_MAX = bluesky.FIRST_SYNC_MAX = N
    return provider


def _mastodon():
    from socialdesk.networks.mastodon import MastodonProvider
    from socialdesk.services.accounts import MemorySecrets
    from tests.realnet.mastodon_stack import running_mastodon, token

    with tempfile.TemporaryDirectory() as tmp, running_mastodon(
        Path(tmp), ["brand", "alice", "bob", "carol"]
    ) as server:  # fmt: skip
        if server is None:
            return None
        clients = [server.client(name) for name in ("alice", "bob", "carol")]
        started = time.perf_counter()
        for n in range(N):
            clients[n % 3].post("/api/v1/statuses", json={
                "status": f"@brand order {n} arrived late & cold, can you help?"
            }).raise_for_status()  # fmt: skip
        print(f"mastodon-mock: {N:,} mentions posted in {time.perf_counter() - started:.0f} s")
        provider = _first_sync_of(
            MastodonProvider(lambda _a: MemorySecrets({"access_token": token("brand")}))
        )
        return _sync(provider, "mastodon", server.url, "brand", server.account_id("brand"))


def _bluesky():
    from socialdesk.networks.bluesky import BlueskyProvider
    from socialdesk.services.accounts import MemorySecrets
    from tests.realnet import bluesky_stack

    if bluesky_stack.missing():
        return None
    with bluesky_stack.running_bluesky() as network:
        me = network.account("brand")
        people = [network.account(f"c{n}x") for n in range(5)]
        started = time.perf_counter()
        for n in range(N):
            network.mention(people[n % 5], me, f"order {n} arrived late & cold, can you help?")
        network.process()
        print(f"Bluesky dev-env: {N:,} mentions posted in {time.perf_counter() - started:.0f} s")
        secrets = MemorySecrets({"app_password": network.app_password(me)})
        provider = _first_sync_of(BlueskyProvider(lambda _a: secrets))
        return _sync(provider, "bluesky", network.url, me.handle, me.did)
