"""Composition root: parse arguments, find the data folder, open the workspace, show the window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from socialdesk import __version__
from socialdesk.config import DATA_DIR_ENV, Settings, resolve_data_dir

if TYPE_CHECKING:  # names only: Qt and the window load once the arguments are read
    from PySide6.QtWidgets import QApplication

    from socialdesk.ui.main_window import MainWindow

# What sys.excepthook is called with.
_ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]

log = logging.getLogger("socialdesk")
SMOKE_TIMEOUT_MS = 120_000


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="socialdesk", description="Answer customers on X, Mastodon and Bluesky."
    )
    parser.add_argument("--version", action="version", version=f"SocialDesk {__version__}")
    parser.add_argument(
        "--data-dir", metavar="DIR", help=f"where SocialDesk keeps its data (or ${DATA_DIR_ENV})"
    )
    parser.add_argument(
        "--smoke",
        metavar="PATH.png",
        type=Path,
        help="render the main window with data, save a screenshot and exit",
    )
    parser.add_argument("--size", default="1280x800", type=_size, help="window size, e.g. 1280x800")
    parser.add_argument(
        "--check-keyring",
        action="store_true",
        help="store, read back and remove a test secret in the system keyring, say how it went "
        "and exit",
    )
    return parser.parse_args(argv)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected WIDTHxHEIGHT, e.g. 1280x800, not {text!r}"
        ) from None
    if not (200 <= width <= 10_000 and 200 <= height <= 10_000):
        raise argparse.ArgumentTypeError("width and height must be between 200 and 10000")
    return width, height


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.check_keyring:
        return _check_keyring()
    data_dir = resolve_data_dir(args.data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _fatal(
            f"SocialDesk cannot create its data folder {data_dir}: {exc.strerror}. "
            f"Choose another with --data-dir or ${DATA_DIR_ENV}.",
            gui=not args.smoke,
        )
    from socialdesk.diagnostics import setup_logging

    try:
        setup_logging(data_dir)
    except OSError as exc:
        return _fatal(
            f"SocialDesk cannot write to its data folder {data_dir}: {exc.strerror}. "
            f"Choose another with --data-dir or ${DATA_DIR_ENV}.",
            gui=not args.smoke,
        )
    log.info("SocialDesk %s starting; data folder %s", __version__, data_dir)
    if not _has_screen():
        if not args.smoke:
            return _fatal(
                "SocialDesk found no display to open its window on. Start it from a "
                "desktop session, or set QT_QPA_PLATFORM=offscreen.",
                gui=False,
            )
        # A screenshot needs no screen: render off-screen rather than let Qt abort.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        return _run(args, data_dir)
    except Exception as exc:  # last line of defence: say so plainly, details in the log
        log.exception("SocialDesk could not start")
        return _fatal(
            f"SocialDesk could not start: {exc}. Details are in {data_dir / 'socialdesk.log'}.",
            gui=not args.smoke,
        )


def _has_screen() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _run(args: argparse.Namespace, data_dir: Path) -> int:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from socialdesk.app.instance import FolderInUse, FolderLock
    from socialdesk.app.workspace import WorkspaceController, utc_now
    from socialdesk.resources import resource_path
    from socialdesk.services.workspace import open_workspace
    from socialdesk.store.db import StoreError
    from socialdesk.ui import theme
    from socialdesk.ui.main_window import MainWindow

    lock = FolderLock(data_dir)
    try:
        lock.acquire()  # before anything in the folder is opened, let alone sent
    except FolderInUse as exc:
        return _fatal(str(exc), gui=not args.smoke)
    settings = Settings.load(data_dir)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # one made here, or pytest-qt's: never a bare core app
    app.setApplicationName("SocialDesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("socialdesk")
    app.setWindowIcon(QIcon(str(resource_path("icons", "socialdesk.svg"))))
    theme.apply(app, settings.get("theme"))
    theme.follow_system(app, lambda: settings.get("theme"))
    try:
        workspace = open_workspace(  # a new demo is built once the window shows
            data_dir, demo_dismissed=settings.get("demo_dismissed"), clock=utc_now, seed_later=True
        )
    except StoreError as exc:
        return _fatal(str(exc), gui=not args.smoke)
    controller = WorkspaceController(data_dir, settings, workspace)
    window = MainWindow(controller)
    if args.smoke:
        window.resize(*args.size)
    window.show()
    controller.start()
    if args.smoke:
        return _smoke(app, window, args.smoke)
    window.onboarding.start_if_first_launch()  # the two doors, or the setup of an empty workspace
    sys.excepthook = _report_unexpected(window)
    try:
        return app.exec()
    finally:
        lock.release()


def _report_unexpected(window: MainWindow) -> _ExceptHook:
    """A bug in a slot must not vanish into stderr: log it whole, tell the user in plain words."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("Unexpected error", exc_info=(kind, exc, tb))
        window.show_error(
            f"Something went wrong: {exc}. Your data is safe; the details are in the log "
            "(Help → Open data folder)."
        )

    return hook


@dataclass
class _SmokeOutcome:
    code: int = 1
    message: str = "timed out waiting for the workspace to load"


def _smoke(app: QApplication, window: MainWindow, path: Path) -> int:
    """Wait for the first sync, show the first mention in full, then save the window as a PNG."""
    from PySide6.QtCore import QTimer

    outcome = _SmokeOutcome()

    def failed(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        # Any error while rendering fails the smoke run at once, with the traceback.
        log.error("Smoke run failed", exc_info=(kind, exc, tb))
        traceback.print_exception(kind, exc, tb)
        outcome.code, outcome.message = 1, f"smoke run failed: {exc}"
        window.close()

    sys.excepthook = failed
    window.controller.failed.connect(
        lambda message: failed(RuntimeError, RuntimeError(message), None)
    )

    def grab(_mention_id: int | None = None) -> None:
        # Called from a signal: let the pane finish its layout in the event loop, then grab.
        QTimer.singleShot(0, save)

    def save() -> None:
        if window.grab().save(str(path)):
            outcome.code, outcome.message = 0, f"saved {path}"
        else:
            outcome.message = f"could not write {path}"
        window.close()

    def loaded() -> None:
        if window.feed_model.rowCount():
            window.detailShown.connect(grab)
            window.select_first_mention()
        else:
            grab()

    if window.controller.is_ready:
        loaded()
    else:
        window.controller.ready.connect(loaded)
    QTimer.singleShot(SMOKE_TIMEOUT_MS, window.close)
    app.exec()
    print(outcome.message, file=sys.stdout if outcome.code == 0 else sys.stderr)
    return outcome.code


def _check_keyring() -> int:
    """A secret's whole way through the system keyring, said in one line: exit 0 when it works,
    2 with what to do when it does not (and the packaged app's check in .ci/run)."""
    from socialdesk.credentials import CredentialStore

    problem = CredentialStore().round_trip()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    print("The system keyring works: a test secret was stored, read back and removed.")
    return 0


def _fatal(message: str, *, gui: bool) -> int:
    """Say what happened in plain words — in a dialog when there is a screen — and exit non-zero."""
    log.error(message)
    print(message, file=sys.stderr)
    if gui:
        from PySide6.QtWidgets import QApplication, QMessageBox

        app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (needed for a dialog)
        QMessageBox.critical(None, "SocialDesk cannot start", message)
    return 2
