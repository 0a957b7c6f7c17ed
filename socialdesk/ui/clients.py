"""Workspace → Clients…: every client, in use and archived, with add, edit, archive, restore and
delete. Deleting asks first, saying what goes with the client, and can be undone for a few seconds
(the banner at the top of the window)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from socialdesk.app.clients import ClientsController
from socialdesk.app.view_models import ClientSummary
from socialdesk.ui.client_editor import ClientEditorDialog, _swatch
from socialdesk.ui.widgets import plain_label

ClientRole = Qt.UserRole + 1


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def describe(client: ClientSummary) -> str:
    accounts = _plural(len(client.accounts), "account")
    text = f"{client.name} — {accounts}, answer within {client.response_target_minutes} min"
    if client.archived_at is not None:
        text += f"; archived {client.archived_at.astimezone():%d %b %Y}"
    return text


def confirm_delete(
    parent: QWidget, admin: ClientsController, client: ClientSummary, then: Callable[[], None]
) -> None:
    """Count what goes with the client, ask, and delete it (undoable for a few seconds)."""

    def counted(footprint) -> None:
        counts = (footprint.accounts, footprint.mentions, footprint.drafts, footprint.outbox)
        parts = [
            _plural(footprint.accounts, "account"),
            _plural(footprint.mentions, "mention"),
            _plural(footprint.drafts, "unsent draft"),
            _plural(footprint.outbox, "reply") + " waiting in the outbox",
        ]
        goes = (
            "It has no accounts or mentions yet."
            if footprint.is_empty
            else "This removes from this computer its "
            + ", ".join(p for p, n in zip(parts, counts, strict=True) if n)
            + ". Signed-in accounts are signed out. Nothing is deleted on the networks."
        )
        asked = QMessageBox.question(
            parent,
            f"Delete {client.name}?",
            f"Delete “{client.name}”? {goes}\n\nYou can undo this for "
            f"{round(admin.undo_seconds)} seconds. To keep its history instead, archive it.",
        )
        if asked == QMessageBox.Yes:
            admin.delete(client.id)
            then()

    admin.footprint(client.id, counted)


class ClientsDialog(QDialog):
    # The keys its lists answer to (itemActivated, eventFilter), for the ? sheet.
    KEYS = (
        ("Edit the chosen client", "Enter"),
        ("Delete the chosen client (asks first)", QKeySequence.Delete),
    )

    def __init__(self, admin: ClientsController, workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Clients")
        self.setAccessibleName("Clients")
        self.admin, self.ws = admin, workspace
        self.in_use = self._list("Clients in use")
        self.archived = self._list("Archived clients")
        in_use_label = QLabel("Clients in &use")
        in_use_label.setBuddy(self.in_use)
        archived_label = QLabel(
            "&Archived: hidden from the sidebar and the inbox, not synced, kept"
        )
        archived_label.setBuddy(self.archived)
        archived_label.setWordWrap(True)
        self.status = plain_label(role="muted")
        self.status.setAccessibleName("What happened")

        self.add_button = QPushButton("A&dd client…")
        self.edit_button = QPushButton("&Edit…")
        self.archive_button = QPushButton("Arc&hive")
        self.restore_button = QPushButton("&Restore")
        self.delete_button = QPushButton("De&lete…")
        self.archive_button.setToolTip("Hide the client and stop syncing it; everything is kept")
        self.restore_button.setToolTip("Bring the archived client back")
        self.delete_button.setToolTip("Delete the client and everything stored for it (Delete)")
        row = QHBoxLayout()
        for button, slot in (
            (self.add_button, self.add),
            (self.edit_button, self.edit),
            (self.archive_button, self.archive),
            (self.restore_button, self.restore),
            (self.delete_button, self.delete),
        ):
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(in_use_label)
        layout.addWidget(self.in_use, 3)
        layout.addWidget(archived_label)
        layout.addWidget(self.archived, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 26)

        workspace.clientsChanged.connect(self._fill)
        admin.archivedChanged.connect(self._fill_archived)
        if workspace.is_demo:  # its clients are fictional; one's own are set up outside it
            self.add_button.setEnabled(False)
            self.add_button.setToolTip("Leave the demo (Workspace menu) to add your own clients")
        self._fill(workspace.clients)
        self._fill_archived(admin.archived)
        admin.refresh_archived()
        if self.in_use.count() and self.in_use.item(0).data(ClientRole) is not None:
            self.in_use.setCurrentRow(0)  # Enter edits it, Delete deletes it, at once
        self.in_use.setFocus()

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(name)
        widget.currentItemChanged.connect(self._update_buttons)
        widget.itemActivated.connect(lambda _item: self.edit())
        widget.itemSelectionChanged.connect(lambda w=widget: self._chose(w))
        widget.installEventFilter(self)  # Delete deletes (asking first)
        return widget

    def eventFilter(self, watched, event) -> bool:
        if (
            event.type() == QEvent.KeyPress
            and event.matches(QKeySequence.Delete)
            and watched in (self.in_use, self.archived)
        ):
            self.delete()
            return True
        return super().eventFilter(watched, event)

    def _chose(self, widget: QListWidget) -> None:
        """One choice at a time across the two lists."""
        other = self.archived if widget is self.in_use else self.in_use
        if widget.selectedItems():
            other.blockSignals(True)
            other.clearSelection()
            other.setCurrentItem(None)
            other.blockSignals(False)
        self._update_buttons()

    def _fill_list(self, widget: QListWidget, clients: list[ClientSummary], empty: str) -> None:
        chosen = self.current()
        widget.blockSignals(True)
        widget.clear()
        for client in clients:
            item = QListWidgetItem(_swatch(client.colour), describe(client))
            item.setData(ClientRole, client)
            widget.addItem(item)
            if chosen is not None and chosen.id == client.id:
                widget.setCurrentItem(item)
        if not clients:
            item = QListWidgetItem(empty)
            item.setFlags(Qt.NoItemFlags)
            widget.addItem(item)
        widget.blockSignals(False)
        self._update_buttons()

    def _fill(self, clients: list[ClientSummary]) -> None:
        self._fill_list(self.in_use, clients, "No clients yet: Add client… sets one up.")

    def _fill_archived(self, clients: list[ClientSummary]) -> None:
        self._fill_list(self.archived, clients, "None archived.")

    def current(self) -> ClientSummary | None:
        for widget in (self.in_use, self.archived):
            item = widget.currentItem()
            if item is not None and item.isSelected() and item.data(ClientRole) is not None:
                return item.data(ClientRole)
        return None

    def select(self, client_id: int) -> None:
        for widget in (self.in_use, self.archived):
            for i in range(widget.count()):
                client = widget.item(i).data(ClientRole)
                if client is not None and client.id == client_id:
                    widget.setCurrentRow(i)
                    widget.setFocus()
                    return

    def _update_buttons(self, *_args) -> None:
        client = self.current()
        archived = client is not None and client.archived_at is not None
        self.edit_button.setEnabled(client is not None)
        self.delete_button.setEnabled(client is not None)
        self.archive_button.setEnabled(client is not None and not archived)
        self.restore_button.setEnabled(archived)

    # -- actions ---------------------------------------------------------------------------------
    def add(self) -> None:
        added = ClientEditorDialog.ask(self.admin, None, self)
        if added is not None:
            self.status.setText(
                "Added. Connect its accounts with Workspace → Accounts… or Set up…."
            )

    def edit(self) -> None:
        client = self.current()
        if client is not None and ClientEditorDialog.ask(self.admin, client, self) is not None:
            self.status.setText(f"Saved “{client.name}”.")

    def archive(self) -> None:
        client = self.current()
        if client is not None and client.archived_at is None:
            self.admin.archive(client.id)
            self.status.setText(
                f"Archived “{client.name}”: its history is kept, and Restore brings it back."
            )

    def restore(self) -> None:
        client = self.current()
        if client is not None and client.archived_at is not None:
            self.admin.restore(client.id)
            self.status.setText(f"Restored “{client.name}”.")

    def delete(self) -> None:
        client = self.current()
        if client is not None:
            confirm_delete(
                self, self.admin, client,
                lambda: self.status.setText(f"Deleted “{client.name}”. Undo is at the top."),
            )  # fmt: skip
