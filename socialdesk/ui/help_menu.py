"""The Help menu and what its items do: the user guide, the keyboard shortcuts, the data folder,
diagnostics to paste into a bug report, and About."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from socialdesk import __version__
from socialdesk.ui.widgets import menu_action

if TYPE_CHECKING:
    from socialdesk.ui.guide import GuideDialog
    from socialdesk.ui.main_window import MainWindow
    from socialdesk.ui.shortcuts import Group


class HelpMenu:
    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        self._window = window
        self.guide_action = menu_action(
            window, menu, "&User guide", self.show_guide, QKeySequence.HelpContents,
            "How to use SocialDesk, view by view (docs/user-guide.md)",
        )  # fmt: skip
        menu_action(window, menu, "&Keyboard shortcuts", self.show_shortcuts, "?")
        menu_action(window, menu, "Open &data folder", self.open_data_folder)
        menu_action(window, menu, "&Copy diagnostics", self.copy_diagnostics)
        menu_action(window, menu, "&About SocialDesk", self.about)

    def show_guide(self) -> GuideDialog:
        """The user guide in a window beside the app (one, brought up again if open)."""
        from socialdesk.ui.guide import GuideDialog

        guide = self._window.findChild(GuideDialog) or GuideDialog(self._window)
        guide.show()
        guide.raise_()
        guide.activateWindow()
        return guide

    def show_shortcuts(self) -> None:
        from socialdesk.ui.shortcuts import ShortcutsDialog

        ShortcutsDialog(self.shortcut_groups(), self._window).exec()

    def shortcut_groups(self) -> list[Group]:
        """Every key, grouped by where it works (ui/shortcuts.py)."""
        from socialdesk.ui.shortcuts import window_groups

        return window_groups(self._window)

    def open_data_folder(self) -> None:
        folder = str(self._window.controller.data_dir)
        if QDesktopServices.openUrl(QUrl.fromLocalFile(folder)):
            return
        # No file manager to open it with: say so, and put the path where it can be pasted.
        QGuiApplication.clipboard().setText(folder)
        QMessageBox.information(
            self._window, "Data folder",
            f"There is no file manager here to open the data folder with. Its path is "
            f"copied, ready to paste:\n\n{folder}",
        )  # fmt: skip

    def copy_diagnostics(self) -> None:
        from PySide6 import __version__ as pyside_version

        text = self._window.controller.diagnostics(
            {"Qt": pyside_version, "Platform plugin": QGuiApplication.platformName()}
        )
        QGuiApplication.clipboard().setText(text)
        self._window.statusBar().showMessage("Diagnostics copied to the clipboard", 5000)

    def about(self) -> None:
        QMessageBox.about(
            self._window,
            "About SocialDesk",
            f"SocialDesk {__version__}\nAnswer customers on X, Mastodon and Bluesky.",
        )
