"""A crisis statement for every account of a client at once: one tab per account, each with its
own composer, so each network's counter and checks apply to its own copy (customer-care.md,
"Crisis": one public statement per account beats many single replies)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout

from socialdesk.app.replies import RepliesController
from socialdesk.core.models import network_label
from socialdesk.ui.composer import Composer
from socialdesk.ui.dialogs import RememberedDialog
from socialdesk.ui.reply_target import ReplyTarget


class StatementDialog(RememberedDialog):
    def __init__(self, controller: RepliesController, client, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Crisis statement — {client.name}")
        self.setAccessibleName(f"Crisis statement for {client.name}")
        intro = QLabel(
            "One statement per account. Each tab counts characters the way its network does; "
            "fill in every blank, then send each to review (Ctrl+Tab: next account)."
        )
        intro.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Accounts")
        self.composers: list[Composer] = []
        for account in client.accounts:
            composer = Composer(controller)
            composer.open(ReplyTarget(account.id, client.id, client.name, account.network))
            composer.closed.connect(lambda c=composer: self._sent(c))
            label = f"{network_label(account.network)} @{account.handle}"
            self.tabs.addTab(composer, label)
            self.tabs.setTabToolTip(self.tabs.count() - 1, label)
            self.composers.append(composer)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 110, metrics.height() * 34)
        if self.composers:
            self.composers[0].editor.setFocus()

    def _sent(self, composer: Composer) -> None:
        """A copy left its composer (sent to review or discarded): on to the next one still open."""
        index = self.tabs.indexOf(composer)
        self.tabs.setTabText(index, "✓ " + self.tabs.tabText(index).removeprefix("✓ "))
        composer.setEnabled(False)
        waiting = [i for i, c in enumerate(self.composers) if c.isEnabled()]
        if not waiting:
            self.accept()
            return
        self.tabs.setCurrentIndex(waiting[0])
        self.composers[waiting[0]].editor.setFocus()

    def done(self, result: int) -> None:
        for composer in self.composers:
            composer.save_now()  # closing keeps every copy's draft for next time
        super().done(result)
