"""A new post (not a reply) for one of the client accounts, in its own window: the same composer,
counter and checks; the draft is kept when the window closes."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout

from socialdesk.app.replies import RepliesController
from socialdesk.core.models import network_label
from socialdesk.ui.composer import Composer
from socialdesk.ui.dialogs import RememberedDialog
from socialdesk.ui.reply_target import ReplyTarget


class NewPostDialog(RememberedDialog):
    def __init__(
        self, controller: RepliesController, clients, parent=None, client_id: int | None = None
    ) -> None:
        """``client_id``: the client being worked on; the post starts on its account that holds
        a half-written post, else on its first account."""
        super().__init__(parent)
        self.setWindowTitle("New post")
        self.setAccessibleName("New post")
        self.account = QComboBox()
        self.account.setAccessibleName("Account")
        start = None
        for client in clients:
            for account in client.accounts:
                target = ReplyTarget(account.id, client.id, client.name, account.network)
                label = f"{client.name} · {network_label(account.network)} @{account.handle}"
                leftover = controller.draft_for(account.id, None) is not None
                self.account.addItem(label + (" · draft" if leftover else ""), target)
                if client.id == client_id and (start is None or (leftover and not start[1])):
                    start = (self.account.count() - 1, leftover)
        if start is not None:
            self.account.setCurrentIndex(start[0])
        self.composer = Composer(controller)
        self.composer.closed.connect(self.accept)
        self.account.currentIndexChanged.connect(self._account_chosen)
        form = QFormLayout()
        form.addRow("&Account", self.account)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.composer)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 26)
        self._account_chosen()

    def _account_chosen(self) -> None:
        target = self.account.currentData()
        if target is not None:
            self.composer.open(target)
            self.composer.editor.setFocus()

    def done(self, result: int) -> None:
        self.composer.save_now()  # closing keeps the draft for next time
        super().done(result)
