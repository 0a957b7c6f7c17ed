"""The History view: everything received, drafted and sent, newest first, with a search box that
speaks the history language (core/search.py) and marks what it found on the same cards as the
inbox. Enter opens a result's conversation in the inbox."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from socialdesk.app.view_models import HistoryItem
from socialdesk.app.workspace import WorkspaceController
from socialdesk.core.models import MentionStatus, network_label
from socialdesk.core.search import Query
from socialdesk.core.sla import ClockState, ResponseClock
from socialdesk.ui.feed.delegate import CardDelegate
from socialdesk.ui.feed.panel import FeedView
from socialdesk.ui.format import local_time
from socialdesk.ui.paged_list import MentionIdRole, PagedListModel, RowRole
from socialdesk.ui.widgets import plain_label

TYPING_PAUSE_MS = 250
_KIND_WORDS = {"mention": "Received", "reply": "Reply", "draft": "Draft"}
_MENTION_STATUSES = {s.value for s in MentionStatus}
HELP = """Type words to find them anywhere, accents and case ignored; every word must appear.

"order number"  — these words together
-voucher  — without this word (or -"gift card")
from:@handle  — written by this person (or by one of your accounts)
client:Ridgeway  — for this client
account:@handle  — to or from this account
network:x, network:mastodon, network:bluesky
category:complaint (question, criticism, praise, abuse, spam…)
status:new, open, replied, done, ignored, snoozed — mentions
status:sent, queued, failed, draft — your replies
after:2026-10-01  before:2026-11-01  — days, in your time zone

