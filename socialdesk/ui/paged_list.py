"""A list model that pages its items in as the view scrolls (``canFetchMore``/``fetchMore``): the
feed and the history are both one of these, painted by the same card delegate.

A subclass says how to read the next page and what each item shows; the roles the delegate reads
are the same for both.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

RowRole = Qt.UserRole + 1  # the MentionRow the card paints
MentionIdRole = Qt.UserRole + 2  # the mention to open (None for a new post)
HighlightRole = Qt.UserRole + 3  # the searched terms to mark on the card (folded)
_ROOT = QModelIndex()  # a list has one parent: the invalid root index


class PagedListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []
        self._highlights: tuple[str, ...] = ()

    # -- what a subclass says --------------------------------------------------------------------
    def _has_more(self) -> bool:
        raise NotImplementedError

    def _next_page(self) -> list[Any] | None:
        """The items after the last one shown; [] at the end; None: nothing to read from."""
        raise NotImplementedError

    def _at_end(self) -> None:
        """The last read found nothing more."""

    def _item_data(self, item: Any, role: int) -> Any:
        """RowRole, MentionIdRole, the accessible text and the tooltip of ``item``."""
        raise NotImplementedError

    # -- Qt model API ----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        if role == HighlightRole:
            return self._highlights
        return self._item_data(self._items[index.row()], role)

    def canFetchMore(self, parent=_ROOT) -> bool:
        return not parent.isValid() and self._has_more()

    def fetchMore(self, parent=_ROOT) -> None:
        if parent.isValid():
            return
        more = self._next_page()
        if more is None:
            return
        if not more:
            self._at_end()
            return
        first = len(self._items)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._items.extend(more)
        self.endInsertRows()
