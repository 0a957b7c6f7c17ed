"""A client's report over a year with 100,000 mentions (target: under 1 s from the store to the
figures), with service hours; and the PDF export of that report beside the same target."""

from __future__ import annotations

import os
import random
import sqlite3
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from harness import median, time_calls

from socialdesk.app.reports import period_bounds
from socialdesk.core import report as reporting
from socialdesk.store import clients, reports
from socialdesk.store.db import open_database

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

N = 100_000
TARGET_S = 1.0
START, END = date(2025, 12, 1), date(2026, 11, 30)
OFFICE = {d: [["09:00", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}
CATEGORIES = ("complaint", "question", "praise", "criticism", "feedback", "abuse", "spam", "other")
WORDS = [
    "order",
    "late",
    "refund",
    "app",
    "broken",
    "login",
    "cold",
    "coffee",
    "delivery",
    "staff",
    "rude",
    "slow",
    "price",
]


def fill(path: Path) -> int:
    db = open_database(path)
    client_id = clients.add_client(db, "Northwind Bikes", "#123456", response_target_minutes=60,
                                   service_hours=OFFICE, timezone="Europe/Berlin")  # fmt: skip
    account = clients.add_account(db, client_id, "x", "northwind")
    db.close_all()
    rnd = random.Random(5)
    first, after = period_bounds("Europe/Berlin", START, END)
    t0, span = int(first.timestamp() * 1000), int((after - first).total_seconds() * 1000)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO author (id, network, remote_id, handle, display_name, flags, notes)"
        " VALUES (?, 'x', ?, ?, '', '', '')",
        ((i, f"u{i}", f"user{i}") for i in range(1, 8001)),
    )

    def rows():
        for i in range(N):
            at = t0 + span * i // N
            answered = at + rnd.randint(2, 600) * 60_000 if rnd.random() < 0.7 else None
            status = "replied" if answered else rnd.choice(("done", "ignored", "new", "open"))
            text = " ".join(rnd.choice(WORDS) for _ in range(12))
            yield (account, f"r{i}", rnd.randint(1, 8000), f"@northwind {text}", at, at,
                   rnd.choice(CATEGORIES), rnd.uniform(-1, 1), status, answered)  # fmt: skip

    conn.executemany(
        "INSERT INTO mention (account_id, remote_id, author_id, text, created_at, received_at,"
        " category, sentiment, status, first_response_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        rows(),
    )
    conn.execute("COMMIT")
    conn.close()
    return client_id


def run(report) -> None:
    from PySide6.QtWidgets import QApplication

    from socialdesk.ui.report_pdf import write_pdf

    app = QApplication.instance() or QApplication([])  # the PDF's charts are Qt items
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.sqlite3"
        client_id = fill(path)
        db = open_database(path)
        now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
        made = {}

        def build():
            terms = reports.client_terms(db, client_id)
            rows = reports.report_rows(db, client_id, *period_bounds(terms.timezone, START, END))
            made["report"] = reporting.build(rows, terms, START, END, now)

        times = time_calls(build, 5)
        total = made["report"].total
        report.add(
            f"report, a year of {total:,} mentions (store + figures), median",
            median(times), "s", TARGET_S, "target",
        )  # fmt: skip
        pdf = Path(tmp) / "report.pdf"
        began = time.perf_counter()
        write_pdf(pdf, made["report"], prepared_by="Bench", zone="Europe/Berlin",
                  target_minutes=60, now=now)  # fmt: skip
        report.add("PDF export of that report", time.perf_counter() - began, "s",
                   TARGET_S, "target")  # fmt: skip
        db.close_all()
    del app
