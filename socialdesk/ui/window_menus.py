"""The main window's menu bar: File, Workspace, Mention, View and Help. Every item is an action of
the window with its key; the window's slots (and the feed's actions) do the work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from socialdesk.ui.help_menu import HelpMenu
from socialdesk.ui.sidebar import VIEWS, Target
from socialdesk.ui.widgets import menu_action

if TYPE_CHECKING:
    from socialdesk.ui.main_window import MainWindow


class WindowMenus:
    def __init__(self, window: MainWindow) -> None:
        self._window = window
        bar = window.menuBar()
        self._build_file(bar.addMenu("&File"))
        self.workspace = bar.addMenu("&Workspace")  # the setup adds its items here
        self._build_workspace(self.workspace)
        self._build_mention(bar.addMenu("&Mention"))
        self._build_view(bar.addMenu("&View"))
        self.help = HelpMenu(window, bar.addMenu("&Help"))

    def show_workspace(self, demo: bool) -> None:
        """The demo's items in the demo workspace; in any other, the way to open the demo."""
        self.leave_demo.setVisible(demo)
        self.reset_demo.setVisible(demo)
        self.open_demo.setVisible(not demo)
        self.simulate_crisis.setVisible(demo)

    def _action(self, menu: QMenu, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        return menu_action(self._window, menu, text, slot, shortcut, tip)

    def _build_file(self, file: QMenu) -> None:
        w = self._window
        self._action(
            file, "&Sync now", w.controller.sync_now, QKeySequence.Refresh,
            "Check every account for new mentions",
        )  # fmt: skip
        self._action(
            file,
            "&Preferences…",
            w.edit_preferences,
            QKeySequence.Preferences
            if not QKeySequence(QKeySequence.Preferences).isEmpty()
            else "Ctrl+,",
        )
        file.addSeparator()
        self._action(file, "&Quit", w.close, QKeySequence.Quit)

    def _build_workspace(self, workspace: QMenu) -> None:
        w = self._window
        self.leave_demo = self._action(workspace, "&Leave demo workspace…", w.leave_demo)
        self.reset_demo = self._action(workspace, "&Reset demo workspace…", w.reset_demo)
        self.open_demo = self._action(workspace, "&Open demo workspace", w.open_demo)
        self.simulate_crisis = self._action(
            workspace, "&Simulate a crisis…", w.simulate_crisis, None,
            "Forty angry mentions about a login outage for one demo client",
        )  # fmt: skip
        workspace.addSeparator()
        self._action(
            workspace, "&Accounts…", w.edit_accounts, "Ctrl+Alt+A",
            "Connect, test, sign out of or remove your clients' accounts",
        )  # fmt: skip
        self._action(workspace, "Client's brand &voice…", lambda: w.edit_brand_voice())

    def _build_mention(self, mention: QMenu) -> None:
        w, a = self._window, self._window.actions
        mention.addActions([a.next, a.previous])
        mention.addSeparator()
        mention.addAction(a.reply)
        self._action(mention, "&New post…", w.new_post, QKeySequence.New, "Write a new post")
        mention.addSeparator()
        mention.addActions([a.done, a.ignore, a.reopen])
        mention.addMenu(a.snooze_menu)
        categories = mention.addMenu("Set &category")
        categories.addActions([*a.categories, a.reset_category])
        mention.addActions([a.flag_troll, a.flag_vip, a.hide])
        mention.addSeparator()
        mention.addActions([a.open_link, a.copy_link, a.undo])
        mention.addSeparator()
        self._action(mention, "Sa&ve this view…", w.save_view, "Ctrl+Shift+S")
        search = self._action(mention, "&Search", w.focus_search, "/")
        search.setShortcuts([QKeySequence("/"), QKeySequence.Find])

    def _build_view(self, view: QMenu) -> None:
        w = self._window
        for i, name in enumerate(VIEWS):
            self._action(
                view,
                f"&{name}",
                lambda _=False, n=name: w.sidebar.select(Target(n)),
                f"Ctrl+{i + 1}",
            )
