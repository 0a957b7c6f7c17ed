"""Soak: a simulated working day (8 hours, one tick a minute) compressed to a minute or two of
wall time. Three local servers on 127.0.0.1 take mentions and replies and misbehave at random
(5xx, 429, dropped and slow answers, answers lost after posting, junk); the app (soak_worker.py,
headless: sync, drafts typed and approved, the outbox) is killed with kill -9 at random moments
and started again. Then the outbox is drained with the faults off and checked:

- every approved reply was posted exactly once (two servers honour idempotency keys, one does
  not: there the outbox must look before posting again);
- no draft that was saved (journalled after its save returned) is lost;
- the database passes ``PRAGMA integrity_check``;
- memory stays flat over the last, uninterrupted stretch.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
TICKS = 480  # 8 hours, a tick a minute
PACE = 0.15  # seconds of wall time for a simulated minute: the day takes about 80 s
CALM_TICKS = 120  # the last two hours run without kills: memory is measured there
FAULTS = ["500", "503", "429", "drop", "drop_after", "malformed"]
NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def run(report) -> None:
    from socialdesk.store import clients
    from socialdesk.store.db import open_database
    from tests.networks.faulty_server import FaultyNetwork
    from tests.networks.mastodon_server import TOKEN, MastodonServer

    rng = random.Random(int(os.environ.get("SOCIALDESK_SOAK_SEED", "20261204")))
    servers = [MastodonServer() for _ in range(3)]
    no_keys = FaultyNetwork(honours_keys=False)
    stop = threading.Event()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "socialdesk.sqlite3"
        db = open_database(path)
        client_id = clients.add_client(db, "Soak", at=NOW)
        accounts = [
            clients.add_account(db, client_id, "mastodon", f"brand{i}", server_url=s.url, at=NOW)
            for i, s in enumerate(servers)
        ]
        db.close_all()
        config = {
            "db": str(path), "journal": str(Path(tmp) / "journal.txt"), "token": TOKEN,
            "no_keys_url": no_keys.url, "no_keys_account": accounts[2], "ticks": TICKS,
            "drain": False, "tick": 0, "pace": PACE,
        }  # fmt: skip
        world = threading.Thread(target=_weather, args=(servers, no_keys, rng, stop), daemon=True)
        world.start()
        started = time.perf_counter()
        kills = 0
        try:
            while _last_tick(config["journal"]) < TICKS - 1:
                calm = _last_tick(config["journal"]) >= TICKS - CALM_TICKS
                worker = _start(config, tmp)
                if calm:
                    worker.wait(timeout=600)
                    continue
                try:
                    worker.wait(timeout=rng.uniform(0.5, 2.5))  # the chaos: a kill at random
                except subprocess.TimeoutExpired:
                    worker.send_signal(signal.SIGKILL)
                    worker.wait()
                    kills += 1
            stop.set()
            world.join()
            for server in servers:
                server.faults.clear()
            no_keys.faults.clear()
            _start(dict(config, drain=True), tmp).wait(timeout=600)
            wall = time.perf_counter() - started
            figures = _check(config, servers, no_keys)
        finally:
            stop.set()
            for server in servers:
                server.close()
            no_keys.close()
    report.add("soak: 8 simulated hours, wall time", wall, "s", TICKS * PACE, "the day's pace")
    report.add("soak: kill -9 of the app", kills, "", None, "")
    report.add("soak: replies approved", figures["approved"], "", None, "")
    report.add(
        "soak: approved replies posted exactly once", figures["exactly_once"], "",
        figures["approved"], "approved", higher_is_better=True,
    )  # fmt: skip
    report.add("soak: replies posted twice or never", figures["wrong"], "", 0, "target 0")
    report.add("soak: saved drafts lost", figures["drafts_lost"], "", 0, "target 0")
    report.add("soak: integrity_check problems", figures["integrity"], "", 0, "target 0")
    report.add(
        "soak: memory growth over the calm 2 h", figures["growth_mb"], "MB",
        figures["rss_mb"], "resident at its start",
    )  # fmt: skip


def _weather(servers, no_keys, rng: random.Random, stop: threading.Event) -> None:
    """New mentions arrive and faults strike while the app runs."""
    n = 0
    while not stop.wait(0.05):
        n += 1
        server = rng.choice(servers)
        server.add_mention(n, f"<p>@brand{servers.index(server)} order {n} is late, help?</p>")
        if rng.random() < 0.15:
            rng.choice([*servers, *servers]).faults.append(rng.choice(FAULTS))
        if rng.random() < 0.05:
            no_keys.faults.append(rng.choice(["drop_after_post", "500_after_post", "503", "429"]))


def _start(config: dict, tmp: str) -> subprocess.Popen:
    config = dict(config, tick=_last_tick(config["journal"]) + 1)
    path = Path(tmp) / "config.json"
    path.write_text(json.dumps(config))
    return subprocess.Popen([sys.executable, str(HERE / "soak_worker.py"), str(path)])


def _last_tick(journal: str) -> int:
    if not Path(journal).exists():
        return -1
    ticks = [int(line.split()[1]) for line in _lines(journal) if line.startswith("tick ")]
    return max(ticks, default=-1)


def _lines(journal: str) -> list[str]:
    # A kill can cut the last line short: only whole lines count.
    return [line for line in Path(journal).read_text().split("\n")[:-1]]


def _check(config: dict, servers, no_keys) -> dict:
    import sqlite3

    conn = sqlite3.connect(config["db"])
    items = conn.execute("SELECT text, state FROM outbox_item").fetchall()
    for row in conn.execute(
        "SELECT id, state, attempts, last_error, next_attempt_at, conversation_id, account_id,"
        " unconfirmed, lease_until FROM outbox_item WHERE state != 'sent'"
    ):
        print("  not sent:", row)
    draft_texts = {t for (t,) in conn.execute("SELECT text FROM draft")}
    integrity = conn.execute("PRAGMA integrity_check").fetchall()
    conn.close()
    posted = Counter(p["status"] for s in servers for p in s.posted)
    posted.update(p["text"] for p in no_keys.posts)
    texts = [text for text, _state in items]
    exactly_once = sum(1 for t in texts if posted[t] == 1)
    for text, state in items:
        if posted[text] != 1:
            print(f"  posted {posted[text]}×, {state}: {text}")
    lines = _lines(config["journal"])
    journalled = [line.split(" ", 2)[2] for line in lines if line.startswith("draft ")]
    calm = [float(line.split()[3]) for line in lines if line.startswith("tick ")][-CALM_TICKS:]
    return {
        "approved": len(items),
        "exactly_once": exactly_once,
        "wrong": len(items) - exactly_once + sum(1 for t in posted if t not in set(texts)),
        "drafts_lost": sum(1 for t in journalled if t not in draft_texts),
        "integrity": 0 if integrity == [("ok",)] else len(integrity),
        "rss_mb": calm[0],
        "growth_mb": max(calm) - calm[0],
    }
