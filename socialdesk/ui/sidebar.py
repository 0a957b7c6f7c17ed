"""The left sidebar: the views (Inbox, Review, Outbox, History, Reports) and the clients with their
accounts, each with its unread and overdue counts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from socialdesk.app.view_models import ClientSummary, SavedView
from socialdesk.core.models import network_label
from socialdesk.ui import theme

VIEWS = ("Inbox", "Review", "Outbox", "History", "Reports")
TargetRole = Qt.UserRole + 1  # Target of the row
CountsRole = Qt.UserRole + 2  # (unread, overdue)
ColourRole = Qt.UserRole + 3


@dataclass(frozen=True)
class Target:
    """What a sidebar row opens: a view, optionally narrowed to one client or account."""

    view: str
    client_id: int | None = None
    account_id: int | None = None
    saved_view: int | None = None


class Sidebar(QTreeView):
    targetChosen = Signal(object)  # Target
    deleteViewRequested = Signal(int)  # saved view id
    muteRequested = Signal(int, bool)  # client id, muted
    brandVoiceRequested = Signal(int)  # client id
    pauseOutboxRequested = Signal(int, bool)  # client id, paused
    editClientRequested = Signal(int)  # client id
    archiveClientRequested = Signal(int)  # client id
    deleteClientRequested = Signal(int)  # client id
    addClientRequested = Signal()

    def __init__(self, demo: bool, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName("Views and clients")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(12)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setItemDelegate(_CountsDelegate(self))
        self._quiet = False
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.selectionModel().currentChanged.connect(self._current_changed)
        # Clicking the chosen item again chooses it again: back to the whole inbox from a
        # conversation opened in the history.
        self.clicked.connect(lambda index: self._current_changed(index, index))
        self._clients: list[ClientSummary] = []
        self._views: list[SavedView] = []
        self._crisis: set[int] = set()
        self._view_counts: dict[str, tuple[int, int]] = {}
        self.setContextMenuPolicy(Qt.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.set_demo(demo)

    def set_demo(self, demo: bool) -> None:
        self._demo = demo
        self._clients, self._views = [], []
        self._rebuild()

    def set_clients(self, clients: list[ClientSummary]) -> None:
        self._clients = clients
        self._refresh()

    def set_crisis(self, client_ids: set[int]) -> None:
        """Mark the clients in a crisis (a sign and the word, not colour alone)."""
        if client_ids != self._crisis:
            self._crisis = set(client_ids)
            self._refresh()

    def set_view_counts(self, view: str, waiting: int, failed: int = 0) -> None:
        """The pills beside Review (drafts ready) and Outbox (waiting, failed in red)."""
        self._view_counts[view] = (waiting, failed)
        for index in self._walk():
            if index.data(TargetRole) == Target(view):
                self._model.itemFromIndex(index).setData((waiting, failed), CountsRole)
                return

    def set_views(self, views: list[SavedView]) -> None:
        self._views = views
        self._refresh()

    def _refresh(self) -> None:
        """New counts or views. The user's place is kept and, when it still exists, not announced
        again: a count refresh must never reset the feed under the user."""
        current = self.currentIndex().data(TargetRole)
        self._quiet = True
        try:
            self._rebuild()
            self.select(current or Target("Inbox"))
        finally:
            self._quiet = False
        if self.currentIndex().data(TargetRole) != current:
            self._current_changed(self.currentIndex(), QModelIndex())

    def select(self, target: Target) -> None:
        for index in self._walk():
            if index.data(TargetRole) == target:
                self.setCurrentIndex(index)
                return

    def _walk(self):
        stack = [self._model.index(r, 0) for r in range(self._model.rowCount())]
        while stack:
            index = stack.pop(0)
            yield index
            stack[0:0] = [
                self._model.index(r, 0, index) for r in range(self._model.rowCount(index))
            ]

    def _rebuild(self) -> None:
        clients = self._clients
        self.blockSignals(True)
        self._model.clear()
        root = self._model.invisibleRootItem()
        root.appendRow(_header("Demo workspace" if self._demo else "Workspace"))
        unread = sum(c.unread for c in clients)
        overdue = sum(c.overdue for c in clients)
        for i, view in enumerate(VIEWS):
            item = _item(view, Target(view), f"{view} (Ctrl+{i + 1})")
            if view == "Inbox":
                _counts(item, unread, overdue)
            elif view in self._view_counts:
                item.setData(self._view_counts[view], CountsRole)
            root.appendRow(item)
        if self._views:
            root.appendRow(_header("Saved views"))
            for view in self._views:
                tip = f"{view.name} (right-click to delete)"
                root.appendRow(_item(view.name, Target("Inbox", saved_view=view.id), tip))
        root.appendRow(_header("Clients"))
        for client in clients:
            crisis = client.id in self._crisis
            citem = _item(
                f"⚠ {client.name} — crisis" if crisis else client.name,
                Target("Inbox", client_id=client.id),
                f"{client.name}: response target {client.response_target_minutes} min"
                + ("\nIn a crisis: see the banner above the inbox" if crisis else ""),
            )
            _counts(citem, client.unread, client.overdue)
            citem.setData(client.colour, ColourRole)
            for account in client.accounts:
                label = f"{network_label(account.network)} · @{account.handle}"
                synced = account.last_synced_at
                tip = (
                    label
                    + (
                        f"\nLast synced {synced.astimezone():%a %H:%M}"
                        if synced
                        else "\nNot synced yet"
                    )
                    + (f"\nLast sync problem: {account.last_error}" if account.last_error else "")
                )
                aitem = _item(label, Target("Inbox", client.id, account.id), tip)
                _counts(aitem, account.unread, account.overdue)
                citem.appendRow(aitem)
            root.appendRow(citem)
        if not clients:
            root.appendRow(_header("No clients yet" if not self._demo else "Loading…", muted=True))
        self.expandAll()
        self.blockSignals(False)

    def _context_menu(self, pos) -> None:
        index = self.indexAt(pos)
        if not index.isValid() and self.currentIndex().isValid():  # the menu key, or empty space
            index = self.currentIndex()
            pos = self.visualRect(index).center()
        target = index.data(TargetRole)
        menu = QMenu(self)
        if target is not None and target.saved_view is not None:
            delete = menu.addAction("Delete saved view")
            delete.triggered.connect(lambda: self.deleteViewRequested.emit(target.saved_view))
        elif target is not None and target.client_id is not None and target.account_id is None:
            client = next(c for c in self._clients if c.id == target.client_id)
            mute = menu.addAction("Mute notifications for this client")
            mute.setCheckable(True)
            mute.setChecked(client.notifications_muted)
            mute.toggled.connect(lambda on: self.muteRequested.emit(client.id, on))
            voice = menu.addAction("Brand voice…")
            voice.triggered.connect(lambda: self.brandVoiceRequested.emit(client.id))
            pause = menu.addAction("Pause this client's outbox")
            pause.setCheckable(True)
            pause.setChecked(client.outbox_paused)
            pause.setToolTip("Approved replies and scheduled posts wait until you resume")
            pause.toggled.connect(lambda on: self.pauseOutboxRequested.emit(client.id, on))
            menu.addSeparator()
            edit = menu.addAction("&Edit client…")
            edit.setToolTip("Name, colour, response target, service hours and time zone")
            edit.triggered.connect(lambda: self.editClientRequested.emit(client.id))
            archive = menu.addAction("&Archive client")
            archive.setToolTip("Hide it, stop syncing it, keep everything (Clients… restores)")
            archive.triggered.connect(lambda: self.archiveClientRequested.emit(client.id))
            delete = menu.addAction("&Delete client…")
            delete.triggered.connect(lambda: self.deleteClientRequested.emit(client.id))
        if not self._demo:
            menu.addSeparator()
            add = menu.addAction("Add &client…")
            add.triggered.connect(self.addClientRequested)
        if not menu.isEmpty():
            menu.popup(self.viewport().mapToGlobal(pos))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet:
            return
        target = current.data(TargetRole)
        if target is not None:
            self.targetChosen.emit(target)


def _header(text: str, muted: bool = False) -> QStandardItem:
    item = QStandardItem(text.upper() if not muted else text)
    item.setFlags(Qt.ItemIsEnabled)
    font = item.font()
    font.setBold(not muted)
    font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
    item.setFont(font)
    item.setData(text, Qt.AccessibleTextRole)
    return item


def _counts(item: QStandardItem, unread: int, overdue: int) -> None:
    """The pills, and what they count said in the tooltip and to screen readers."""
    item.setData((unread, overdue), CountsRole)
    said = f"{unread:,} new, {overdue:,} overdue"
    item.setToolTip(f"{item.toolTip()}\n{said} (grey pill: new, not yet looked at; red: overdue)")
    item.setData(f"{item.text()}: {said}", Qt.AccessibleTextRole)


def _item(text: str, target: Target, tip: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setData(target, TargetRole)
    item.setToolTip(tip)
    item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
    return item


class _CountsDelegate(QStyledItemDelegate):
    """Draws the row as usual, then unread (neutral) and overdue (red) counts as pills on the
    right."""

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), int(QFontMetrics(option.font).lineSpacing() * 1.7))

    def paint(self, painter: QPainter, option, index) -> None:
        counts = index.data(CountsRole) or (0, 0)
        colour = index.data(ColourRole)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if colour:
            opt.rect.adjust(14, 0, 0, 0)
        font, pills = self._pill_layout(opt.rect, counts)
        # Leave room for the pills: a long handle is elided, never drawn under a count.
        room = opt.rect.width() - sum(r.width() + 4 for r, *_ in pills) - 8
        opt.text = QFontMetrics(opt.font).elidedText(opt.text, Qt.ElideRight, max(0, room))
        view = self.parent()
        view.style().drawControl(QStyle.CE_ItemViewItem, opt, painter, view)
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        if colour:
            d = QFontMetrics(opt.font).height() // 2
            r = opt.rect
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawEllipse(QRect(r.left() - 12, r.center().y() - d // 2, d, d))
        painter.setFont(font)
        for rect, fill, text_colour, label in pills:
            path = QPainterPath()
            path.addRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            painter.fillPath(path, QColor(fill))
            painter.setPen(QColor(text_colour))
            painter.drawText(rect, Qt.AlignCenter, label)
        painter.restore()

    def _pill_layout(self, rect: QRect, counts: tuple[int, int]):
        """Overdue (red) then unread (neutral) pills, right-aligned in ``rect``."""
        c = theme.colours()
        unread, overdue = counts
        font = QFont(self.parent().font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        fm = QFontMetrics(font)
        right, pills = rect.right() - 6, []
        for value, fill, text_colour in ((overdue, c.danger, "#ffffff"), (unread, c.chip, c.text)):
            if not value:
                continue
            label = f"{value:,}"
            h = fm.height()
            w = max(fm.horizontalAdvance(label) + h / 1.5, h)
            r = QRectF(right - w, rect.center().y() - h / 2 + 1, w, h)
            pills.append((r, fill, text_colour, label))
            right = int(r.left()) - 4
        return font, pills
