"""The store under a year of work: 100,000 mentions written the way sync writes them, beside raw
``sqlite3`` ``executemany`` of the same rows into the same schema (target: at least half its
speed), peak memory of each, and the feed's reads on the full store beside a 16 ms frame."""

from __future__ import annotations

import random
import sqlite3
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

from harness import median, percentile, time_calls

from socialdesk.core.mentions import FetchedMention, RemoteAuthor
from socialdesk.store import clients, mentions
from socialdesk.store.db import open_database
from socialdesk.store.mentions import MentionFilter

N = 100_000
AUTHORS = 5_000
BATCH = 1_000  # a busy sync's page count
FRAME_MS = 16.0
START = datetime(2025, 11, 22, tzinfo=UTC)
WORDS = [
    "order",
    "delivery",
    "refund",
    "app",
    "login",
    "broken",
    "thanks",
    "love",
    "coffee",
    "bike",
    "invoice",
    "account",
    "late",
    "support",
    "help",
    "please",
    "why",
    "again",
    "still",
    "waiting",
    "great",
    "team",
    "store",
    "open",
    "today",
    "price",
    "update",
]


def fake_mentions(n: int) -> list[FetchedMention]:
    rnd = random.Random(7)
    people = [RemoteAuthor(f"u{i}", f"user{i}", f"User {i}") for i in range(AUTHORS)]
    out = []
    for i in range(n):
        words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 45)))
        out.append(FetchedMention(
            remote_id=f"r{i}", author=rnd.choice(people),
            text=f"@brand {words} {'🙂' if i % 7 == 0 else ''}".strip(),
            created_at=START + timedelta(seconds=i * 315),
            conversation_id=f"c{i // 3}",
        ))  # fmt: skip
    return out


def fresh_store(folder: Path, name: str):
    db = open_database(folder / f"{name}.sqlite3")
    client_id = clients.add_client(db, "Bench", "#123456", at=START)
    return db, clients.add_account(db, client_id, "x", "bench", at=START)


def through_store(folder: Path, batch: list[FetchedMention]) -> float:
    db, account_id = fresh_store(folder, "store")
    t0 = time.perf_counter()
    for i in range(0, len(batch), BATCH):
        mentions.upsert_mentions(db, account_id, batch[i : i + BATCH], START)
    elapsed = time.perf_counter() - t0
    db.close_all()
    return elapsed


def raw_executemany(folder: Path, batch: list[FetchedMention]) -> float:
    """The floor: the same rows, authors already known, one executemany, no due times or
    urgency computed, into the same schema (search triggers included)."""
    db, account_id = fresh_store(folder, "raw")
    db.close_all()
    conn = sqlite3.connect(db.path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO author (id, network, remote_id, handle, display_name, flags, notes)"
        " VALUES (?, 'x', ?, ?, ?, '', '')",
        [(i + 1, f"u{i}", f"user{i}", f"User {i}") for i in range(AUTHORS)],
    )
    conn.executemany(
        "INSERT INTO mention (account_id, remote_id, author_id, text, created_at, received_at,"
        " conversation_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'new')",
        [
            (account_id, m.remote_id, int(m.author.remote_id[1:]) + 1, m.text,
             int(m.created_at.timestamp() * 1000), 0, m.conversation_id)
            for m in batch
        ],
    )  # fmt: skip
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed


def peak_mb(fn, *args) -> float:
    tracemalloc.start()
    fn(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1_048_576


def run(report) -> None:
    batch = fake_mentions(N)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store_s = through_store(folder, batch)
        raw_s = raw_executemany(folder, batch)
        report.add("insert 100k mentions: raw sqlite3 executemany", N / raw_s, "/s")
        report.add(
            "insert 100k mentions: through the store (sync batches)", N / store_s, "/s",
            N / raw_s * 0.5, "target 0.5x raw", higher_is_better=True,
        )  # fmt: skip
        with tempfile.TemporaryDirectory() as again:
            raw_mb = peak_mb(raw_executemany, Path(again), batch)
        with tempfile.TemporaryDirectory() as again:
            store_mb = peak_mb(through_store, Path(again), batch)
        report.add("peak Python memory: raw insert (tracemalloc)", raw_mb, "MB")
        report.add("peak Python memory: store insert", store_mb, "MB", raw_mb, "raw insert")
        reads(report, folder / "store.sqlite3")


def reads(report, path: Path) -> None:
    db = open_database(path)
    client_id = clients.list_clients(db, START)[0].id
    now = START + timedelta(days=365)
    cases = {
        "feed page 1 (most urgent)": lambda: mentions.mention_rows(db, MentionFilter(), 0, 200),
        "feed page at row 50,000": lambda: mentions.mention_rows(db, MentionFilter(), 50_000, 200),
        "feed page 1, newest, one client": lambda: mentions.mention_rows(
            db, MentionFilter(client_id=client_id, sort="newest"), 0, 200
        ),
        "feed page 1, overdue only": lambda: mentions.mention_rows(
            db, MentionFilter(overdue_only=True), 0, 200, now
        ),
        "count for the feed title": lambda: mentions.count_mentions(db),
        "sidebar counts (list_clients)": lambda: clients.list_clients(db, now),
    }
    at_50k = mentions.mention_rows(db, MentionFilter(), 49_800, 200)[-1]
    cases["feed page at row 50,000, keyset (what scrolling uses)"] = lambda: (
        mentions.mention_rows_after(db, MentionFilter(), at_50k, 200)
    )
    for name, call in cases.items():
        times = time_calls(call, 30)
        report.add(f"{name}: median", median(times) * 1000, "ms", FRAME_MS, "one frame")
        report.add(f"{name}: p95", percentile(times, 95) * 1000, "ms", FRAME_MS, "one frame")
    db.close_all()
