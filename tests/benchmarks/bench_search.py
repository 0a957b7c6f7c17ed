"""History search with 1,000,000 mentions in the store (target: median under 50 ms): one word, a
phrase and a filtered query — first page of results, newest first, and their count — each beside a
``LIKE '%word%'`` scan of the same table in the same run. Text comes from a Zipf-distributed
vocabulary of 20,000 words (real mentions reuse few words often and many words rarely), so a
word's frequency, not the total, decides how much the index reads; a very common word is measured
too."""

from __future__ import annotations

import itertools
import random
import sqlite3
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from harness import median, percentile, time_calls

from socialdesk.core.search import parse
from socialdesk.store import clients, history
from socialdesk.store.db import open_database

N = 1_000_000
AUTHORS = 50_000
VOCABULARY = 20_000
START = datetime(2025, 12, 1, tzinfo=UTC)
TARGET_MS = 50.0
REPEAT = 15
COMMON = ["order", "delivery", "refund", "login", "broken", "thanks", "invoice", "late"]


def vocabulary() -> list[str]:
    rnd = random.Random(3)
    letters = "abcdefghijklmnopqrstuvwxyz"
    made = {
        "".join(rnd.choice(letters) for _ in range(rnd.randint(3, 9))) for _ in range(VOCABULARY)
    }
    return COMMON + sorted(made - set(COMMON))


def fill(path: Path) -> tuple[list[str], float]:
    """1M mentions over a year across 3 clients, written straight through sqlite3; returns the
    vocabulary and the seconds it took."""
    db = open_database(path)
    accounts = []
    for name in ("Acme Coffee", "Northwind Bikes", "Brightbank"):
        client_id = clients.add_client(db, name, "#123456", at=START)
        handle = name.split()[0].lower()
        accounts.append(clients.add_account(db, client_id, "x", handle, at=START))
    db.close_all()
    words = vocabulary()
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(words))))
    rnd = random.Random(11)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    t0 = time.perf_counter()
    # The index is built once after the rows, as an import would, not row by row by its triggers.
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'mention'"
    ).fetchall()
    conn.execute("BEGIN")
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    conn.executemany(
        "INSERT INTO author (id, network, remote_id, handle, display_name, flags, notes)"
        " VALUES (?, 'x', ?, ?, ?, '', '')",
        ((i + 1, f"u{i}", f"user{i}", f"User {i}") for i in range(AUTHORS)),
    )
    step = 365 * 24 * 3600 * 1000 // N
    start_ms = int(START.timestamp() * 1000)

    def rows():
        for i in range(N):
            text = " ".join(rnd.choices(words, cum_weights=cumulative, k=rnd.randint(6, 30)))
            yield (accounts[i % 3], f"r{i}", rnd.randrange(AUTHORS) + 1, f"@brand {text}",
                   start_ms + i * step, start_ms + i * step,
                   rnd.choice(("complaint", "question", "praise", "other")))  # fmt: skip

    conn.executemany(
        "INSERT INTO mention (account_id, remote_id, author_id, text, created_at, received_at,"
        " category, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'done')",
        rows(),
    )
    conn.execute("INSERT INTO mention_fts(mention_fts) VALUES ('rebuild')")
    for _name, sql in triggers:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return words, time.perf_counter() - t0


def like_scan(path: Path, word: str) -> float:
    conn = sqlite3.connect(path)
    t0 = time.perf_counter()
    conn.execute(
        "SELECT id FROM mention WHERE text LIKE ? ORDER BY created_at DESC LIMIT 200",
        (f"%{word}%",),
    ).fetchall()
    conn.execute("SELECT count(*) FROM mention WHERE text LIKE ?", (f"%{word}%",)).fetchone()
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed


def run(report) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "search.sqlite3"
        words, seconds = fill(path)
        report.add("fill 1M mentions (sqlite3 executemany, FTS rebuilt after)", N / seconds, "/s")
        db = open_database(path)
        rare, common = words[400], words[60]  # in about 1 mention in 250, and 1 in 36
        queries = {
            f"one word ({rare})": (rare, rare),
            "a phrase": (f'"{words[8]} {words[9]}"', words[8]),
            "filtered (word client: category: after:)": (
                f"{rare} client:northwind category:complaint after:2026-06-01",
                rare,
            ),
            "filtered, a common word": (
                f"{common} client:northwind category:complaint after:2026-06-01",
                common,
            ),
            "a word in most mentions (order)": ("order", "order"),
            "no words: the newest of everything": ("", ""),
        }
        for label, (text, like_word) in queries.items():
            query = parse(text, UTC)
            pages = time_calls(lambda q=query: history.search(db, q, limit=200), REPEAT)
            counts = time_calls(lambda q=query: history.count(db, q), REPEAT)
            hits = history.count(db, query)
            like = median([like_scan(path, like_word) for _ in range(3)])
            shown = f"{hits:,}" if hits <= history.COUNT_CAP else f"{history.COUNT_CAP:,}+"
            report.add(
                f"search {label}: first page, median ({shown} hits)", median(pages) * 1000,
                "ms", TARGET_MS, "target",
            )  # fmt: skip
            report.add(
                f"search {label}: first page, p95", percentile(pages, 95) * 1000, "ms",
                like * 1000, "LIKE '%word%' scan",
            )  # fmt: skip
            report.add(
                f"search {label}: count, median", median(counts) * 1000, "ms", TARGET_MS, "target"
            )
        db.close_all()
