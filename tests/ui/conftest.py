from datetime import UTC, datetime

import pytest

from socialdesk.app.workspace import WorkspaceController
from socialdesk.config import Settings
from socialdesk.services.workspace import open_workspace
from tests.factories import FakeClock


@pytest.fixture
def clock():
    return FakeClock(datetime(2026, 11, 20, 15, 30, tzinfo=UTC))


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "data"
    path.mkdir()
    return path


def leave_demo(data_dir, *, welcomed=True):
    """Settings as after "Leave demo": the user's own workspace opens (and, ``welcomed``, the
    welcome's two doors are behind them)."""
    settings = Settings.load(data_dir)
    settings.set("demo_dismissed", True)
    if welcomed:
        settings.set("welcome_done", True)
    settings.save()


@pytest.fixture
def make_window(qtbot, data_dir, clock):
    """A main window on a fresh data folder, returned once its first sync has finished."""
    from socialdesk.ui.main_window import MainWindow

    windows = []

    def make(wait_ready=True, size=(1280, 800)):
        settings = Settings.load(data_dir)
        workspace = open_workspace(
            data_dir, demo_dismissed=settings.get("demo_dismissed"), clock=clock
        )
        controller = WorkspaceController(data_dir, settings, workspace, clock=clock)
        window = MainWindow(controller)
        qtbot.addWidget(window)
        if size:  # None: keep the size the window restored from its last run
            window.resize(*size)
        window.show()
        if wait_ready:
            with qtbot.waitSignal(controller.ready, timeout=60_000):
                controller.start()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.controller.shutdown()
