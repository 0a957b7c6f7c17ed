"""Setting up, one screen at a time, in the main window: the first launch's two doors (the demo,
or my own clients), then add a client → connect its accounts → the first sync → the inbox.

Every step can be skipped, and Workspace → Set up… comes back to the first step not done yet
(``Onboarding.resume_step``). The screens only ask the controllers; what they show comes back by
signal.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from socialdesk.app.view_models import ClientSummary, MentionFilter
from socialdesk.app.workspace import WorkspaceController
from socialdesk.core.models import Network, network_label
from socialdesk.ui.client_editor import ClientForm
from socialdesk.ui.widgets import plain_label

STEPS = ("Client", "Accounts", "First sync", "Inbox")
# What each network's sign-in needs, in plain words (the Add account dialog says it again).
NEEDS = {
    Network.MASTODON: "Your server's address, such as mastodon.social. SocialDesk opens its "
    "sign-in page in your browser; you approve, and it comes back here by itself.",
    Network.BLUESKY: "Your handle and an app password — not your account password. Make one in "
    "Bluesky under Settings → Privacy and security → App passwords.",
    Network.X: "The client ID of your own X developer app. Reading mentions needs a paid X API "
    "access level; without one, connect the account to post only.",
}


def _title(text: str) -> QLabel:
    label = plain_label(text)
    label.setObjectName("setupTitle")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.45)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


class _Door(QPushButton):
    """One of the first launch's two big choices: a title and what it means."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupDoor")
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        heading = QLabel(title.replace("&", ""))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        body = QLabel(text)
        body.setWordWrap(True)
        for label in (heading, body):
            label.setAttribute(Qt.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        layout.addStretch(1)
        self.setText("")  # the labels say it; the shortcut is on the title's letter
        self.setShortcut(f"Alt+{title[title.index('&') + 1]}")

    def sizeHint(self) -> QSize:  # a push button ignores its layout: as tall as its words
        layout = self.layout()
        hint = layout.sizeHint() if layout else super().sizeHint()
        return QSize(max(hint.width(), self.fontMetrics().averageCharWidth() * 36), hint.height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout else super().heightForWidth(width)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 24, self.sizeHint().height())


class SetupPage(QWidget):
    demoChosen = Signal()
    setupChosen = Signal()
    finished = Signal()  # to the inbox
    connectRequested = Signal(str, str)  # network, client name: the sign-in dialog

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupPage")
        self.setAccessibleName("Set up SocialDesk")
        self.controller = controller
        self.client_id: int | None = None
        self._added_name = ""  # the client just added, until the client list has it
        self._syncing = False

        self.steps = QLabel()
        self.steps.setObjectName("setupSteps")
        self.steps.setTextFormat(Qt.RichText)  # only our own step names, never outside text
        self.steps.setAlignment(Qt.AlignHCenter)
        self.pages = QStackedWidget()
        self.welcome = self._welcome_page()
        self.client_page = self._client_page()
        self.accounts_page = self._accounts_page()
        self.sync_page = self._sync_page()
        for page in (self.welcome, self.client_page, self.accounts_page, self.sync_page):
            self.pages.addWidget(page)

        column = QWidget()
        column.setObjectName("setupColumn")
        column.setMaximumWidth(self.fontMetrics().averageCharWidth() * 96)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(24, 24, 24, 24)
        inner.addWidget(self.steps)
        inner.addSpacing(8)
        inner.addWidget(self.pages, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        controller.clientsChanged.connect(self._clients_changed)
        controller.syncProgress.connect(self._progress)
        controller.syncStateChanged.connect(self._sync_state)
        controller.client_admin.added.connect(self._client_added)

    # -- pages -----------------------------------------------------------------------------------
    def _page(self, title: str, intro: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_title(title))
        if intro:
            layout.addWidget(plain_label(intro, role="muted"))
        layout.addSpacing(8)
        return page, layout

    def _buttons(self, layout: QVBoxLayout, *buttons: QPushButton) -> None:
        """The step's buttons, right under what it asks (not at the foot of a tall window)."""
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        layout.addSpacing(16)
        layout.addLayout(row)
        layout.addStretch(1)

    def _welcome_page(self) -> QWidget:
        page, layout = self._page(
            "Welcome to SocialDesk",
            "Answer every mention of the brands you look after, on Mastodon, Bluesky and X, "
            "in one inbox. How would you like to start?",
        )
        self.demo_door = _Door(
            "Explore the &demo",
            "Fictional clients and a week of their mentions, so you can try everything. "
            "Nothing is posted anywhere. Set up your own clients whenever you like.",
        )
        self.setup_door = _Door(
            "Set up my &clients",
            "Add the first brand you answer for, connect its accounts and fetch its mentions. "
            "A few minutes; every step can wait.",
        )
        self.demo_door.clicked.connect(self.demoChosen)
        self.setup_door.clicked.connect(self.setupChosen)
        doors = QGridLayout()
        doors.addWidget(self.demo_door, 0, 0)
        doors.addWidget(self.setup_door, 0, 1)
        layout.addLayout(doors)
        layout.addStretch(1)
        return page

    def _client_page(self) -> QWidget:
        page, layout = self._page(
            "Add a client",
            "A client is a brand you answer for. Its response target and service hours set "
            "the clock on each of its mentions; its brand voice guides the reply checks. "
            "All of it can be changed later (Workspace → Clients…).",
        )
        self.form: ClientForm | None = None  # made when first shown (its zone list is not free)
        self.skip_client = QPushButton("&Skip for now")
        self.skip_client.setToolTip("Go to the inbox; Workspace → Set up… comes back here")
        self.skip_client.clicked.connect(self.finish)
        self.add_client = QPushButton("&Add client and continue")
        self.add_client.setDefault(True)
        self.add_client.setAutoDefault(True)
        self.add_client.clicked.connect(self.save_client)
        self._buttons(layout, self.skip_client, self.add_client)
        return page

    def _new_form(self) -> ClientForm:
        """A fresh form in the client step (for the first client, and for each next one)."""
        if self.form is not None:
            self.form.deleteLater()
        self.form = ClientForm()
        self.form.name.returnPressed.connect(self.save_client)
        layout = self.client_page.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(3, self.form)  # under the title, the words and the space
        return self.form

    def _accounts_page(self) -> QWidget:
        page, layout = self._page("Connect accounts", "")
        self.accounts_intro = plain_label(role="muted")
        layout.addWidget(self.accounts_intro)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(12)
        self.connect_buttons: dict[str, QPushButton] = {}
        for row, network in enumerate((Network.MASTODON, Network.BLUESKY, Network.X)):
            button = QPushButton(f"Connect &{network_label(network)}…")
            button.setAccessibleDescription(NEEDS[network])
            button.clicked.connect(lambda _=False, n=network.value: self._connect(n))
            self.connect_buttons[network.value] = button
            grid.addWidget(button, row, 0, Qt.AlignTop)
            grid.addWidget(plain_label(NEEDS[network]), row, 1)
        layout.addLayout(grid)
        layout.addSpacing(8)
        self.connected = plain_label()
        self.connected.setAccessibleName("Connected accounts")
        layout.addWidget(self.connected)
        self.skip_accounts = QPushButton("&Skip for now")
        self.skip_accounts.setToolTip("Go to the inbox; Workspace → Set up… comes back here")
        self.skip_accounts.clicked.connect(self.finish)
        self.to_sync = QPushButton("&Continue to the first sync")
        self.to_sync.clicked.connect(self.show_sync)
        self._buttons(layout, self.skip_accounts, self.to_sync)
        return page

    def _sync_page(self) -> QWidget:
        page, layout = self._page(
            "First sync",
            "SocialDesk asks each account for its recent mentions. They are sorted by what they "
            "need (questions and complaints first) and timed against the client's target.",
        )
        self.progress = QProgressBar()
        self.progress.setAccessibleName("First sync progress")
        self.progress.setTextVisible(True)
        self.progress.setFormat("%v of %m accounts")
        self.sync_said = plain_label()
        self.sync_said.setAccessibleName("First sync")
        self.count = plain_label(role="muted")
        self.count.setAccessibleName("Mentions found")
        layout.addWidget(self.progress)
        layout.addWidget(self.sync_said)
        layout.addWidget(self.count)
        self.to_inbox = QPushButton("Open the &inbox")
        self.to_inbox.setDefault(True)
        self.to_inbox.clicked.connect(self.finish)
        self._buttons(layout, self.to_inbox)
        return page

    # -- moving between steps --------------------------------------------------------------------
    def _show(self, page: QWidget, step: int | None) -> None:
        self.pages.setCurrentWidget(page)
        self.steps.setVisible(step is not None)
        if step is not None:
            parts = [
                f"<b>{i + 1}. {name}</b>" if i == step else f"{i + 1}. {name}"
                for i, name in enumerate(STEPS)
            ]
            self.steps.setText("&nbsp;&nbsp;›&nbsp;&nbsp;".join(parts))
            self.steps.setAccessibleName(f"Step {step + 1} of {len(STEPS)}: {STEPS[step]}")

    def show_welcome(self) -> None:
        self._show(self.welcome, None)
        self.setup_door.setFocus(Qt.OtherFocusReason)

    def show_client(self) -> None:
        form = self.form or self._new_form()
        form.show_problem("")
        self.add_client.setEnabled(True)
        self._show(self.client_page, 0)
        form.name.setFocus(Qt.OtherFocusReason)

    def show_accounts(self, client_id: int) -> None:
        self.client_id = client_id
        self._say_accounts()
        self._show(self.accounts_page, 1)
        first = next(iter(self.connect_buttons.values()))
        (first if first.isEnabled() else self.skip_accounts).setFocus(Qt.OtherFocusReason)

    def show_sync(self) -> None:
        self._show(self.sync_page, 2)
        self.to_inbox.setFocus(Qt.OtherFocusReason)
        accounts = len(self._client().accounts) if self._client() else 0
        total = sum(len(c.accounts) for c in self.controller.clients)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.count.setText("")
        if not total:
            self.progress.setValue(1)
            self.progress.setFormat("No accounts to check yet")
            self.sync_said.setText(
                "Connect an account first (Workspace → Accounts…); its mentions arrive with the "
                "next sync."
            )
            return
        self.progress.setFormat("%v of %m accounts")
        self.sync_said.setText(
            f"Checking {accounts} account{'s' * (accounts != 1)} of this client"
            + (f" and {total - accounts} more…" if total > accounts else "…")
        )
        self._syncing = True
        self.controller.sync_now()  # none twice: one already running reports here as well

    def finish(self) -> None:
        self.finished.emit()

    # -- what the controllers say ----------------------------------------------------------------
    def save_client(self) -> None:
        edit = self.form.value() if self.form else None
        if edit is None:
            return
        self.add_client.setEnabled(False)
        self._added_name = edit.name
        self.controller.client_admin.add(edit, None, self._add_failed)

    def _add_failed(self, exc: BaseException) -> None:
        self.add_client.setEnabled(True)
        if self.form is not None:
            self.form.show_problem(str(exc))

    def _client_added(self, client_id: int) -> None:
        if self.pages.currentWidget() is self.client_page and not self.add_client.isEnabled():
            self._new_form()  # empty for the next client
            self.show_accounts(client_id)

    def _client(self) -> ClientSummary | None:
        return next((c for c in self.controller.clients if c.id == self.client_id), None)

    def _connect(self, network: str) -> None:
        client = self._client()
        if client is not None:
            self.connectRequested.emit(network, client.name)

    def _say_accounts(self) -> None:
        client = self._client()
        name = client.name if client else self._added_name or "the client"
        self.accounts_intro.setText(
            f"Connect {name}'s accounts, one network at a time. Passwords and tokens are kept "
            "only in your system's keyring."
        )
        why_not = self.controller.accounts.available
        for button in self.connect_buttons.values():
            button.setEnabled(why_not is None and client is not None)
        accounts = client.accounts if client else []
        if why_not:
            self.connected.setText(why_not)
        elif accounts:
            self.connected.setText(
                "Connected: "
                + ", ".join(f"{network_label(a.network)} @{a.handle}" for a in accounts)
            )
        else:
            self.connected.setText("No account connected yet.")
        self.to_sync.setEnabled(bool(accounts))
        self.to_sync.setDefault(bool(accounts))

    def _clients_changed(self, _clients: list[ClientSummary]) -> None:
        if self.pages.currentWidget() is self.accounts_page:
            had = self.to_sync.isEnabled()
            self._say_accounts()
            if self.to_sync.isEnabled() and not had:
                QTimer.singleShot(0, lambda: self.to_sync.setFocus(Qt.OtherFocusReason))

    def _progress(self, done: int, total: int, found: int) -> None:
        if self.pages.currentWidget() is not self.sync_page:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.count.setText(f"{found:,} new mention{'s' * (found != 1)} so far")

    def _sync_state(self, text: str) -> None:
        if self.pages.currentWidget() is not self.sync_page or not self._syncing:
            return
        if text.startswith(("Synced", "Sync failed")):
            self._syncing = False
            self.progress.setValue(self.progress.maximum())
            waiting = self.controller.count(MentionFilter(awaiting_reply_only=True))
            total = self.controller.count(MentionFilter())
            self.count.setText(
                f"Your inbox holds {total:,} mention{'s' * (total != 1)}, "
                f"{waiting:,} of them waiting for an answer."
            )
            if text.startswith("Synced"):
                self.sync_said.setText(f"Done. {text}")
            else:
                self.sync_said.setText(
                    f"{text}. Workspace → Accounts… says what each account needs; the next "
                    "sync tries again."
                )
        else:
            self.sync_said.setText(text)
