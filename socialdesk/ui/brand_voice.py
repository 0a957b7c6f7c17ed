"""A client's brand voice: the words and phrases its replies avoid (each with the client's own
message and an optional replacement), its public contact points, and a box to try a reply against
them with the full tone checks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from socialdesk.core.tone import BannedPhrase, ReplyContext, check
from socialdesk.ui.dialogs import RememberedDialog

_ICONS = {
    "block": QStyle.SP_MessageBoxCritical,
    "warning": QStyle.SP_MessageBoxWarning,
    "info": QStyle.SP_MessageBoxInformation,
}
# Short titles: the three share the table's width, and at large text on an 800-wide screen
# "Suggested instead (optional)" was cut.
_COLUMNS = ("Word or phrase", "Message to show", "Say instead (optional)")


class BrandVoiceDialog(RememberedDialog):
    KEYS = (("Remove the chosen phrases", QKeySequence.Delete),)  # the table's, for the ? sheet

    def __init__(self, client_name: str, rules, contacts, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Brand voice — {client_name}")
        self.setAccessibleName(f"Brand voice for {client_name}")
        metrics = self.fontMetrics()  # in characters and lines: it grows with the text
        self.resize(metrics.averageCharWidth() * 120, metrics.height() * 40)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Replies for {client_name} are checked against these phrases as you write; the "
            "message is what the composer shows."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = _rules_table(rules)
        layout.addWidget(self.table, 2)
        # An empty table says what it is for and how to fill it.
        self.empty_hint = QLabel(
            "No phrases yet. Press Add phrase to name a word this client's replies should "
            "avoid (\u201ccheap\u201d, a competitor's name), the message to show, and what to "
            "say instead."
        )
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setProperty("role", "muted")
        layout.addWidget(self.empty_hint)
        layout.addLayout(self._table_buttons())

        contacts_label = QLabel(
            "&Public contact points, one per line (support email, hotline, help page). "
            "These are never flagged as a customer's private data."
        )
        contacts_label.setWordWrap(True)
        self.contacts = QPlainTextEdit("\n".join(contacts))
        self.contacts.setAccessibleName("Public contact points")
        self.contacts.setTabChangesFocus(True)
        contacts_label.setBuddy(self.contacts)
        layout.addWidget(contacts_label)
        layout.addWidget(self.contacts, 1)

        try_label = QLabel("&Try a reply:")
        self.sample = QLineEdit()
        self.sample.setAccessibleName("Try a reply")
        self.sample.setPlaceholderText("Type a reply to see what the checks say")
        try_label.setBuddy(self.sample)
        self.findings = QListWidget()
        self.findings.setAccessibleName("What the checks say")
        self.findings.setWordWrap(True)
        self.findings.setSpacing(2)
        layout.addWidget(try_label)
        layout.addWidget(self.sample)
        layout.addWidget(self.findings, 2)
        self.findings.hide()  # until there is a reply to check: no large empty box
        self.sample.textChanged.connect(self._try)
        self.table.itemChanged.connect(lambda _item: self._try())
        self.contacts.textChanged.connect(self._try)
        self.table.model().rowsInserted.connect(self._show_hint)
        self.table.model().rowsRemoved.connect(self._show_hint)
        self._show_hint()

        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def edit(cls, client, parent=None) -> tuple[tuple[BannedPhrase, ...], list[str]] | None:
        """Open the dialog for ``client`` (a ClientSummary); its rules and contact points if saved.
        Tests patch this one entry point."""
        dialog = cls(client.name, client.banned_phrases, client.brand_contacts, parent)
        if dialog.exec() != QDialog.Accepted:
            return None
        return dialog.rules(), dialog.contact_points()

    def _table_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        add = QPushButton("&Add phrase")
        add.clicked.connect(self.add_row)
        remove = QPushButton("&Remove phrase")
        remove.setToolTip("Remove the selected phrase (Delete)")
        remove.clicked.connect(self.remove_rows)
        QShortcut(self.KEYS[0][1], self.table, self.remove_rows, context=Qt.WidgetShortcut)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        return row

    def _show_hint(self) -> None:
        self.empty_hint.setVisible(self.table.rowCount() == 0)

    def add_row(self) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in range(len(_COLUMNS)):
            self.table.setItem(row, column, QTableWidgetItem(""))
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_rows(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self._try()

    def rules(self) -> tuple[BannedPhrase, ...]:
        found = []
        for row in range(self.table.rowCount()):
            phrase, message, suggestion = (self._cell(row, c) for c in range(len(_COLUMNS)))
            if phrase:
                found.append(BannedPhrase(phrase, message, suggestion or None))
        return tuple(found)

    def contact_points(self) -> list[str]:
        return [line.strip() for line in self.contacts.toPlainText().splitlines() if line.strip()]

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def _try(self) -> None:
        self.findings.clear()
        text = self.sample.text()
        self.findings.setVisible(bool(text.strip()))
        if not text.strip():
            return
        context = ReplyContext(
            banned_phrases=self.rules(), brand_contacts=tuple(self.contact_points())
        )
        results = check(text, context)
        for finding in results:
            item = QListWidgetItem(
                self.style().standardIcon(_ICONS[finding.severity]),
                f"{finding.severity.title()}: {finding.message}",
            )
            self.findings.addItem(item)
        if not results:
            self.findings.addItem("Nothing to flag.")


def _rules_table(rules) -> QTableWidget:
    table = QTableWidget(len(rules), len(_COLUMNS))
    table.setAccessibleName("Words and phrases to avoid")
    table.setHorizontalHeaderLabels(list(_COLUMNS))
    table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
    for row, rule in enumerate(rules):
        for column, value in enumerate((rule.phrase, rule.message, rule.suggestion or "")):
            table.setItem(row, column, QTableWidgetItem(value))
    return table
