"""The sort order and filters above the feed: a search box (``/``), a sort box, a Filter menu
(status, category, priority, network, overdue only, to check) and a one-line summary of what is
filtered, with Clear. "To check" lists the calls triage was not sure of, to sweep and file them.
Compact
enough for a narrow window, and all of it reachable from the keyboard. The client or account scope
comes from the sidebar."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QMenu, QPushButton, QWidget

from socialdesk.app.view_models import MentionFilter
from socialdesk.core.models import Category, MentionStatus, Network, Priority
from socialdesk.ui.widgets import ElidedLabel

# (label, value) per choice; the first of each group (None) means "any".
SORTS = (("Most urgent", "urgent"), ("Newest", "newest"), ("Oldest", "oldest"))
GROUPS = {
    "statuses": (
        "Status",
        (
            ("All but snoozed", None),
            ("Needs a reply", (MentionStatus.NEW.value, MentionStatus.OPEN.value)),
            *(
                (s.value.capitalize(), (s.value,))
                for s in (MentionStatus.NEW, MentionStatus.OPEN, MentionStatus.SNOOZED)
            ),
            *(
                (s.value.capitalize(), (s.value,))
                for s in (MentionStatus.REPLIED, MentionStatus.DONE, MentionStatus.IGNORED)
            ),
        ),
    ),
    "categories": (
        "Category",
        (("Any category", None), *((c.value.capitalize(), (c.value,)) for c in Category)),
    ),
    "priorities": (
        "Priority",
        (
            ("Any priority", None),
            ("Urgent", (Priority.URGENT.value,)),
            ("Urgent or high", (Priority.URGENT.value, Priority.HIGH.value)),
            ("Normal", (Priority.NORMAL.value,)),
            ("Low", (Priority.LOW.value,)),
        ),
    ),
    "network": ("Network", (("Any network", None), *((n.label, n.value) for n in Network))),
}


class FilterBar(QWidget):
    changed = Signal()
    saveRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.sort = QComboBox()
        self.sort.setAccessibleName("Sort order")
        for label, value in SORTS:
            self.sort.addItem(label, value)
        self.sort.currentIndexChanged.connect(self.changed)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search  /")
        self.search.setAccessibleName("Search mentions")
        self.search.setToolTip("Words the mention must contain (/ to jump here, Esc to clear)")
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(1_000)
        # Its hint whole, also with large text in a narrow feed (frame and margins: 16 px).
        hint = self.search.fontMetrics().horizontalAdvance(self.search.placeholderText())
        self.search.setMinimumWidth(hint + 16)
        # Search as the user types, once they pause: not a query per keystroke.
        self._typing = QTimer(self, singleShot=True, interval=250)
        self._typing.timeout.connect(self.changed)
        self.search.textChanged.connect(self._typing.start)
        self.search.returnPressed.connect(self._search_now)
        self._groups: dict[str, QActionGroup] = {}
        self.menu = QMenu("Filter", self)
        for field, (title, choices) in GROUPS.items():
            self._groups[field] = self._group(self.menu.addMenu(title), choices)
        self.menu.addSeparator()
        self.overdue = self.menu.addAction("Overdue only")
        self.overdue.setCheckable(True)
        self.overdue.toggled.connect(self.changed)
        # A menu item, not a button: the bar already sets the feed's narrowest width.
        self.unsure = self.menu.addAction("To check (unsure category)")
        self.unsure.setCheckable(True)
        self.unsure.setToolTip(
            "Only the mentions whose category triage was not sure of (“praise?” on the card):"
            " file each with 1–8, and it leaves this list"
        )
        self.unsure.toggled.connect(self.changed)
        self.menu.setToolTipsVisible(True)
        button = QPushButton("&Filter")
        button.setAccessibleName("Filter")
        button.setMenu(self.menu)
        # Gives way first, down to "…" (the whole summary in its tooltip): the search field keeps
        # its hint and the feed no wider than before.
        self.summary = ElidedLabel()
        self.summary.setProperty("role", "muted")
        self.summary.setMinimumWidth(self.summary.fontMetrics().horizontalAdvance("…") + 4)
        self.clear = QPushButton("Clear")
        self.clear.setToolTip("Show everything in this scope again")
        self.clear.clicked.connect(self.reset)
        save = QPushButton("Save view…")
        save.setToolTip("Keep this filter in the sidebar (Ctrl+Shift+S)")
        save.clicked.connect(self.saveRequested)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 0, 12, 6)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.sort)
        layout.addWidget(button)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.clear)
        layout.addWidget(save)
        self.changed.connect(self._show_summary)
        self._show_summary()

    def _group(self, menu: QMenu, choices) -> QActionGroup:
        group = QActionGroup(menu)
        for label, value in choices:
            action = QAction(label, menu, checkable=True)
            action.setData(value)
            group.addAction(action)
            menu.addAction(action)
        group.actions()[0].setChecked(True)
        group.triggered.connect(lambda _action: self.changed.emit())
        return group

    def _value(self, field: str):
        return self._groups[field].checkedAction().data()

    def apply_to(self, base: MentionFilter) -> MentionFilter:
        """``base`` (the sidebar's scope) narrowed by the choices made here."""
        return replace(
            base,
            sort=self.sort.currentData(),
            overdue_only=self.overdue.isChecked(),
            unsure_only=self.unsure.isChecked(),
            text=self.search.text().strip(),
            **{field: self._value(field) for field in GROUPS},
        )

    def show_filter(self, flt: MentionFilter) -> None:
        """Set every control from ``flt`` (a saved view), then announce the change once."""
        self.blockSignals(True)
        try:
            self.sort.setCurrentIndex(max(self.sort.findData(flt.sort), 0))
            for field, group in self._groups.items():
                wanted = getattr(flt, field)
                match = [a for a in group.actions() if a.data() == wanted] or group.actions()[:1]
                match[0].setChecked(True)
            self.overdue.setChecked(flt.overdue_only)
            self.unsure.setChecked(flt.unsure_only)
            self.search.setText(flt.text)
            self._typing.stop()
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def reset(self) -> None:
        self.show_filter(MentionFilter(sort=self.sort.currentData()))

    @property
    def narrows(self) -> bool:
        """Whether a search or a filter hides part of the scope (what Clear would undo)."""
        return self.clear.isEnabled()

    def _show_summary(self) -> None:
        parts = [
            group.checkedAction().text()
            for group in self._groups.values()
            if group.checkedAction().data() is not None
        ]
        if self.overdue.isChecked():
            parts.append("Overdue only")
        if self.unsure.isChecked():
            parts.append("To check")
        if self.search.text().strip():
            parts.append(f"“{self.search.text().strip()[:40]}”")
        self.summary.setText(" · ".join(parts) if parts else "No filter")
        self.clear.setEnabled(bool(parts))

    def _search_now(self) -> None:
        self._typing.stop()
        self.changed.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape and self.search.hasFocus() and self.search.text():
            self.search.clear()
            self._search_now()
            return
        super().keyPressEvent(event)
