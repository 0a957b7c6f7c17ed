"""History search with 1,000,000 mentions in the store. Each query's first page (what the view
waits for: 200 cards, newest first) is printed beside FTS5 alone answering the same words in the
same run — ``SELECT rowid … MATCH ? ORDER BY rowid DESC LIMIT 200``, the floor no search can beat
— with the ratio; the target (50 ms; 5 ms for a rare word) is in the label. The next page (keyset)
and the count a user asks for come after. Text comes from a Zipf-distributed vocabulary of 20,000
words (real mentions reuse few words often and many words rarely), so a word's frequency, not the
total, decides how much the index reads: a word in 79% of the mentions is measured too."""

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
RARE_TARGET_MS = 5.0
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
    conn.execute("DELETE FROM mention_arrival")  # as its trigger would have kept it
    conn.execute(  # as migration 0012 fills it
        "INSERT INTO mention_arrival (run, latest) SELECT run, max(latest) OVER (ORDER BY run)"
        " FROM (SELECT id >> 9 AS run, max(created_at) AS latest FROM mention GROUP BY 1)"
    )
    for _name, sql in triggers:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return words, time.perf_counter() - t0


def fts_alone(path: Path, match: str, limit: int = 200) -> list[float]:
    """FTS5 by itself: the newest ``limit`` rowids matching (no words: the newest mentions)."""
    conn = sqlite3.connect(path)
    if match:
        sql, params = (
            "SELECT rowid FROM mention_fts WHERE mention_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
            (match, limit),
        )
    else:
        sql, params = "SELECT id FROM mention ORDER BY id DESC LIMIT ?", (limit,)
    times = time_calls(lambda: conn.execute(sql, params).fetchall(), REPEAT)
    conn.close()
    return times


def fts_count(path: Path, match: str) -> list[float]:
    conn = sqlite3.connect(path)
    if match:
        sql, params = "SELECT count(*) FROM mention_fts WHERE mention_fts MATCH ?", (match,)
    else:
        sql, params = "SELECT count(*) FROM mention", ()
    times = time_calls(lambda: conn.execute(sql, params).fetchone(), 5)
    conn.close()
    return times


def run(report) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "search.sqlite3"
        words, seconds = fill(path)
        report.add("fill 1M mentions (sqlite3 executemany, FTS rebuilt after)", N / seconds, "/s")
        measure(report, path, words)


def measure(report, path: Path, words: list[str]) -> None:
    db = open_database(path)
    rare, common = words[400], words[60]  # in about 1 mention in 250, and 1 in 36
    queries = {  # label: (query, target in ms)
        f"a rare word ({rare})": (rare, RARE_TARGET_MS),
        "a phrase": (f'"{words[8]} {words[9]}"', TARGET_MS),
        "filtered (rare word client: category: after:)": (
            f"{rare} client:northwind category:complaint after:2026-06-01", TARGET_MS,
        ),
        f"filtered, a common word ({common})": (
            f"{common} client:northwind category:complaint after:2026-06-01", TARGET_MS,
        ),
        "a word in 79% of mentions (order)": ("order", TARGET_MS),
        "no words: the newest of everything": ("", TARGET_MS),
    }  # fmt: skip
    for label, (text, target) in queries.items():
        query = parse(text, UTC)
        pages = time_calls(lambda q=query: history.search(db, q, limit=200), REPEAT)
        first = history.search(db, query, limit=200)
        deep = first[-1] if first else None
        for _ in range(10):  # ten pages down, as scrolling gets there
            deep = (history.search(db, query, after=deep, limit=200) or [deep])[-1]
        nexts = time_calls(lambda q=query, d=deep: history.search(db, q, after=d, limit=200), 5)
        counts = time_calls(lambda q=query: history.count(db, q), 5)
        hits = history.count(db, query)
        alone = median(fts_alone(path, query.match()))
        alone_count = median(fts_count(path, query.match()))
        report.add(
            f"search {label}, {hits:,} hits: first page, median (target {target:g} ms)",
            median(pages) * 1000, "ms", alone * 1000, "FTS5 alone",
        )  # fmt: skip
        report.add(
            f"search {label}: first page, p95", percentile(pages, 95) * 1000, "ms",
            target, "target",
        )  # fmt: skip
        report.add(
            f"search {label}: page 12 (keyset), median", median(nexts) * 1000, "ms",
            alone * 1000, "FTS5 alone, page 1",
        )  # fmt: skip
        report.add(
            f"search {label}: count when asked, median", median(counts) * 1000, "ms",
            alone_count * 1000, "FTS5 count alone",
        )  # fmt: skip
    db.close_all()
