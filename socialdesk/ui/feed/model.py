"""The mention feed's list model: pages rows in from the store as the view scrolls (fetchMore), and
puts new mentions on top without disturbing the rows below."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from socialdesk.app.workspace import MentionFilter, MentionRow, WorkspaceController
from socialdesk.core.search import fold

PAGE_SIZE = 200
RowRole = Qt.UserRole + 1
MentionIdRole = Qt.UserRole + 2
HighlightRole = Qt.UserRole + 3  # the searched terms to mark on the card (folded)
_WORD = re.compile(r"\w+")
_ROOT = QModelIndex()  # a list has one parent: the invalid root index


class FeedModel(QAbstractListModel):
    def __init__(self, controller: WorkspaceController, parent=None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._filter = MentionFilter()
        self._rows: list[MentionRow] = []
        self._highlights: tuple[str, ...] = ()
        self._total = 0
        controller.mentionsAdded.connect(self._on_mentions_added)
        controller.mentionChanged.connect(self._on_mention_changed)

    # -- Qt model API ----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == RowRole:
            return row
        if role == MentionIdRole:
            return row.id
        if role == HighlightRole:
            return self._highlights
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole):
            # What a screen reader announces for the card.
            return f"{row.author_name} (@{row.author_handle}) on {row.network}: {row.text[:280]}"
        if role == Qt.ToolTipRole:
            return _tooltip(row)
        return None

    def canFetchMore(self, parent=_ROOT) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=_ROOT) -> None:
        if parent.isValid():
            return
        more = (
            self._controller.page_after(self._filter, self._rows[-1], PAGE_SIZE)
            if self._rows
            else self._controller.page(self._filter, 0, PAGE_SIZE)
        )
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- feed API --------------------------------------------------------------------------------
    @property
    def filter(self) -> MentionFilter:
        return self._filter

    @property
    def total(self) -> int:
        return self._total

    def set_filter(self, flt: MentionFilter) -> None:
        self._filter = flt
        self._highlights = tuple(fold(w) for w in _WORD.findall(flt.text))
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._total = self._controller.count(self._filter)
        self._rows = self._controller.page(self._filter, 0, PAGE_SIZE)
        self.endResetModel()

    def row_for(self, mention_id: int) -> int | None:
        for i, row in enumerate(self._rows):
            if row.id == mention_id:
                return i
        return None

    # -- change handling -------------------------------------------------------------------------
    def _on_mentions_added(self, _ids) -> None:
        """Put new mentions where the order says, as row insertions: the rows already shown keep
        their order, so the user's selection and scroll position stay where they were."""
        total = self._controller.count(self._filter)
        added = total - self._total
        if added <= 0:
            return
        fresh = self._controller.page(self._filter, 0, len(self._rows) + added)
        old_ids = [row.id for row in self._rows]
        known = set(old_ids)
        if [row.id for row in fresh if row.id in known] != old_ids:
            self.reload()  # something else moved meanwhile: start over rather than guess
            return
        self._total = total
        for i, row in enumerate(fresh):
            if row.id not in known:
                self.beginInsertRows(QModelIndex(), i, i)
                self._rows.insert(i, row)
                self.endInsertRows()

    def _on_mention_changed(self, mention_id: int) -> None:
        i = self.row_for(mention_id)
        if i is None:
            return
        fresh = self._controller.mention_row(mention_id)
        if fresh is None:
            return
        self._rows[i] = fresh
        index = self.index(i)
        self.dataChanged.emit(index, index)


def _tooltip(row: MentionRow) -> str:
    """Why the card says what it says: the category's reasons, who decided it."""
    lines = [f"To @{row.account_handle} ({row.client_name})"]
    if row.category_overridden:
        lines.append(f"Category {row.category}: set by you (* on the card)")
    elif row.category:
        because = "; ".join(row.triage_reasons) or "no strong signal"
        lines.append(f"Category {row.category}: {because}")
    if row.author_flags:
        lines.append("Author flagged: " + ", ".join(sorted(row.author_flags)))
    return "\n".join(lines)
