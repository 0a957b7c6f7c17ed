"""The mention feed's list model: pages rows in from the store as the view scrolls (fetchMore), and
puts new mentions on top without disturbing the rows below.

Only the pages used last are kept as cards (``KEPT_PAGES``); the others shrink to their mention
ids and are read back if they come into view again. A feed scrolled through 100,000 mentions holds
a few thousand cards, not 100,000 (80 MB)."""

from __future__ import annotations

import re
from collections import OrderedDict

from PySide6.QtCore import QModelIndex, Qt

from socialdesk.app.view_models import MentionFilter, MentionRow
from socialdesk.app.workspace import WorkspaceController
from socialdesk.core.models import DraftState
from socialdesk.core.search import fold
from socialdesk.ui.feed.actions import category_key
from socialdesk.ui.paged_list import HighlightRole, MentionIdRole, PagedListModel, RowRole

__all__ = ["PAGE_SIZE", "FeedModel", "HighlightRole", "MentionIdRole", "RowRole"]

# A page is read in the frame that scrolls to it, so it is small: at 100,000 mentions a scroll
# step's p95 was 17-19 ms with pages of 200, 13-20 ms with 100 and 15-16 ms with 50, alternating
# runs on one machine (bench_inbox; a frame is 16 ms). 50 cards are five screens or more.
PAGE_SIZE = 50
KEPT_PAGES = 40  # pages kept as cards (2,000); the rest as their ids
_WORD = re.compile(r"\w+")


# What a card says of its live reply draft (MentionRow.draft), on screen and to a screen reader.
DRAFT_CHIP = {DraftState.EDITING: "✎ draft", DraftState.READY: "✎ in review"}
DRAFT_SAID = {
    DraftState.EDITING: "A reply draft being written",
    DraftState.READY: "A reply waiting for review",
}


class FeedModel(PagedListModel):
    def __init__(self, controller: WorkspaceController, parent=None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._filter = MentionFilter()
        self._total = 0
        self._kept: OrderedDict[int, None] = OrderedDict()  # pages held as cards, oldest use first
        controller.mentionsAdded.connect(self._on_mentions_added)
        controller.mentionChanged.connect(self._on_mention_changed)

    # -- paging ----------------------------------------------------------------------------------
    def data(self, index, role=Qt.DisplayRole):
        if role != HighlightRole and index.isValid() and 0 <= index.row() < len(self._items):
            self._keep(index.row() // PAGE_SIZE)
        return super().data(index, role)

    def fetchMore(self, parent=None) -> None:
        first = len(self._items)
        super().fetchMore(*(() if parent is None else (parent,)))
        for page in range(first // PAGE_SIZE, (len(self._items) - 1) // PAGE_SIZE + 1):
            self._keep(page)

    def _keep(self, page: int) -> None:
        """Hold ``page`` as cards (reading back the ones let go), and let the pages used longest
        ago go back to their ids — never the last page, where paging goes on from."""
        if page in self._kept:
            self._kept.move_to_end(page)
            return
        start = page * PAGE_SIZE
        for i in range(start, min(start + PAGE_SIZE, len(self._items))):
            if isinstance(self._items[i], int):
                self._items[i] = self._controller.mention_row(self._items[i]) or self._items[i]
        self._kept[page] = None
        last = (len(self._items) - 1) // PAGE_SIZE
        for old in list(self._kept)[: max(0, len(self._kept) - KEPT_PAGES)]:
            if old != last:
                del self._kept[old]
                end = min(old * PAGE_SIZE + PAGE_SIZE, len(self._items))
                self._items[old * PAGE_SIZE : end] = [
                    _id(x) for x in self._items[old * PAGE_SIZE : end]
                ]

    def _item_data(self, row: MentionRow | int, role: int):
        if isinstance(row, int):
            return None  # gone from the store since it was listed
        if role == RowRole:
            return row
        if role == MentionIdRole:
            return row.id
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole):
            # What a screen reader announces for the card, its category last (as on the card).
            said = f"{row.author_name} (@{row.author_handle}) on {row.network}: {row.text[:280]}"
            if row.category and not row.triage_sure:
                said += f". Category {row.category}, unsure: check it"
            elif row.category:
                said += f". Category {row.category}"
            if row.draft:
                said += ". " + DRAFT_SAID[row.draft]
            return said
        if role == Qt.ToolTipRole:
            return _tooltip(row)
        return None

    def _has_more(self) -> bool:
        return len(self._items) < self._total

    def _next_page(self) -> list[MentionRow]:
        if self._items:
            self._keep((len(self._items) - 1) // PAGE_SIZE)  # the last card: where paging goes on
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
        self._kept.clear()
        self._total = self._controller.count(self._filter)
        self._items = self._controller.page(self._filter, 0, PAGE_SIZE)
        self.endResetModel()

    def row_for(self, mention_id: int) -> int | None:
        for i, row in enumerate(self._items):
            if _id(row) == mention_id:
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
        # Where they go, by id: the rows held are not read again (100,000 of them, scrolled).
        ids = self._controller.page_ids(self._filter, len(self._items) + added)
        old_ids = [_id(row) for row in self._items]
        known = set(old_ids)
        fresh = {row.id: row for row in self._controller.rows([i for i in ids if i not in known])}
        if [i for i in ids if i in known] != old_ids or len(known) + len(fresh) != len(ids):
            self.reload()  # something else moved meanwhile: start over rather than guess
            return
        self._total = total
        for i, mention_id in enumerate(ids):
            if mention_id in fresh:
                self.beginInsertRows(QModelIndex(), i, i)
                self._items.insert(i, fresh[mention_id])
                self.endInsertRows()

    def _on_mention_changed(self, mention_id: int) -> None:
        i = self.row_for(mention_id)
        if i is None:
            return
        if isinstance(self._items[i], int):
            return  # let go: read afresh when it is shown again
        fresh = self._controller.mention_row(mention_id)
        if fresh is None:
            return
        self._items[i] = fresh
        index = self.index(i)
        self.dataChanged.emit(index, index)


def _id(item: MentionRow | int) -> int:
    return item if isinstance(item, int) else item.id


CHECK = "check: "  # how an unsure call's reason begins (core.triage)


def unsure_advice(row: MentionRow) -> str:
    """Why a call is marked "check", and how to settle it: its reason's "check: …" line, then the
    keys that file it (its own number keeps triage's category)."""
    why = next((r.removeprefix(CHECK) for r in row.triage_reasons if r.startswith(CHECK)), "")
    key = category_key(row.category) if row.category else "1–8"
    return (
        f"Not sure: {why or 'triage had little to go on'}.\n"
        f"Press 1–8 to change the category if it is wrong (or Set category in the right-click"
        f" menu); press {key} to keep {row.category}.\n"
        "Filter › To check lists every call like this."
    )


def _tooltip(row: MentionRow) -> str:
    """Why the card says what it says: the category's reasons, who decided it."""
    lines = [f"To @{row.account_handle} ({row.client_name})"]
    if row.category_overridden:
        lines.append(f"Category {row.category}: set by you (* on the card)")
    elif row.category:
        because = "; ".join(r for r in row.triage_reasons if not r.startswith(CHECK))
        lines.append(f"Category {row.category}: {because or 'no strong signal'}")
        if not row.triage_sure:
            lines.append(unsure_advice(row))
    if row.author_flags:
        lines.append("Author flagged: " + ", ".join(sorted(row.author_flags)))
    return "\n".join(lines)
