"""Onboarding and client management in the main window: the setup screens (``ui/setup.py``) in
place of the inbox when there is nothing to show yet, the Workspace menu's Set up…, Clients… and
Add client…, the sidebar's client menu, the banner that undoes a deletion, and the views that say
what to do when there is no client.

First launch (no client of one's own, no choice made yet) shows the two doors; leaving the demo
lands in the setup, never in an empty window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from socialdesk.app.view_models import ClientSummary
from socialdesk.ui.feed.empty import NO_CLIENT_VIEWS, EmptyState
from socialdesk.ui.lazy_stack import LazyStack
from socialdesk.ui.sidebar import VIEWS, Target
from socialdesk.ui.undo_banner import UndoBanner

if TYPE_CHECKING:
    from socialdesk.ui.accounts import AddAccountDialog
    from socialdesk.ui.main_window import MainWindow
    from socialdesk.ui.setup import SetupPage

WELCOME_DONE = "welcome_done"  # the first launch's choice was made (settings)
SETUP = 1  # the setup's place in the window's body, after the main view


class Onboarding(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = c = window.controller
        self.admin = c.client_admin

        # The setup screens take the place of the whole window's body when shown.
        # The setup is made when first shown: most starts never show it.
        self.body = LazyStack()
        self.body.setObjectName("windowBody")
        self.body.addWidget(window.takeCentralWidget())
        self.body.add_lazy(self._make_setup)

        # Undo a deletion: across the top of the window, above the setup as above every view,
        # so it is seen wherever the deletion was made (Clients… opens over the setup too).
        self.undo_banner = UndoBanner(self.admin)
        central = QWidget(objectName="windowColumn")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.undo_banner)
        column.addWidget(self.body, 1)
        window.setCentralWidget(central)

        # Review, Outbox, History and Reports with no client: what to do, and a button for it.
        self.no_client = EmptyState()
        self.no_client.setupRequested.connect(lambda: self.show_setup())
        self.no_client.demoRequested.connect(window.open_demo)
        window.views.addWidget(self.no_client)
        self._asked_view: int | None = None
        window.views.currentChanged.connect(self._view_shown)

        self._build_menu()
        self._wire()

    # -- construction ----------------------------------------------------------------------------
    def _build_menu(self) -> None:
        menu = self.window.menus.workspace
        first = menu.actions()[0] if menu.actions() else None

        def action(text: str, slot, shortcut: str | None = None, tip: str = "") -> QAction:
            act = QAction(text, self.window)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.setStatusTip(tip)
            act.setToolTip(tip)
            act.triggered.connect(slot)
            menu.insertAction(first, act)
            return act

        self.setup_action = action(
            "Set &up…", lambda: self.show_setup(),
            tip="Add a client, connect its accounts and sync: the first step not done yet",
        )  # fmt: skip
        self.clients_action = action(
            "&Clients…", self.manage_clients, "Ctrl+Alt+C",
            "Add, edit, archive, restore or delete your clients",
        )  # fmt: skip
        self.add_client_action = action(
            "Add clie&nt…", self.add_client, "Ctrl+Alt+N", "A new client: name, target, hours"
        )
        menu.insertSeparator(first)

    def _make_setup(self) -> SetupPage:
        from socialdesk.ui.setup import SetupPage

        setup = SetupPage(self.controller)
        setup.demoChosen.connect(self._demo_chosen)
        setup.setupChosen.connect(self._setup_chosen)
        setup.finished.connect(self._finished)
        setup.connectRequested.connect(self.connect_account)
        return setup

    @property
    def setup(self) -> SetupPage:
        return self.body.page(SETUP)  # type: ignore[return-value]

    def _wire(self) -> None:
        w, c = self.window, self.controller
        w.feed_panel.empty.setupRequested.connect(lambda: self.show_setup())
        w.sidebar.editClientRequested.connect(self.edit_client)
        w.sidebar.archiveClientRequested.connect(self.admin.archive)
        w.sidebar.deleteClientRequested.connect(self.delete_client)
        w.sidebar.addClientRequested.connect(self.add_client)
        # A view asked for from the View menu (Ctrl+1…5) leaves the setup.
        view_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&View")
        for view_action in view_menu.actions():
            view_action.triggered.connect(self.hide_setup)
        self.admin.shownChanged.connect(w.feed_model.reload)
        c.workspaceChanged.connect(self._workspace_changed)
        c.clientsChanged.connect(self._clients_changed)
        self._demo_or_not()  # what start-up shows is start_if_first_launch's to decide

    # -- the setup -------------------------------------------------------------------------------
    @property
    def showing_setup(self) -> bool:
        return self.body.currentIndex() == SETUP

    def start_if_first_launch(self) -> None:
        """At start-up: the two doors on a first launch; the setup on an empty workspace."""
        c = self.controller
        if c.is_demo and not c.settings.get(WELCOME_DONE):
            self.setup.show_welcome()
            self.body.setCurrentWidget(self.setup)
        elif not c.is_demo and not c.clients and not self.admin.archived:
            self.show_setup()

    def show_setup(self, step: str | None = None) -> None:
        """The setup at ``step`` ("client", "accounts", "sync"), or at the first not done. In the
        demo, leaving it comes first (it lands here)."""
        c = self.controller
        if c.is_demo:
            self.window.leave_demo()  # asks first; the new workspace shows the setup
            return
        step, client = self.resume_step() if step is None else (step, self._first_client())
        if step == "accounts" and client is not None:
            self.setup.show_accounts(client.id)
        elif step == "sync":
            self.setup.client_id = client.id if client else None
            self.setup.show_sync()
        else:
            self.setup.show_client()
        self.body.setCurrentWidget(self.setup)

    def resume_step(self) -> tuple[str, ClientSummary | None]:
        """The first step not done: a client, then its accounts, then a first sync; all done,
        another client."""
        clients = self.controller.clients
        if not clients:
            return "client", None
        bare = next((c for c in clients if not c.accounts), None)
        if bare is not None:
            return "accounts", bare
        if all(a.last_synced_at is None for c in clients for a in c.accounts):
            return "sync", clients[0]
        return "client", None

    def _first_client(self) -> ClientSummary | None:
        clients = self.controller.clients
        return next((c for c in clients if not c.accounts), clients[0] if clients else None)

    def hide_setup(self) -> None:
        if self.showing_setup:
            self.body.setCurrentWidget(self.window.main_split)

    def _demo_chosen(self) -> None:
        self._welcome_done()
        if self.controller.is_demo:
            self._finished()
        else:
            self.hide_setup()
            self.window.open_demo()

    def _setup_chosen(self) -> None:
        self._welcome_done()
        if self.controller.is_demo:
            self.window._save_drafts()
            self.controller.leave_demo()  # chosen already: no question; lands in the setup
        else:
            self.show_setup("client")

    def _welcome_done(self) -> None:
        settings = self.controller.settings
        settings.set(WELCOME_DONE, True)
        settings.save()

    def _finished(self) -> None:
        self.hide_setup()
        self.window.sidebar.select(Target("Inbox"))
        self.window.show_target(Target("Inbox"))
        self.window.feed.setFocus(Qt.OtherFocusReason)

    def _demo_or_not(self) -> None:
        demo = self.controller.is_demo
        self.add_client_action.setVisible(not demo)
        self.setup_action.setText("Set up my clients…" if demo else "Set &up…")

    def _workspace_changed(self) -> None:
        self._demo_or_not()
        self.undo_banner.hide()
        # After leaving the demo the clients are read at once (WorkspaceController.start).
        QTimer.singleShot(0, self._after_switch)

    def _after_switch(self) -> None:
        c = self.controller
        if c.is_demo:
            if self.showing_setup and self.setup.pages.currentWidget() is not self.setup.welcome:
                self.hide_setup()
        elif not c.clients and not self.admin.archived:
            self.show_setup("client")
        self._view_shown(self.window.views.currentIndex())

    # -- clients ---------------------------------------------------------------------------------
    def manage_clients(self) -> None:
        from socialdesk.ui.clients import ClientsDialog

        dialog = ClientsDialog(self.admin, self.controller, self.window)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.exec()

    def add_client(self) -> None:
        if self.controller.is_demo:
            self.window.statusBar().showMessage(
                "The demo's clients are fictional: Workspace → Set up my clients… leaves it.", 8_000
            )
            return
        from socialdesk.ui.client_editor import ClientEditorDialog

        ClientEditorDialog.ask(self.admin, None, self.window)

    def edit_client(self, client_id: int) -> None:
        client = self.controller.context.client(client_id)
        if client is not None:
            from socialdesk.ui.client_editor import ClientEditorDialog

            ClientEditorDialog.ask(self.admin, client, self.window)

    def delete_client(self, client_id: int) -> None:
        client = self.controller.context.client(client_id)
        if client is not None:
            from socialdesk.ui.clients import confirm_delete

            confirm_delete(self.window, self.admin, client, lambda: None)

    def connect_account(self, network: str, client_name: str) -> None:
        """The sign-in dialog for one network, for the client being set up."""
        accounts = self.controller.accounts

        def checked(problem: str | None) -> None:
            if problem:
                QMessageBox.warning(self.window, "The system keyring cannot be used", problem)
                return
            dialog = self.account_dialog(network, client_name)
            dialog.exec()

        accounts.check_keyring(checked)

    def account_dialog(self, network: str, client_name: str) -> AddAccountDialog:
        from socialdesk.ui.accounts import AddAccountDialog

        dialog = AddAccountDialog(self.controller.accounts, self.controller, self.window)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.client.setCurrentText(client_name)
        dialog.client.setEnabled(False)
        dialog.network.setCurrentIndex(dialog.network.findData(network))
        return dialog

    # -- views without a client ------------------------------------------------------------------
    def _clients_changed(self, _clients: list[ClientSummary]) -> None:
        views = self.window.views
        if self.controller.clients and views.currentWidget() is self.no_client:
            views.setCurrentIndex(self._asked_view or 0)
        else:
            self._view_shown(views.currentIndex())

    def _view_shown(self, index: int) -> None:
        views = self.window.views
        if views.widget(index) is self.no_client:
            return
        # By place, not by widget: asking for a view's widget would make it before it is shown.
        name = VIEWS[index] if 0 < index < len(VIEWS) else None
        c = self.controller
        if name is not None and not c.is_demo and not c.clients:
            self._asked_view = index
            self.no_client.show_state(NO_CLIENT_VIEWS[name])
            views.setCurrentWidget(self.no_client)