Example:  refund client:ridgeway after:2026-11-01 -voucher"""


class HistoryModel(PagedListModel):
    def __init__(self, controller: WorkspaceController, parent=None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._query: Query | None = None
        self._more = False

    def _item_data(self, item: HistoryItem, role: int):
        if role == RowRole:
            return item.row
        if role == MentionIdRole:
            return item.mention_id
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole):
            row = item.row
            return (
                f"{_KIND_WORDS[item.kind]}, @{row.author_handle} on {row.network}: {row.text[:280]}"
            )
        if role == Qt.ToolTipRole:
            where = f"{network_label(item.row.network)} · @{item.row.account_handle}"
            return f"{_KIND_WORDS[item.kind]} · {local_time(item.at)} · {where}"
        return None

    def _has_more(self) -> bool:
        return self._more

    def _next_page(self) -> list[HistoryItem] | None:
        if not self._items or self._query is None:
            return None
        more = self._controller.history_after(self._query, self._items[-1])
        self._more = bool(more)
        return more

    def item(self, row: int) -> HistoryItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def set_results(self, query: Query, items: list[HistoryItem], more: bool) -> None:
        self.beginResetModel()
        self._query, self._items = query, list(items)
        self._highlights = query.highlights()
        self._more = more
        self.endResetModel()


class HistoryPanel(QWidget):
    openRequested = Signal(object)  # HistoryItem
    # The keys this view handles itself (keyPressEvent, _search_or_open), for the ? sheet.
    KEYS = (
        ("From the search into the results", "Down"),
        ("Search now, or open the result's conversation", "Enter"),
        ("Clear the search", "Esc"),
    )

    def __init__(self, controller: WorkspaceController, parent=None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._asked: Query | None = None  # the search whose answer is awaited
        self.setAccessibleName("History")
        self.model = HistoryModel(controller, self)

        title = plain_label("History", wrap=False)
        title.setObjectName("panelTitle")
        self.search = QLineEdit()
        self.search.setAccessibleName("Search the history")
        self.search.setPlaceholderText(
            'Search everything  /   words, "a phrase", -word, from:@handle, client:, after:…'
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(20_000)  # longer is cut by the search itself, and said
        help_button = QToolButton(text="?", autoRaise=True)
        help_button.setAccessibleName("How to search")
        help_button.setToolTip("How to search: filters and examples")
        help_button.clicked.connect(self.show_help)
        self.notes = plain_label(role="reviewNote")
        self.notes.setAccessibleName("Search notes")
        self.summary = plain_label(role="muted", wrap=False)
        self.summary.setAccessibleName("Search results")
        # Counting every match of a common word costs more than the page: only when asked.
        self.count_button = QToolButton(text="Count all", autoRaise=True)
        self.count_button.setAccessibleName("Count all the matches")
        self.count_button.clicked.connect(self.count_all)
        self.count_button.hide()

        self.view = FeedView()
        self.view.setAccessibleName("History results")
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(controller.clock, self._clock_for, self.view))
        self.view.fit_rows_to_cards()
        self.view.activated.connect(self._open)
        self.empty = plain_label(role="muted")
        self.empty.setAlignment(Qt.AlignCenter)
        self.results = QStackedWidget()
        self.results.addWidget(self.view)
        self.results.addWidget(self.empty)

        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._typing.start)
        self.search.returnPressed.connect(self._search_or_open)

        top = QHBoxLayout()
        top.setContentsMargins(12, 8, 12, 4)
        top.addWidget(title)
        top.addWidget(self.search, 1)
        top.addWidget(help_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        self.notes.setContentsMargins(12, 0, 12, 2)
        layout.addWidget(self.notes)
        counted = QHBoxLayout()
        counted.setContentsMargins(12, 0, 12, 2)
        counted.addWidget(self.summary)
        counted.addWidget(self.count_button)
        counted.addStretch(1)
        layout.addLayout(counted)
        layout.addWidget(self.results, 1)
        controller.workspaceChanged.connect(self.run_search)

    # -- searching -------------------------------------------------------------------------------
    def run_search(self) -> None:
        self._typing.stop()
        query = self._controller.parse_query(self.search.text())
        self._asked = query
        self.notes.setText(" ".join(query.notes))
        self.notes.setVisible(query.fell_back)
        self.summary.setText("Searching…")
        self._controller.search_history(
            query, lambda items, total: self._found(query, items, total)
        )

    def _found(self, query: Query, items: list[HistoryItem], total: int | None) -> None:
        """Show the first page; ``total`` is how many match, None when more than a page do."""
        if query is not self._asked:
            return  # the user typed on meanwhile
        self.model.set_results(query, items, more=total is None)
        self._show_count(len(items), total is None)
        self.empty.setText(
            "Nothing matches this search."
            if not query.is_empty
            else "Nothing here yet: mentions, drafts and sent replies appear as they happen."
        )
        self.results.setCurrentWidget(self.view if items else self.empty)
        if items and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0))

    def _show_count(self, total: int, more: bool) -> None:
        count = f"{total:,}+" if more else f"{total:,}"
        what = "item" if total == 1 and not more else "items"
        self.summary.setText(
            f"{count} {what}, newest first — Enter opens the conversation" if total else ""
        )
        self.count_button.setVisible(more)

    def count_all(self) -> None:
        query = self._asked
        if query is None:
            return
        self.count_button.hide()
        self.summary.setText("Counting…")
        self._controller.count_history(query, lambda n: self._counted(query, n))

    def _counted(self, query: Query, total: int) -> None:
        if query is self._asked:
            self._show_count(total, more=False)

    def _search_or_open(self) -> None:
        if self._typing.isActive():
            self.run_search()
        elif self.view.currentIndex().isValid():
            self._open(self.view.currentIndex())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()

    def showEvent(self, event) -> None:
        """Up to date whenever it is opened: the history grows while the inbox is worked."""
        super().showEvent(event)
        self.run_search()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape and self.search.hasFocus() and self.search.text():
            self.search.clear()
            self.run_search()
            return
        if event.key() == Qt.Key_Down and self.search.hasFocus():
            self.view.setFocus(Qt.TabFocusReason)  # from the box straight into the results
            return
        super().keyPressEvent(event)

    def show_help(self) -> None:
        box = QMessageBox(QMessageBox.Information, "How to search the history", HELP,
                          QMessageBox.Close, self)  # fmt: skip
        box.setTextFormat(Qt.PlainText)
        box.exec()

    # -- results ---------------------------------------------------------------------------------
    def _open(self, index: QModelIndex) -> None:
        item = self.model.item(index.row())
        if item is not None:
            self.openRequested.emit(item)

    def _clock_for(self, row) -> ResponseClock:
        """A mention's clock (how fast it was answered); the manager's own words have none."""
        if row.status in _MENTION_STATUSES:
            return self._controller.clock_for(row)
        return ResponseClock(ClockState.STOPPED, 0)
