"""Run by test_crash.py in a process of its own: open SocialDesk on a data folder, reply to the
first mention by typing, say so on stdout, and keep running until killed."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from socialdesk.app.workspace import WorkspaceController, utc_now
from socialdesk.config import Settings
from socialdesk.services.workspace import open_workspace
from socialdesk.ui.main_window import MainWindow

TEXT = "Sorry about this! Checking your order now — back within the hour 🙏"
CURSOR = 5  # where the writer's cursor is left


def main(data_dir: Path) -> None:
    app = QApplication(sys.argv[:1])
    settings = Settings.load(data_dir)
    workspace = open_workspace(data_dir, demo_dismissed=False, clock=utc_now)
    controller = WorkspaceController(data_dir, settings, workspace)
    window = MainWindow(controller)
    window.show()

    def ready() -> None:
        window.select_first_mention()

    def shown(mention_id: int) -> None:
        window.detailShown.disconnect(shown)
        window.actions.reply.trigger()
        editor = window.composer.editor
        editor.selectAll()  # a Mastodon reply starts with the customer's name: typed over
        for char in TEXT:
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(editor, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, char))
        cursor = editor.textCursor()
        cursor.setPosition(CURSOR)
        editor.setTextCursor(cursor)
        print(f"TYPED {mention_id}", flush=True)

    window.detailShown.connect(shown)
    controller.ready.connect(ready)
    controller.start()
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
