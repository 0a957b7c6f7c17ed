"""The Accounts dialog: every connected account with its state, and add, test, sign out and
remove. Signing in happens in the user's browser (Mastodon) or with an app password (Bluesky);
secrets go only to the system keyring, and a keyring that cannot be used is said plainly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from socialdesk.app.accounts import AccountsController
from socialdesk.core.models import Network, network_label
from socialdesk.ui.dialogs import RememberedDialog
from socialdesk.ui.widgets import plain_label

AccountRole = Qt.UserRole + 1
X_PORT = 8765  # the callback port suggested for the user's X app
X_EXPLAINED = (
    "X needs your own X developer app: paste its client ID, and register "
    "http://127.0.0.1:PORT/callback in it as the callback (the port below). Reading mentions "
    "needs a paid X API access level; without one, connect the account to post only."
)
BLUESKY_EXPLAINED = (
    "Use an app password, not your account password: create one in Bluesky under Settings → "
    "Privacy and security → App passwords. You can revoke it there at any time."
)
MASTODON_EXPLAINED = (
    "SocialDesk opens your server's sign-in page in your browser; after you approve, it comes "
    "back here by itself. If the browser cannot reach this computer, use “Paste a code”."
)


class AccountsDialog(RememberedDialog):
    def __init__(self, controller: AccountsController, workspace, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Accounts")
        self.setAccessibleName("Accounts")
        self.controller, self.ws = controller, workspace
        self.list = QListWidget()
        self.list.setAccessibleName("Connected accounts")
        self.list.currentItemChanged.connect(self._update_buttons)
        self.status = plain_label(role="muted")
        self.status.setAccessibleName("What happened")
        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Add account…")
        self.again_button = QPushButton("Sign in a&gain…")
        self.test_button = QPushButton("&Test connection")
        self.sign_out_button = QPushButton("&Sign out")
        self.remove_button = QPushButton("&Remove…")
        for button, slot in (
            (self.add_button, self.add),
            (self.again_button, self.sign_in_again),
            (self.test_button, self.test),
            (self.sign_out_button, self.sign_out),
            (self.remove_button, self.remove),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 22)
        workspace.clientsChanged.connect(self._fill)
        self._fill(workspace.clients)
        if why := controller.available:
            self.status.setText(why)
            self.add_button.setEnabled(False)

    def _fill(self, clients) -> None:
        current = self._current()
        self.list.clear()
        for client in clients:
            for account in client.accounts:
                state = {"ok": "connected", "error": "needs attention", "syncing": "syncing"}.get(
                    account.sync_state, "not synced yet"
                )
                text = (
                    f"{client.name} · {network_label(account.network)} @{account.handle} — {state}"
                )
                if account.last_error:
                    text += f"\n{account.last_error}"
                item = QListWidgetItem(text)
                item.setData(AccountRole, account)
                self.list.addItem(item)
                if current and account.id == current.id:
                    self.list.setCurrentItem(item)
        self._update_buttons()

    def _current(self):
        item = self.list.currentItem()
        return item.data(AccountRole) if item else None

    def _update_buttons(self, *_args) -> None:
        chosen = self._current() is not None and self.controller.available is None
        for button in (
            self.again_button,
            self.test_button,
            self.sign_out_button,
            self.remove_button,
        ):
            button.setEnabled(chosen)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self._say(str(exc))
        self.add_button.setEnabled(self.controller.available is None)

    # -- actions ---------------------------------------------------------------------------------
    def add(self) -> None:
        self._say("Checking the system keyring…")
        self.controller.check_keyring(self._keyring_checked)

    def sign_in_again(self) -> None:
        account = self._current()
        if account is not None:
            self._say("Checking the system keyring…")
            self.controller.check_keyring(lambda problem: self._keyring_checked(problem, account))

    def _keyring_checked(self, problem: str | None, account=None) -> None:
        self._say("")
        if problem:
            QMessageBox.warning(self, "The system keyring cannot be used", problem)
            return
        dialog = AddAccountDialog(self.controller, self.ws, self, again=account)
        dialog.exec()
        if dialog.added is not None:
            self._say(f"Connected @{dialog.added}. Its mentions arrive with the next sync.")

    def test(self) -> None:
        account = self._current()
        if account is None:
            return
        self._say(f"Testing @{account.handle}…")
        self.controller.test(
            account.id,
            lambda who: self._say(
                f"@{account.handle} works: the network knows it as @{who.handle}."
            ),
            self._failed,
        )

    def sign_out(self) -> None:
        account = self._current()
        if account is None:
            return
        self.controller.sign_out(
            account.id,
            lambda _: self._say(
                f"Signed out of @{account.handle}: its passwords and tokens were removed from the "
                "keyring. Its history stays."
            ),
            self._failed,
        )

    def remove(self) -> None:
        account = self._current()
        if account is None:
            return
        asked = QMessageBox.question(
            self,
            "Remove account",
            f"Remove @{account.handle} from SocialDesk? Its secrets leave the keyring, and its "
            "mentions, drafts and outbox are deleted from this computer. Nothing is deleted on "
            f"{network_label(account.network)}.",
        )
        if asked == QMessageBox.Yes:
            self.controller.remove(
                account.id, lambda _: self._say(f"Removed @{account.handle}."), self._failed
            )


class CurrentPageStack(QWidget):
    """Pages shown one at a time, as tall as the page shown: QStackedWidget takes its tallest
    page's height (with wrapped text, its height for the width), which left a blank band under
    the shorter pages. The others are hidden, and a box layout does not count hidden widgets."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current = -1

    def addWidget(self, page: QWidget) -> int:
        self._pages.append(page)
        self._box.addWidget(page)
        if self._current < 0:
            self._current = 0
        else:
            page.hide()
        return len(self._pages) - 1

    def count(self) -> int:
        return len(self._pages)

    def widget(self, index: int) -> QWidget:
        return self._pages[index]

    def currentIndex(self) -> int:
        return self._current

    def currentWidget(self) -> QWidget | None:
        return self._pages[self._current] if self._current >= 0 else None

    def setCurrentIndex(self, index: int) -> None:
        if not 0 <= index < len(self._pages):
            return
        self._current = index
        for i, page in enumerate(self._pages):
            page.setVisible(i == index)


