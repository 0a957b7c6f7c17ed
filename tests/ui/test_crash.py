"""A draft survives the app being killed: typed, saved within a second, there after a restart."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from socialdesk.app.workspace import WorkspaceController, utc_now
from socialdesk.config import Settings
from socialdesk.services.workspace import DEMO_FILE, open_workspace
from tests.ui.draft_writer import CURSOR, TEXT

ROOT = Path(__file__).resolve().parents[2]


def _saved_draft(data_dir: Path, mention_id: int) -> tuple[str, int] | None:
    """The live draft as any other process reading the file sees it (read-only, no app code)."""
    conn = sqlite3.connect(f"file:{data_dir / DEMO_FILE}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT text, cursor_position FROM draft WHERE mention_id = ?"
            " AND state IN ('editing', 'ready')",
            (mention_id,),
        ).fetchone()
    except sqlite3.OperationalError:  # the file is still being created
        return None
    finally:
        conn.close()


def test_kill_9_loses_at_most_the_last_second_and_the_draft_comes_back(tmp_path, qtbot):
    data_dir = tmp_path / "data"
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.draft_writer", str(data_dir)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        line = writer.stdout.readline()  # blocks until the writer has typed (or died)
        assert line.startswith("TYPED "), f"the writer stopped: {line!r}"
        typed_at, mention_id = time.monotonic(), int(line.split()[1])
        # Poll the file as another process would see it, for no more than the promised second.
        found = None
        while found != (TEXT, CURSOR):
            assert time.monotonic() - typed_at < 1.0, f"not saved within a second: {found}"
            found = _saved_draft(data_dir, mention_id)
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait(timeout=10)
        writer.stdout.close()  # the pipe it said "TYPED" on: left open, it leaks a file
    assert writer.returncode == -signal.SIGKILL

    # Restarted: opening the mention shows the draft, cursor and all.
    workspace = open_workspace(data_dir, demo_dismissed=False, clock=utc_now)
    controller = WorkspaceController(data_dir, Settings.load(data_dir), workspace)
    from socialdesk.ui.main_window import MainWindow

    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.waitSignal(controller.ready, timeout=60_000):
            controller.start()
        with qtbot.waitSignal(window.detailShown, timeout=10_000):
            window.show_mention(mention_id)
        assert window.composer.isVisible()
        assert window.composer.text == TEXT
        assert window.composer.editor.textCursor().position() == CURSOR
    finally:
        controller.shutdown()
