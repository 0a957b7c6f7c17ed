"""The composer on every keystroke: time from a key event to the counter updated (synchronous) and
to counter + tone findings updated (after the event loop runs the checks), median and p95 against
a 16 ms frame, beside a bare QPlainTextEdit taking the same keys (the floor Qt itself costs). Then
the cost of one autosave on a store holding 10,000 drafts, beside a bare SQLite UPDATE of the same
row."""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from harness import median, percentile, time_calls

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DRAFT = (
    "Hi Maria, so sorry your parcel arrived damaged — that's not okay! We'll send a replacement "
    "today; could you DM us your order number so we can check the courier's notes? Thanks for "
    "your patience 🙏 — Sam"
)
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _type(editor, text, after_each=None) -> list[float]:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    times = []
    for char in text:
        t0 = time.perf_counter()
        QApplication.sendEvent(
            editor, QKeyEvent(QEvent.KeyPress, Qt.Key_unknown, Qt.NoModifier, char)
        )
        if after_each:
            after_each()
        times.append(time.perf_counter() - t0)
        QApplication.sendEvent(
            editor, QKeyEvent(QEvent.KeyRelease, Qt.Key_unknown, Qt.NoModifier, char)
        )
    return times


def _composer(folder: Path):
    from socialdesk.app.workspace import WorkspaceController
    from socialdesk.config import Settings
    from socialdesk.networks.demo import DemoProvider
    from socialdesk.services.workspace import Workspace
    from socialdesk.store import clients, mentions
    from socialdesk.store.db import open_database
    from socialdesk.ui.composer import Composer
    from socialdesk.ui.reply_target import ReplyTarget
    from tests.factories import mention

    db = open_database(folder / "bench.sqlite3")
    client_id = clients.add_client(db, "Parcels", "#336699", at=NOW)
    account_id = clients.add_account(db, client_id, "x", "parcels", "Parcels", at=NOW)
    [mid] = mentions.upsert_mentions(
        db, account_id, [mention(1, text="Parcel arrived smashed AGAIN 😡 @parcels")], NOW
    )
    provider = DemoProvider(NOW)
    workspace = Workspace("live", db, lambda _account: provider)
    controller = WorkspaceController(folder, Settings.load(folder), workspace, clock=lambda: NOW)
    controller._clients_loaded(clients.list_clients(db, NOW))
    composer = Composer(controller.replies)
    row = mentions.mention_row(db, mid)
    composer.open(ReplyTarget.for_mention(row))
    composer.resize(600, 500)
    composer.show()
    return composer, controller, db, account_id, mid


def run(report) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        composer, controller, db, account_id, mid = _composer(Path(tmp))

        bare = QPlainTextEdit()
        bare.show()
        floor = _type(bare, DRAFT * 2)

        def until_updated():
            loop = QEventLoop()
            composer.updated.connect(loop.quit)
            loop.exec()
            composer.updated.disconnect(loop.quit)

        counter_only, full = [], []
        for _ in range(2):
            composer.editor.clear()
            app.processEvents()
            counter_only += _type(composer.editor, DRAFT)
            app.processEvents()
            composer.editor.clear()
            app.processEvents()
            full += _type(composer.editor, DRAFT, until_updated)
        composer.save_now()
        controller.runner.wait_for_done()

        ms = 1e3
        report.add("composer: bare QPlainTextEdit keystroke (floor)", median(floor) * ms, "ms")
        report.add(
            "composer: keystroke → counter: median", median(counter_only) * ms, "ms", 16, "frame"
        )
        report.add(
            "composer: keystroke → counter + findings: median", median(full) * ms, "ms", 16, "frame"
        )
        report.add(
            "composer: keystroke → counter + findings: p95",
            percentile(full, 95) * ms, "ms", 16, "target (frame)",
        )  # fmt: skip
        _autosave(report, db, account_id, mid)
        controller.shutdown()


def _autosave(report, db, account_id: int, mention_id: int) -> None:
    """One save of a 200-character draft with 10,000 other drafts stored."""
    from socialdesk.store import drafts

    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO draft (account_id, mention_id, text, cursor_position, state, created_at,"
            " updated_at) VALUES (?, NULL, ?, 0, 'approved', 0, 0)",
            [(account_id, f"old draft {i} " * 10) for i in range(10_000)],
        )
    draft_id = drafts.live_draft(db, account_id, mention_id).id
    ours = time_calls(
        lambda: drafts.save_draft(
            db, account_id=account_id, mention_id=mention_id, text=DRAFT, cursor=10, now=NOW,
            draft_id=draft_id,
        ),
        500,
    )  # fmt: skip
    raw = sqlite3.connect(db.path, isolation_level=None)
    raw.execute("PRAGMA synchronous = NORMAL")

    def bare_update():
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(
            "UPDATE draft SET text = ?, cursor_position = 10 WHERE id = ?", (DRAFT, draft_id)
        )
        raw.execute("COMMIT")

    peer = time_calls(bare_update, 500)
    raw.close()
    report.add(
        "autosave: one draft save, 10k drafts stored: median",
        median(ours) * 1e3, "ms", median(peer) * 1e3, "bare SQLite UPDATE",
    )  # fmt: skip
