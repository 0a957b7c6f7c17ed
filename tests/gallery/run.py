"""Screenshots of every view of SocialDesk, for looking at the whole app at once.

    uv run python tests/gallery/run.py OUT_DIR             # every view, 3 sizes x 2 themes
    uv run python tests/gallery/run.py OUT_DIR --sizes 800x600 --themes dark --views inbox,review
    uv run python tests/gallery/run.py --guide             # the user guide's pictures: docs/images/

The app runs offscreen (``QT_QPA_PLATFORM=offscreen``, a virtual screen of each size) on a
throwaway copy of the Demo workspace in a temporary data folder — never the user's — with the
clock stopped at a fixed moment and the time zone set to UTC, so a picture changes only when the
app does. Each size and theme runs in a process of its own (the screen's size is fixed when Qt
starts), built like ``tests/ui/conftest.py``'s window. What the screenshots show is staged by
driving the app as a user would: a reply drafted with tone findings, drafts handed to review,
replies approved into the outbox, a simulated crisis, the dialogs open over the window, and the
empty inbox after leaving the demo.

Files are ``OUT_DIR/NN-view--WxH-theme.png``, with ``index.html`` to look at them side by side
and ``clipped.txt``: every button or one-line label narrower than its text, per picture (a list
to check by eye, not a verdict). Exit status 1 when a view could not be rendered.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SIZES = ((800, 600), (1280, 800), (2560, 1440))
THEMES = ("light", "dark")
# The moment the app believes it is (a Friday afternoon, as in tests/ui/conftest.py).
NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
WORKER_TIMEOUT_S = 300  # one size and theme, every view: about 20 s on 2 busy CPUs
# Shown instead of the temporary folder's random name, so the status bar reads the same each run.
SHOWN_DATA_DIR = "~/.local/share/SocialDesk"

# The views in the order they are staged; each name is the picture's.
VIEWS = (
    "welcome",  # a first launch's two doors: the demo, or setting up my clients
    "inbox",  # a mention open, the composer with a draft and its tone findings
    "review",
    "outbox",
    "history",
    "reports",
    "accounts",
    "add-account",
    "brand-voice",
    "preferences",
    "shortcuts",
    "crisis",  # the banner, after Workspace > Simulate a crisis
    "crisis-statement",
    "setup",  # where leaving the demo lands: adding a first client
    "empty-inbox",  # after leaving the demo, the setup skipped
)
# The user guide's pictures (1280x800, light), kept few and small: docs/images/NAME.png.
GUIDE_VIEWS = ("welcome", "inbox", "review", "outbox", "reports", "crisis", "add-account")
GUIDE_DIR = ROOT / "docs" / "images"
GUIDE_SIZE, GUIDE_THEME = (1280, 800), "light"

# What the gallery types: a reply that trips the tone checks, and plain good ones.
BAD_DRAFT = (
    "Calm down. You must have entered the wrong address, that is not our fault. We'll pass it on."
)
GOOD_DRAFTS = (
    "So sorry about this! I've asked the team to check your order now and will message you "
    "here within the hour.",
    "Thank you, that means a lot to the whole team!",
    "Good question: yes, it works with the older model too. The guide is on our help page.",
)


# -- the parent: one process per size and theme -------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    if args.worker:
        return _worker(args)
    if args.guide:
        out = Path(tempfile.mkdtemp(prefix="socialdesk-guide-"))
        sizes, themes, views = [GUIDE_SIZE], [GUIDE_THEME], list(GUIDE_VIEWS)
    else:
        if args.out is None:
            print("OUT_DIR is needed (or --guide)", file=sys.stderr)
            return 2
        out, sizes, themes, views = args.out, args.sizes, args.themes, args.views
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*--*.png"):
        old.unlink()  # a view no longer rendered must not linger beside the new ones
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="socialdesk-gallery-") as scratch:
        template = Path(scratch) / "template"
        _build_demo(template)
        runs = [(size, theme) for size in sizes for theme in themes]
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(
                pool.map(lambda run: _run_worker(run, out, views, template, scratch), runs)
            )
    shots = [shot for result in results for shot in result["shots"]]
    failures = [f for result in results for f in result["failures"]]
    _write_index(out, shots, sizes, themes)
    if args.guide:
        GUIDE_DIR.mkdir(parents=True, exist_ok=True)
        for shot in shots:
            _optimise(out / shot["file"], GUIDE_DIR / f"{shot['view']}.png")
        total = sum(p.stat().st_size for p in GUIDE_DIR.glob("*.png"))
        print(f"guide pictures in {GUIDE_DIR} ({total / 1e6:.2f} MB)")
        shutil.rmtree(out, ignore_errors=True)
    else:
        print(f"{len(shots)} pictures in {out} ({time.monotonic() - started:.0f} s); "
              f"open {out / 'index.html'}")  # fmt: skip
    for failure in failures:
        print(f"FAILED {failure}", file=sys.stderr)
    return 1 if failures or not shots else 0


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, help="folder for the PNGs")
    parser.add_argument(
        "--sizes", type=_sizes, default=list(SIZES), help="e.g. 800x600,1280x800 (default: all 3)"
    )
    parser.add_argument(
        "--themes", type=lambda t: t.split(","), default=list(THEMES), help="light,dark"
    )
    parser.add_argument(
        "--views", type=_views, default=list(VIEWS), help=f"some of: {','.join(VIEWS)}"
    )
    parser.add_argument(
        "--guide", action="store_true", help="write the user guide's pictures into docs/images/"
    )
    parser.add_argument("--jobs", type=int, default=2, help="processes at once (default 2)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--template", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def _sizes(text: str) -> list[tuple[int, int]]:
    sizes = []
    for part in text.split(","):
        width, _, height = part.lower().partition("x")
        sizes.append((int(width), int(height)))
    return sizes


def _views(text: str) -> list[str]:
    chosen = text.split(",")
    unknown = set(chosen) - set(VIEWS)
    if unknown:
        raise argparse.ArgumentTypeError(f"no view {', '.join(sorted(unknown))}")
    return [v for v in VIEWS if v in chosen]  # always staged in order


def _build_demo(folder: Path) -> None:
    """The Demo workspace as a first launch at NOW builds it, once for every run to copy."""
    from socialdesk.services.workspace import open_workspace

    folder.mkdir(parents=True)
    workspace = open_workspace(folder, demo_dismissed=False, clock=lambda: NOW)
    workspace.db.close_all()


def _run_worker(run, out: Path, views: list[str], template: Path, scratch: str) -> dict:
    (width, height), theme = run
    name = f"{width}x{height}-{theme}"
    data_dir = Path(scratch) / name
    shutil.copytree(template, data_dir)
    screen = Path(scratch) / f"{name}.json"
    screen.write_text(json.dumps({"screens": [{
        "name": "gallery", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1,
    }]}))  # fmt: skip
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}", TZ="UTC")
    env.update(LANG="en_US.UTF-8", LANGUAGE="en_US", QT_SCALE_FACTOR="1")
    env.pop("LC_ALL", None)
    env.pop("SOCIALDESK_DATA_DIR", None)
    command = [
        sys.executable, str(Path(__file__).resolve()), str(out), "--worker",
        "--sizes", f"{width}x{height}", "--themes", theme, "--views", ",".join(views),
        "--template", str(template), "--data-dir", str(data_dir),
    ]  # fmt: skip
    try:
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=WORKER_TIMEOUT_S + 30
        )
    except subprocess.TimeoutExpired:
        return {"shots": [], "failures": [f"{name}: still running after {WORKER_TIMEOUT_S} s"]}
    result: dict = {"shots": [], "failures": []}
    for line in done.stdout.splitlines():
        if not line.startswith("{"):
            continue
        item = json.loads(line)
        if "file" in item:
            result["shots"].append(item)
        elif "error" in item:
            result["failures"].append(f"{name} {item['view']}: {item['error']}")
        else:
            print(f"  {name}: no {item['view']}: {item['skipped']}")
    if done.returncode != 0 and not result["failures"]:  # stuck (faulthandler) or crashed
        result["failures"].append(f"{name}: exit {done.returncode}\n{done.stderr[-3000:]}")
    print(f"  {name}: {len(result['shots'])} pictures", flush=True)
    return result


def _write_index(out: Path, shots: list[dict], sizes, themes) -> None:
    """index.html: one row per view, one column per size and theme; clipped.txt beside it."""
    columns = [f"{w}x{h}-{t}" for (w, h) in sizes for t in themes]
    by_view: dict[str, dict[str, dict]] = {}
    for shot in shots:
        by_view.setdefault(shot["view"], {})[shot["run"]] = shot
    rows = []
    for view in VIEWS:
        if view not in by_view:
            continue
        cells = []
        for column in columns:
            shot = by_view[view].get(column)
            cells.append(
                f'<td><a href="{shot["file"]}"><img src="{shot["file"]}" loading="lazy"></a></td>'
                if shot
                else "<td></td>"
            )
        rows.append(f"<tr><th>{html.escape(view)}</th>{''.join(cells)}</tr>")
    head = "".join(f"<th>{c}</th>" for c in columns)
    (out / "index.html").write_text(
        "<!doctype html><meta charset=utf-8><title>SocialDesk gallery</title>"
        "<style>img{max-width:420px;border:1px solid #999}th{vertical-align:top}</style>"
        f"<table><tr><th></th>{head}</tr>{''.join(rows)}</table>\n",
        encoding="utf-8",
    )
    lines = []
    for shot in sorted(shots, key=lambda s: s["file"]):
        lines += [f"{shot['file']}: {note}" for note in shot["clipped"]]
    (out / "clipped.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _optimise(source: Path, target: Path) -> None:
    """A small PNG for the guide: at most 256 colours (a third of the size; a screenshot has few
    colours but thousands of anti-aliased shades), chosen the same way each run."""
    from collections import Counter

    from PySide6.QtGui import QImage

    image = QImage(str(source)).convertToFormat(QImage.Format_RGB32)
    width, height = image.width(), image.height()
    pixels = memoryview(bytes(image.constBits())[: width * height * 4]).cast("I")
    counts = Counter(pixels)
    # The 256 busiest shades (colours 8 apart counted as one), each the mean of its colours.
    buckets: dict[int, list[int]] = {}
    for colour, n in counts.items():
        r, g, b = (colour >> 16) & 255, (colour >> 8) & 255, colour & 255
        acc = buckets.setdefault(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3), [0, 0, 0, 0])
        acc[0] += n
        acc[1] += r * n
        acc[2] += g * n
        acc[3] += b * n
    top = sorted(buckets.items(), key=lambda kv: (-kv[1][0], kv[0]))[:256]
    palette = [(round(r / n), round(g / n), round(b / n)) for _, (n, r, g, b) in top]
    nearest = {}
    for colour in counts:
        r, g, b = (colour >> 16) & 255, (colour >> 8) & 255, colour & 255
        nearest[colour] = min(
            range(len(palette)),
            key=lambda i: 3 * (r - palette[i][0]) ** 2 + 4 * (g - palette[i][1]) ** 2
            + 2 * (b - palette[i][2]) ** 2,
        )  # fmt: skip
    indexed = QImage(
        bytes(nearest[p] for p in pixels), width, height, width, QImage.Format_Indexed8
    )
    indexed.setColorTable([0xFF000000 | (r << 16) | (g << 8) | b for r, g, b in palette])
    if not indexed.save(str(target), "PNG", 0):  # quality 0: the most compressed
        raise OSError(f"could not write {target}")


# -- the worker: one size and theme, in this process ----------------------------------------------
def _worker(args: argparse.Namespace) -> int:
    import faulthandler

    # A view stuck for good says where, and the others still come out of the other processes.
    faulthandler.dump_traceback_later(WORKER_TIMEOUT_S, exit=True)
    from PySide6.QtWidgets import QApplication

    from socialdesk.app.workspace import WorkspaceController
    from socialdesk.config import Settings
    from socialdesk.services.workspace import open_workspace
    from socialdesk.ui import theme as themes
    from socialdesk.ui.main_window import MainWindow

    (width, height), theme = args.sizes[0], args.themes[0]
    run = f"{width}x{height}-{theme}"
    app = QApplication(["socialdesk-gallery"])
    app.setApplicationName("SocialDesk")
    data_dir = args.data_dir
    settings = Settings.load(data_dir)
    settings.set("theme", theme)
    settings.save()
    themes.apply(app, theme)
    clock = _Clock(NOW)
    workspace = open_workspace(data_dir, demo_dismissed=False, clock=clock)
    controller = WorkspaceController(data_dir, settings, workspace, clock=clock)
    window = MainWindow(controller)
    window.resize(width, height)
    window.move(0, 0)
    window.show()
    controller.start()
    stage = _Stage(app, window, clock, args.out, run, (width, height))
    stage.wait(lambda: controller.is_ready, "the first sync")
    stage.quiet_demo_network()
    failed = 0
    for view in args.views:
        try:
            getattr(stage, "view_" + view.replace("-", "_"))()
        except _Skipped as why:
            print(json.dumps({"view": view, "skipped": str(why)}), flush=True)
        except Exception as exc:  # one view's failure must not hide the others
            failed += 1
            print(json.dumps({"view": view, "error": f"{type(exc).__name__}: {exc}"}), flush=True)
            stage.close_dialogs()
    window.close()
    return 1 if failed else 0


class _Skipped(Exception):
    """A view this version of the app does not have."""


class _Clock:
    """Stopped time (tests.factories.FakeClock, without importing the tests' package)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class _Stage:
    """Drives the window into each view and saves it."""

    def __init__(self, app, window, clock, out: Path, run: str, size: tuple[int, int]) -> None:
        self.app, self.window, self.clock, self.out, self.run = app, window, clock, out, run
        self.size = size  # the screen's: what every picture of the window should be
        self.controller = window.controller
        self._mentions: list = []  # the rows the gallery has replied to, not to pick again

    # -- helpers ------------------------------------------------------------------------------
    def wait(self, done, what: str, timeout: float = 60) -> None:
        from PySide6.QtTest import QTest

        deadline = time.monotonic() + timeout
        while not done():
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {timeout:.0f} s for {what}")
            QTest.qWait(20)

    def settle(self) -> None:
        """Every job done, every layout and paint that follows it too."""
        from PySide6.QtTest import QTest

        self.wait(lambda: self.controller.runner.pending == 0, "the background jobs")
        for _ in range(3):
            QTest.qWait(30)
            self.app.processEvents()

    def quiet_demo_network(self) -> None:
        """The demo network fails one post in ten and takes 0.4 s: not in a picture."""
        provider = self.controller.workspace.provider_for(None)
        provider.failure_rate, provider.post_delay = 0.0, 0.0

    def save(self, view: str, dialog=None) -> None:
        from PySide6.QtCore import QPoint
        from PySide6.QtGui import QColor, QPainter, QPen

        self.settle()
        self._same_each_run()
        self.app.processEvents()
        picture = self.window.grab()
        if dialog is not None:  # drawn where the window manager would put it: centred
            top = dialog.grab()
            at = QPoint(
                max(0, (picture.width() - top.width()) // 2),
                max(0, (picture.height() - top.height()) // 2),
            )
            painter = QPainter(picture)
            painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))
            painter.drawPixmap(at, top)
            painter.setPen(QPen(QColor("#888888"), 1))
            painter.drawRect(at.x(), at.y(), top.width() - 1, top.height() - 1)
            painter.end()
        index = VIEWS.index(view) + 1
        name = f"{index:02d}-{view}--{self.run}.png"
        if not picture.save(str(self.out / name)):
            raise OSError(f"could not write {self.out / name}")
        clipped = _clipped(dialog or self.window)
        if (picture.width(), picture.height()) != self.size:
            clipped.insert(0, f"the window is {picture.width()}x{picture.height()}: its content "
                              "does not fit the screen")  # fmt: skip
        if dialog is not None and (
            dialog.width() > picture.width() or dialog.height() > picture.height()
        ):
            clipped.insert(0, f"the dialog ({dialog.width()}x{dialog.height()}) is larger "
                              "than the screen")  # fmt: skip
        print(json.dumps({"file": name, "view": view, "run": self.run, "clipped": clipped}),
              flush=True)  # fmt: skip

    def _same_each_run(self) -> None:
        """What is the machine's, not the app's: the temporary folder's name."""
        self.window.folder_label.setText(f"Data: {SHOWN_DATA_DIR}")
        self.app.processEvents()

    def show_view(self, name: str) -> None:
        from socialdesk.ui.sidebar import Target

        self.window.sidebar.select(Target(name))
        self.settle()

    def open_mention(self, wanted) -> object:
        """The first mention in the inbox that ``wanted(row)`` and the gallery has not used."""
        from socialdesk.ui.feed.model import RowRole

        window = self.window
        model = window.feed_model
        for i in range(model.rowCount()):
            row = model.index(i).data(RowRole)
            if row.id not in self._mentions and wanted(row):
                break
        else:
            raise LookupError("no mention fits")
        self._mentions.append(row.id)
        shown = []
        window.detailShown.connect(shown.append)
        if window.feed.currentIndex().row() == i:
            window._current_mention_changed(row.id)  # already current: shown again
        else:
            window.feed.setCurrentIndex(model.index(i))
        self.wait(lambda: row.id in shown, "the mention's detail")
        window.detailShown.disconnect(shown.append)
        return row

    def reply(self, text: str, wanted) -> object:
        """``r`` on a mention, ``text`` typed; the composer's checks run on it."""
        row = self.open_mention(wanted)
        composer = self.window.composer
        self.window.actions.reply.trigger()
        updated = []
        composer.updated.connect(lambda *_: updated.append(1))
        composer.editor.selectAll()  # a Mastodon reply starts with the customer's handle
        composer.editor.insertPlainText(text)
        self.wait(lambda: updated and composer.text.endswith(text), "the composer's checks")
        composer.save_now()  # as the autosave would a second later, so the card says "draft"
        self.settle()
        self.wait(lambda: self._card(row.id).draft, "the card's draft mark", timeout=10)
        self.settle()
        return row

    def _card(self, mention_id: int):
        from socialdesk.ui.feed.model import RowRole

        model = self.window.feed_model
        return model.index(model.row_for(mention_id)).data(RowRole)

    def show_dialog(self, dialog, view: str) -> None:
        from PySide6.QtCore import Qt

        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.show()
        self.settle()
        self.save(view, dialog)
        dialog.close()
        self.settle()

    def close_dialogs(self) -> None:
        from PySide6.QtWidgets import QApplication, QDialog

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.close()

    # -- the views ----------------------------------------------------------------------------
    def view_inbox(self) -> None:
        self.show_view("Inbox")
        self.reply(BAD_DRAFT, lambda row: row.category == "complaint")
        # The mention from its top, scrolled no further than its findings need (r scrolled the
        # pane to the whole composer, cutting off whose mention it is).
        self.settle()
        detail = self.window.detail
        detail.verticalScrollBar().setValue(0)
        detail.ensureWidgetVisible(self.window.composer.findings_list, 50, 10)
        self.save("inbox")

    def view_review(self) -> None:
        if self.window.composer.isVisible() and self.window.composer.text:
            self.window.composer.mark_ready()  # the inbox's draft, findings and all
            self.settle()
        self.reply(GOOD_DRAFTS[0], lambda row: row.category in ("complaint", "question"))
        self.window.composer.mark_ready()
        self.settle()
        self.show_view("Review")
        self.window.review.list.setCurrentRow(0)
        self.save("review")

    def view_outbox(self) -> None:
        composer = self.window.composer
        self.show_view("Inbox")
        self.reply(GOOD_DRAFTS[1], lambda row: row.category == "praise")
        composer.approve()
        self.settle()
        self.wait(
            lambda: any(i.state == "sent" for i in self.controller.replies.outbox_items),
            "the approved reply to be sent",
        )
        self.reply(GOOD_DRAFTS[2], lambda row: row.category == "question")
        composer.approve(self.clock() + timedelta(hours=3))  # scheduled: still waiting
        self.settle()
        self.show_view("Outbox")
        self.save("outbox")

    def view_history(self) -> None:
        self.show_view("History")
        self.window.history.run_search()
        self.settle()
        self.save("history")

    def view_reports(self) -> None:
        reports = self.window.reports
        self.show_view("Reports")
        self.wait(lambda: reports._data is not None, "the report")
        self.settle()
        self.save("reports")

    def view_accounts(self) -> None:
        from socialdesk.ui.accounts import AccountsDialog

        self.show_view("Inbox")
        c = self.controller
        self.show_dialog(AccountsDialog(c.accounts, c, self.window), "accounts")

    def view_add_account(self) -> None:
        from socialdesk.ui.accounts import AddAccountDialog

        c = self.controller
        self.show_dialog(AddAccountDialog(c.accounts, c, self.window), "add-account")

    def view_brand_voice(self) -> None:
        from socialdesk.ui.brand_voice import BrandVoiceDialog

        client = self.controller.clients[0]
        dialog = BrandVoiceDialog(
            client.name, client.banned_phrases, client.brand_contacts, self.window
        )
        self.show_dialog(dialog, "brand-voice")

    def view_preferences(self) -> None:
        from socialdesk.ui.preferences import PreferencesDialog

        self.show_dialog(PreferencesDialog(self.controller.settings, self.window), "preferences")

    def view_shortcuts(self) -> None:
        from socialdesk.ui.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.window.menus.help.shortcut_groups(), self.window)
        self.show_dialog(dialog, "shortcuts")

    def view_crisis(self) -> None:
        self.simulate_crisis()
        self.save("crisis")

    def simulate_crisis(self) -> None:
        """Workspace > Simulate a crisis… > Ridgeway Cycles, then that client's inbox."""
        from socialdesk.ui.sidebar import Target

        if self.window.crisis_banner.shown is not None:
            return
        crises = self.controller.crises
        client = next(c for c in self.controller.clients if c.name == "Ridgeway Cycles")
        found = []
        crises.crisesChanged.connect(lambda f: found.append(bool(f)))
        crises.simulate(client.id)
        self.wait(lambda: any(found), "the simulated crisis")
        self.window.sidebar.select(Target("Inbox", client.id))
        self.settle()
        self.window.select_first_mention()

    def view_crisis_statement(self) -> None:
        from socialdesk.ui.statement import StatementDialog

        self.simulate_crisis()
        banner = self.window.crisis_banner
        opened = []
        exec_ = StatementDialog.exec
        StatementDialog.exec = lambda dialog: opened.append(dialog) or 0
        try:
            banner.statement.click()
            self.wait(lambda: bool(opened), "the crisis statement")
        finally:
            StatementDialog.exec = exec_
        self.show_dialog(opened[0], "crisis-statement")

    def view_welcome(self) -> None:
        onboarding = self.onboarding()
        onboarding.start_if_first_launch()
        self.save("welcome")
        onboarding.hide_setup()

    def view_setup(self) -> None:
        onboarding = self.onboarding()
        self.leave_demo()
        self.wait(lambda: onboarding.showing_setup, "the setup")
        self.save("setup")

    def view_empty_inbox(self) -> None:
        self.leave_demo()
        if onboarding := getattr(self.window, "onboarding", None):
            onboarding.hide_setup()
        self.show_view("Inbox")
        self.save("empty-inbox")

    def onboarding(self):
        onboarding = getattr(self.window, "onboarding", None)
        if onboarding is None:
            raise _Skipped("this SocialDesk has no onboarding (ui/onboarding.py)")
        return onboarding

    def leave_demo(self) -> None:
        if not self.controller.is_demo:
            return
        ready = []
        self.controller.ready.connect(lambda: ready.append(1))
        self.window._save_drafts()
        self.controller.leave_demo()  # Workspace > Leave demo, its question answered
        self.wait(lambda: bool(ready), "the empty workspace")
        self.settle()


def _clipped(top) -> list[str]:
    """Buttons, and labels on one line, narrower than their text: likely cut off."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    found = []
    for widget in top.findChildren(QAbstractButton) + top.findChildren(QLabel):
        if not widget.isVisibleTo(top) or not widget.text():
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or widget.pixmap() is not None):
            continue
        want = widget.sizeHint().width()
        if widget.width() + 2 < want:
            kind = type(widget).__name__
            text = widget.text().replace("\n", " ")[:60]
            found.append(f"{kind} {text!r} is {widget.width()} px wide, needs {want}")
    return found


if __name__ == "__main__":
    raise SystemExit(main())
