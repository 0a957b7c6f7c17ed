"""A new post (not a reply) for one of the client accounts, in its own window: the same composer,
counter and checks; the draft is kept when the window closes."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QVBoxLayout

from socialdesk.app.replies import RepliesController
from socialdesk.core.models import network_label
from socialdesk.ui.composer import Composer, ReplyTarget


class NewPostDialog(QDialog):
    def __init__(self, controller: RepliesController, clients, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New post")
        self.setAccessibleName("New post")
        self.account = QComboBox()
        self.account.setAccessibleName("Account")
        for client in clients:
            for account in client.accounts:
                target = ReplyTarget(account.id, client.id, client.name, account.network)
                label = f"{client.name} · {network_label(account.network)} @{account.handle}"
                self.account.addItem(label, target)
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
