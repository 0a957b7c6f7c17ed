"""The inbox with a year of work in the store: 100,000 triaged mentions across 3 clients. In a fresh
process, as a user gets it: opening the inbox to the first painted page (target 300 ms), applying a
filter (target 100 ms), scrolling from the top to the last row one page at a time (each step beside
a 16 ms frame), and the app's resident memory with every row loaded (target 200 MB). Triage
speed is bench_triage's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from bench_store import START, fake_mentions

from socialdesk.services.sync import _triage
from socialdesk.services.workspace import LIVE_FILE
from socialdesk.store import clients, mentions
from socialdesk.store.db import open_database
from tests.core.triage_cases import CASES

N = 100_000
CLIENTS = ("Emberline Coffee", "Northwind Bikes", "Brightbank")

# Runs in the child process; prints one JSON line of figures.
CHILD = """
import json, statistics, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from socialdesk.app.workspace import WorkspaceController
from socialdesk.config import Settings
from socialdesk.services.workspace import open_workspace
from socialdesk.store.mentions import MentionFilter
from socialdesk.ui.main_window import MainWindow

data_dir, now = Path(sys.argv[1]), __import__("datetime").datetime.fromisoformat(sys.argv[2])
app = QApplication([])
settings = Settings.load(data_dir)
workspace = open_workspace(data_dir, demo_dismissed=True, clock=lambda: now)
controller = WorkspaceController(data_dir, settings, workspace, clock=lambda: now)
window = MainWindow(controller)
window.resize(1280, 800)
feed, model = window.feed, window.feed_model

# One paint of the feed with whatever the step changed, as a frame shows it (processing events
# and then calling repaint() painted the cards twice).
def painted():
    feed.viewport().update()
    app.processEvents()

# Until the work started after the first paint (the sync, the reply watch, warming the text
# checks) has run: a user's first click on a filter comes after it, not in the same frame.
def settle():
    started = []
    controller.when_painted(lambda: started.append(True))
    while not started or controller.runner.pending:
        app.processEvents()

t0 = time.perf_counter()
window.show()
controller.start()
while model.rowCount() == 0:
    app.processEvents()
painted()
first_page = time.perf_counter() - t0
settle()

filters = [
    MentionFilter(categories=("complaint",)),
    MentionFilter(client_id=controller.clients[0].id, sort="newest"),
    MentionFilter(overdue_only=True),
    MentionFilter(priorities=("urgent", "high")),
    MentionFilter(),
]
filter_times = []
for flt in filters * 3:
    t0 = time.perf_counter()
    model.set_filter(flt)
    painted()
    filter_times.append(time.perf_counter() - t0)

bar, steps = feed.verticalScrollBar(), []
t_scroll = time.perf_counter()
while True:
    t0 = time.perf_counter()
    before = model.rowCount()
    bar.setValue(bar.maximum())
    painted()
    steps.append(time.perf_counter() - t0)
    if model.rowCount() == before and not model.canFetchMore():
        break
scroll = time.perf_counter() - t_scroll
rss = next(l for l in open("/proc/self/status").read().splitlines() if l.startswith("VmRSS"))
steps.sort()
print(json.dumps({
    "first_page": first_page, "filter_median": statistics.median(filter_times),
    "filter_max": max(filter_times), "scroll": scroll, "rows": model.rowCount(),
    "step_median": statistics.median(steps), "step_p95": steps[int(len(steps) * 0.95)],
    "rss_mb": int(rss.split()[1]) / 1024,
}))
"""


def build_store(data_dir: Path) -> None:
    """100,000 mentions written the way sync writes them, triaged at arrival."""
    db = open_database(data_dir / LIVE_FILE)
    accounts = []
    for i, name in enumerate(CLIENTS):
        client_id = clients.add_client(db, name, ("#D9480F", "#2B8A3E", "#1864AB")[i], at=START)
        for network in ("x", "mastodon"):
            accounts.append(
                (clients.add_account(db, client_id, network, f"c{i}", at=START), network)
            )
    batch = fake_mentions(N)
    texts = [text for text, _ in CASES]
    for n, m in enumerate(batch):  # realistic text, so triage spreads over every category
        object.__setattr__(m, "text", f"{texts[n % len(texts)]} #{n}")
    for i in range(0, N, 1_000):
        account_id, network = accounts[(i // 1_000) % len(accounts)]
        chunk = batch[i : i + 1_000]
        triage = [_triage(m.text) for m in chunk]
        mentions.upsert_mentions(db, account_id, chunk, START, triage)
    db.close_all()


def run(report) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        t0 = time.perf_counter()
        build_store(data_dir)
        print(f"(built a store of {N:,} triaged mentions in {time.perf_counter() - t0:.1f} s)")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["QT_QPA_PLATFORM"] = "offscreen"
        now = START + timedelta(seconds=N * 315)  # the newest mention has just arrived
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(data_dir), now.isoformat()],
            capture_output=True, text=True, env=env, check=True, timeout=600,
        )  # fmt: skip
        got = json.loads(out.stdout.strip().splitlines()[-1])
    ms = 1000
    report.add(
        "inbox 100k: open to first painted page", got["first_page"] * ms, "ms", 300, "target"
    )
    report.add("inbox 100k: apply a filter, median", got["filter_median"] * ms, "ms", 100, "target")
    report.add("inbox 100k: apply a filter, slowest", got["filter_max"] * ms, "ms", 100, "target")
    report.add(f"inbox 100k: scroll top to bottom ({got['rows']:,} rows)", got["scroll"], "s")
    report.add("inbox 100k: one scroll step (page in + paint), median", got["step_median"] * ms,
               "ms", 16, "one frame")  # fmt: skip
    report.add("inbox 100k: one scroll step, p95", got["step_p95"] * ms, "ms", 16, "one frame")
    report.add("inbox 100k: resident memory, every row loaded", got["rss_mb"], "MB", 200, "target")
