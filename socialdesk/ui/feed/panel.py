"""The feed panel: title, filters, the mention list and its actions.

One view with a paging model and a painted delegate (architecture.md): 100,000 mentions cost a page
of rows, not a widget each. The view is a one-column ``QTableView`` rather than the ``QListView``
architecture.md names: QListView lays out every row again each time a page arrives (it asks the
Python model for an index per row), so scrolling to row 50,000 took 74 ms a page; a table's fixed
row height makes a page cost the same at any depth (bench_inbox).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStackedWidget,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from socialdesk.app.view_models import MentionFilter, MentionRow
from socialdesk.app.workspace import WorkspaceController
from socialdesk.ui.feed.actions import FeedActions
from socialdesk.ui.feed.delegate import CardDelegate
from socialdesk.ui.feed.empty import ALL_CLEAR, FILTERED_OUT, NO_CLIENTS, EmptyState
from socialdesk.ui.feed.filter_bar import FilterBar
from socialdesk.ui.feed.model import FeedModel, MentionIdRole, RowRole
from socialdesk.ui.widgets import ElidedLabel, plain_label


class FeedPanel(QWidget):
    currentChanged = Signal(object)  # mention id or None
    # True while the list stands for the whole workspace and it has no mentions at all (no
    # clients yet): nothing to select, search, sort or filter.
    nothingToShow = Signal(bool)

    def __init__(self, controller: WorkspaceController, parent=None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._scope = MentionFilter()
        self._before_conversation: MentionFilter | None = None
        self._scope_name = "All clients"
        self.model = FeedModel(controller, self)
        self.view = self._make_view()
        # Elided when narrow: a conversation's handle must not hold the window wide.
        self.title = ElidedLabel()
        self.title.setObjectName("panelTitle")
        self.title.setContentsMargins(12, 8, 12, 4)
        # Why the conversation shown cannot be answered (its client is archived), in words.
        self.read_only_note = plain_label(role="muted")
        self.read_only_note.setObjectName("readOnlyNote")
        self.read_only_note.setContentsMargins(12, 0, 12, 4)
        self.read_only_note.hide()
        self.filters = FilterBar()
        self.filters.changed.connect(self._filters_changed)
        self.actions = FeedActions(controller, self.view, self.selected_rows, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.filters)
        self.empty = EmptyState()
        self.empty.clearRequested.connect(self.filters.reset)
        self.body = QStackedWidget()
        self.body.addWidget(self.view)
        self.body.addWidget(self.empty)
        layout.addWidget(self.body)

        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.selectionModel().selectionChanged.connect(self.actions.update_enabled)
        self.model.modelReset.connect(self._update_title)
        self.model.rowsInserted.connect(self._update_title)
        controller.clientsChanged.connect(lambda _clients: self._update_title())
        controller.mentionChanged.connect(lambda _id: self.actions.update_enabled())
        self.actions.update_enabled()

    def _make_view(self) -> FeedView:
        view = FeedView()
        view.setModel(self.model)
        c = self._controller
        view.setItemDelegate(CardDelegate(c.clock, c.clock_for, view))
        view.fit_rows_to_cards()
        view.setContextMenuPolicy(Qt.CustomContextMenu)
        view.customContextMenuRequested.connect(
            lambda pos: self.actions.context_menu().popup(view.viewport().mapToGlobal(pos))
        )
        return view

    # -- scope and filters -----------------------------------------------------------------------
    def set_scope(self, client_id: int | None, account_id: int | None, name: str) -> None:
        leaving_conversation = self._scope.conversation_of is not None
        self._read_only("")
        self._scope = MentionFilter(client_id=client_id, account_id=account_id)
        self._scope_name = name
        if leaving_conversation and self._before_conversation is not None:
            self.filters.show_filter(self._before_conversation)  # announces the change itself
        else:
            self._filters_changed()

    def show_saved_view(self, flt: MentionFilter, name: str) -> None:
        self._read_only("")
        self._scope = MentionFilter(client_id=flt.client_id, account_id=flt.account_id)
        self._scope_name = name
        self.filters.show_filter(flt)

    def show_conversation(self, mention_id: int, name: str, read_only_because: str = "") -> None:
        """The whole conversation of one mention, oldest first, whatever its state (opened from
        the history); the mention itself selected. ``read_only_because`` (its client is
        archived, say): it can be read but not answered or changed, and the panel says why."""
        self._read_only(read_only_because)
        if self._scope.conversation_of is None:  # the inbox's own filters, to go back to
            self._before_conversation = self.filters.apply_to(MentionFilter())
        self._scope = MentionFilter(conversation_of=mention_id)
        self._scope_name = name
        self.filters.show_filter(MentionFilter(sort="oldest"))
        row = self.model.row_for(mention_id)
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row))

    def height_for_cards(self, cards: int) -> int:
        """How tall the panel must be to show ``cards`` whole cards under its title and filters."""
        chrome = self.height() - self.view.viewport().height()
        return chrome + cards * self.view.verticalHeader().defaultSectionSize()

    def _read_only(self, because: str) -> None:
        self.actions.set_read_only(bool(because))
        self.read_only_note.setText(because)
        self.read_only_note.setVisible(bool(because))

    def _filters_changed(self) -> None:
        self.model.set_filter(self.filters.apply_to(self._scope))
        self.select_first()

    def _update_title(self) -> None:
        """Says what the number counts: the sidebar's pills count new and overdue mentions
        only, this one every mention the list holds (done ones too, unless filtered out)."""
        total = self.model.total
        statuses = self.model.filter.statuses
        held = "all but snoozed" if statuses is None else " or ".join(statuses)
        self.title.setText(
            f"Inbox — {self._scope_name} · {total:,} mention{'' if total == 1 else 's'} ({held})"
            if self._controller.clients or total
            else "Inbox"
        )
        self.title.setToolTip(
            "Every mention this list holds, in the states named. The pills in the sidebar count "
            "new mentions (grey) and overdue ones (red)."
        )
        self._show_list_or_why_not(total)

    def _show_list_or_why_not(self, total: int) -> None:
        c = self._controller
        nothing = not total and not c.clients and not c.is_demo
        self.filters.setVisible(not nothing)  # no search, sort or filter over nothing at all
        self.nothingToShow.emit(nothing)
        if total or (c.is_demo and not c.clients):  # a list, or the demo still being made
            self.body.setCurrentWidget(self.view)
            return
        if not c.clients:
            self.empty.show_state(NO_CLIENTS)
        else:
            self.empty.show_state(FILTERED_OUT if self.filters.narrows else ALL_CLEAR)
        self.body.setCurrentWidget(self.empty)

    # -- selection -------------------------------------------------------------------------------
    def selected_rows(self) -> list[MentionRow]:
        indexes = self.view.selectionModel().selectedIndexes()
        if not indexes and self.view.currentIndex().isValid():
            indexes = [self.view.currentIndex()]
        return [i.data(RowRole) for i in sorted(indexes, key=lambda i: i.row())]

    def current_id(self) -> int | None:
        return self.view.currentIndex().data(MentionIdRole)

    def select_first(self) -> None:
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0))
        else:
            self.currentChanged.emit(None)

    def _current_changed(self, current, _previous) -> None:
        self.actions.update_enabled()
        self.currentChanged.emit(current.data(MentionIdRole))


class FeedView(QTableView):
    """The list of cards: one column, no headers or grid, every row the height of a card."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("feed")
        self.setAccessibleName("Mentions")
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the feed; arrows, j and k move in it
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)

    def fit_rows_to_cards(self) -> None:
        """Rows as tall as the delegate's card for the current font (it scales with the font)."""
        option = QStyleOptionViewItem()
        option.initFrom(self)
        height = self.itemDelegate().sizeHint(option, self.model().index(0, 0)).height()
        self.verticalHeader().setMinimumSectionSize(1)
        self.verticalHeader().setDefaultSectionSize(height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.FontChange and self.model() is not None:
            self.fit_rows_to_cards()