class AddAccountDialog(QDialog):
    """Which client, which network, and the sign-in that network needs."""

    def __init__(self, controller: AccountsController, workspace, parent=None, again=None) -> None:
        super().__init__(parent)
        title = f"Sign in again: @{again.handle}" if again else "Add account"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.controller = controller
        self.again = again  # the account whose sign-in is renewed, or None for a new one
        self.added: str | None = None
        self.client = QComboBox()
        self.client.setEditable(True)
        self.client.setAccessibleName("Client")
        self.client.addItems([c.name for c in workspace.clients])
        self.client.setCurrentText(self.client.itemText(0) if self.client.count() else "")
        self.client.lineEdit().setPlaceholderText("Client name (a new one is created)")
        self.network = QComboBox()
        self.network.setAccessibleName("Network")
        for network in (Network.MASTODON, Network.BLUESKY, Network.X):
            self.network.addItem(network.label, network.value)
        self.pages = CurrentPageStack()
        self.pages.addWidget(self._mastodon_page())
        self.pages.addWidget(self._bluesky_page())
        self.pages.addWidget(self._x_page())
        self.network.currentIndexChanged.connect(self._show_page)
        self.status = plain_label(role="muted")
        self.status.setAccessibleName("What happened")
        if again is not None:  # the same account: only its sign-in can change
            client = next((c.name for c in workspace.clients if c.id == again.client_id), "")
            self.client.setCurrentText(client)
            self.network.setCurrentIndex(self.network.findData(again.network))
            self._show_page(self.network.currentIndex())
            self.server.setText(again.server_url or "")
            self.handle.setText(again.handle)
            self.pds.setText((again.server_url or "") if again.network == "bluesky" else "")
            for widget in (self.client, self.network, self.server, self.handle, self.pds):
                widget.setEnabled(False)
        form = QFormLayout()
        form.addRow("&Client", self.client)
        form.addRow("&Network", self.network)
        cancel = QDialogButtonBox(QDialogButtonBox.Cancel)
        cancel.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pages)
        # What happened, beside Cancel: on a line of its own it was a blank band until then.
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(cancel)
        layout.addLayout(bottom)
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.sizeHint().height())
        self._show_page(self.pages.currentIndex())  # as tall as the page needs at that width

    def _show_page(self, index: int) -> None:
        """Show one network's page, the dialog as tall as that page."""
        self.pages.setCurrentIndex(index)
        if (layout := self.layout()) is not None:
            layout.activate()
            self.resize(self.width(), layout.totalHeightForWidth(self.width()))

    def _page(self, explained: str, rows: list, buttons: list[QPushButton]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(plain_label(explained, role="muted"))
        for label, widget in rows:
            form.addRow(label, widget)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        form.addRow(row)
        return page

    def _mastodon_page(self) -> QWidget:
        self.server = QLineEdit(placeholderText="mastodon.social")
        self.server.setAccessibleName("Mastodon server")
        self.browser_button = QPushButton("Sign in with the &browser")
        self.browser_button.setDefault(True)
        self.browser_button.clicked.connect(self.sign_in_mastodon)
        paste = QPushButton("&Paste a code…")
        paste.clicked.connect(self.paste_mastodon)
        return self._page(
            MASTODON_EXPLAINED, [("&Server", self.server)], [paste, self.browser_button]
        )

    def _bluesky_page(self) -> QWidget:
        self.handle = QLineEdit(placeholderText="yourbrand.bsky.social")
        self.handle.setAccessibleName("Bluesky handle")
        self.password = QLineEdit(echoMode=QLineEdit.Password)
        self.password.setAccessibleName("App password")
        self.password.setPlaceholderText("xxxx-xxxx-xxxx-xxxx")
        self.pds = QLineEdit(placeholderText="https://bsky.social (leave empty)")
        self.pds.setAccessibleName("Bluesky server, if not bsky.social")
        connect = QPushButton("&Connect")
        connect.clicked.connect(self.connect_bluesky)
        return self._page(
            BLUESKY_EXPLAINED,
            [("&Handle", self.handle), ("App &password", self.password), ("Ser&ver", self.pds)],
            [connect],
        )

    def _x_page(self) -> QWidget:
        self.x_client = QLineEdit(placeholderText="Client ID from developer.x.com")
        self.x_client.setAccessibleName("X app client ID")
        self.x_port = QSpinBox()
        self.x_port.setRange(1024, 65535)
        self.x_port.setValue(X_PORT)
        self.x_port.setAccessibleName("Callback port")
        self.x_post_only = QCheckBox("Post only (no paid access to read mentions)")
        sign_in = QPushButton("Sign in with the &browser")
        sign_in.clicked.connect(self.sign_in_x)
        self.x_button = sign_in
        return self._page(
            X_EXPLAINED,
            [
                ("Client &ID", self.x_client),
                ("Callback &port", self.x_port),
                ("", self.x_post_only),
            ],
            [sign_in],
        )

    # -- sign-ins --------------------------------------------------------------------------------
    def _client_name(self) -> str | None:
        name = self.client.currentText().strip()
        if not name:
            self.status.setText("Choose a client, or type a new client's name.")
        return name or None

    def _server(self, text: str, default: str | None = None) -> str | None:
        try:
            return self.controller.server_url(text) if text.strip() else default
        except ValueError as exc:
            self.status.setText(str(exc))
            return None

    def _with_mastodon_server(self, then) -> None:
        """then(server) once the server is known: as typed, or for a whole handle the server
        its domain names (WebFinger), which can be another host."""
        name, server = self._client_name(), self._server(self.server.text())
        if not name or not server:
            if name and not self.server.text().strip():
                self.status.setText("Type your Mastodon server, e.g. mastodon.social.")
            return
        self.status.setText("Finding your Mastodon server…")
        self.controller.find_mastodon_server(
            self.server.text(), lambda found: then(name, found), self._failed
        )

    def sign_in_mastodon(self) -> None:
        self._with_mastodon_server(self._sign_in_mastodon)

    def _sign_in_mastodon(self, name: str, server: str) -> None:
        self.status.setText("Waiting for you to approve SocialDesk in your browser…")
        self.browser_button.setEnabled(False)
        self.controller.sign_in_mastodon(
            server, lambda secrets: self._add(name, "mastodon", "", server, secrets), self._failed
        )

    def paste_mastodon(self) -> None:
        self._with_mastodon_server(self._paste_mastodon)

    def _paste_mastodon(self, name: str, server: str) -> None:
        def started(result) -> None:
            url, finish = result
            self.controller.openUrl.emit(url)
            code, ok = QInputDialog.getText(
                self, "Paste the code",
                "Your server shows a code after you approve SocialDesk. Paste it here:",
            )  # fmt: skip
            if ok and code.strip():
                self.status.setText("Checking the code…")
                self.controller.run(
                    lambda: finish(code),
                    lambda secrets: self._add(name, "mastodon", "", server, secrets),
                    self._failed,
                )

        self.status.setText("Registering SocialDesk with your server…")
        self.controller.start_mastodon_paste(server, started, self._failed)

    def sign_in_x(self) -> None:
        name, client_id = self._client_name(), self.x_client.text().strip()
        if not name or not client_id:
            if name:
                self.status.setText("Paste the client ID of your X app.")
            return
        self.status.setText("Waiting for you to approve SocialDesk in your browser…")
        self.x_button.setEnabled(False)
        self.controller.sign_in_x(
            client_id, self.x_port.value(), self.x_post_only.isChecked(),
            lambda secrets: self._add(name, "x", "", None, secrets), self._failed,
        )  # fmt: skip

    def connect_bluesky(self) -> None:
        name = self._client_name()
        handle, password = self.handle.text().strip().lstrip("@"), self.password.text().strip()
        pds = self._server(self.pds.text()) if self.pds.text().strip() else None
        if self.pds.text().strip() and pds is None:
            return  # a mistyped server: never send the password to bsky.social instead
        if not name or not handle or not password:
            if name:
                self.status.setText("Type the handle and an app password.")
            return
        self.status.setText(f"Signing in as @{handle}…")
        self._add(name, "bluesky", handle, pds, {"app_password": password})

    def _add(self, client: str, network: str, handle: str, server, secrets) -> None:
        self.status.setText("Checking the account…")

        def added(result) -> None:
            self.added = getattr(result, "handle", None) or handle or "your account"
            self.accept()

        if self.again is not None:
            self.controller.reauthenticate(self.again.id, secrets, added, self._failed)
        else:
            self.controller.add(client, network, handle, server, secrets, added, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.browser_button.setEnabled(True)
        self.x_button.setEnabled(True)
        self.status.setText(str(exc))

    def done(self, result: int) -> None:
        if result != QDialog.Accepted:
            self.controller.cancel_sign_in()  # a browser sign-in must not finish after Cancel
        super().done(result)
