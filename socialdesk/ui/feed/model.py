"""The mention feed's list model: pages rows in from the store as the view scrolls (fetchMore), and
puts new mentions on top without disturbing the rows below."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt

from socialdesk.app.view_models import MentionFilter, MentionRow
from socialdesk.app.workspace import WorkspaceController
from socialdesk.core.search import fold
from socialdesk.ui.paged_list import HighlightRole, MentionIdRole, PagedListModel, RowRole

__all__ = ["PAGE_SIZE", "FeedModel", "HighlightRole", "MentionIdRole", "RowRole"]

PAGE_SIZE = 200
_WORD = re.compile(r"\w+")


class FeedModel(PagedListModel):
    def __init__(self, controller: WorkspaceController, parent=None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._filter = MentionFilter()
        self._total = 0
        controller.mentionsAdded.connect(self._on_mentions_added)
        controller.mentionChanged.connect(self._on_mention_changed)

    # -- paging ----------------------------------------------------------------------------------
    def _item_data(self, row: MentionRow, role: int):
        if role == RowRole:
            return row
        if role == MentionIdRole:
            return row.id
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole):
            # What a screen reader announces for the card.
            return f"{row.author_name} (@{row.author_handle}) on {row.network}: {row.text[:280]}"
        if role == Qt.ToolTipRole:
            return _tooltip(row)
        return None

    def _has_more(self) -> bool:
        return len(self._items) < self._total

    def _next_page(self) -> list[MentionRow]:
        if self._items:
            return self._controller.page_after(self._filter, self._items[-1], PAGE_SIZE)
        return self._controller.page(self._filter, 0, PAGE_SIZE)

    def _at_end(self) -> None:
        self._total = len(self._items)

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
        self._items = self._controller.page(self._filter, 0, PAGE_SIZE)
        self.endResetModel()

    def row_for(self, mention_id: int) -> int | None:
        for i, row in enumerate(self._items):
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
        fresh = self._controller.page(self._filter, 0, len(self._items) + added)
        old_ids = [row.id for row in self._items]
        known = set(old_ids)
        if [row.id for row in fresh if row.id in known] != old_ids:
            self.reload()  # something else moved meanwhile: start over rather than guess
            return
        self._total = total
        for i, row in enumerate(fresh):
            if row.id not in known:
                self.beginInsertRows(QModelIndex(), i, i)
                self._items.insert(i, row)
                self.endInsertRows()

    def _on_mention_changed(self, mention_id: int) -> None:
        i = self.row_for(mention_id)
        if i is None:
            return
        fresh = self._controller.mention_row(mention_id)
        if fresh is None:
            return
        self._items[i] = fresh
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
