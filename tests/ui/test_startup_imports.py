"""The start-up budget, as an import-order check rather than a timing: when the main window first
paints, nothing that only sync, sign-in or triage needs is loaded yet — no network provider
(``socialdesk.networks``), no ``httpx``, no ``keyring``, no triage word lists (``core.triage``,
its classifier and sentiment lexicon, the CLD2 language detector). They load after the
first paint or on first use. Each launch is a fresh process started the way a user starts the app
(``socialdesk.main.main``): the first (the demo is built once the window shows), the next on the
demo built then, and one on an empty workspace."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from socialdesk.config import Settings

# Modules whose presence at the first paint means the window waited for them.
LATE = (
    "socialdesk.networks",
    "httpx",
    "keyring",
    "socialdesk.credentials",
    "socialdesk.core.triage",
    "socialdesk.core.triage_lists",
    "socialdesk.core.triage_rules",
    "socialdesk.core.classifier",
    "socialdesk.core.sentiment",
    "vaderSentiment",
    "pycld2",
    # The counter and the tone checks (their patterns compile on import), warmed up on a worker
    # after the paint; the views not shown yet, made when first opened (not the setup: a first
    # launch opens on it).
    "socialdesk.core.counter",
    "socialdesk.core.tone.wording",
    "socialdesk.core.tone.negative_tone",
    "socialdesk.core.tone.next_step",
    "socialdesk.core.tone.profanity",
    "socialdesk.core.tone.acknowledgement",
    "socialdesk.core.tone.situation",
    "regex",
    "socialdesk.ui.review",
    "socialdesk.ui.history",
    "socialdesk.ui.reports",
)

# Starts the app as main() does and reports, at the main window's first paint, which of LATE are
# loaded; then quits.
LAUNCH = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

LATE = {late!r}
app = QApplication(sys.argv[:1])


class FirstPaint(QObject):
    seen = None

    def eventFilter(self, obj, event):
        if FirstPaint.seen is None and event.type() == QEvent.Paint and isinstance(
            obj, QMainWindow
        ):
            FirstPaint.seen = sorted(
                m for m in sys.modules if any(m == p or m.startswith(p + ".") for p in LATE)
            )
            QTimer.singleShot(0, app.quit)
        return False


watch = FirstPaint()
app.installEventFilter(watch)
from socialdesk.main import main

main(["--data-dir", sys.argv[1]])
print(json.dumps(FirstPaint.seen))
"""


def _loaded_at_first_paint(data_dir) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", LAUNCH.format(late=LATE), str(data_dir)],
        capture_output=True, text=True, env=env, timeout=300, check=True,
    )  # fmt: skip
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen is not None, f"the window never painted: {out.stderr[-2000:]}"
    return seen


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    """A data folder whose demo workspace exists already (the usual launch)."""
    folder = tmp_path_factory.mktemp("demo")
    _loaded_at_first_paint(folder)  # the first launch creates the demo
    return folder


def test_the_window_paints_before_networks_keyring_and_word_lists_load(demo_folder):
    assert _loaded_at_first_paint(demo_folder) == []


def test_a_first_launch_paints_before_it_builds_the_demo(tmp_path):
    assert _loaded_at_first_paint(tmp_path) == []


def test_an_empty_workspace_paints_before_them_too(tmp_path):
    settings = Settings.load(tmp_path)
    settings.set("demo_dismissed", True)
    settings.save()
    assert _loaded_at_first_paint(tmp_path) == []
