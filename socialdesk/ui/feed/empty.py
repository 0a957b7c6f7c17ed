"""What the inbox shows when it has no mention to list: why, and a button that does the next
step — never a blank pane (a newcomer who left the demo found one, and no way on)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from socialdesk.ui.widgets import plain_label


@dataclass(frozen=True)
class Empty:
    title: str
    text: str
    buttons: tuple[tuple[str, str], ...]  # (label, what it asks for: a signal's name)


NO_CLIENTS = Empty(
    "Set up your first client",
    "SocialDesk answers the mentions of the brands you look after. Add a client, connect its "
    "accounts on Mastodon, Bluesky or X, and its mentions arrive here with the first sync — "
    "a few minutes, one step at a time.",
    (("Set up my clients…", "setupRequested"), ("Explore the demo instead", "demoRequested")),
)
# The other views, with no client yet: what will be there, and the same two ways on.
NO_CLIENT_VIEWS = {
    "Review": Empty(
        "Nothing to review yet",
        "Replies marked ready for review wait here, so a second look (yours or a colleague's) "
        "comes before they go out. First, set up a client and connect its accounts.",
        NO_CLIENTS.buttons,
    ),
    "Outbox": Empty(
        "Nothing waiting to be sent",
        "Approved replies wait here until their account is online, then go out exactly once. "
        "First, set up a client and connect its accounts.",
        NO_CLIENTS.buttons,
    ),
    "History": Empty(
        "No history yet",
        "Everything received, drafted and sent is kept here, searchable. It starts with your "
        "first client's first sync.",
        NO_CLIENTS.buttons,
    ),
    "Reports": Empty(
        "No client to report on yet",
        "Reports show a client's volume, first-response times against its target, sentiment and "
        "busiest hours. Set up a client, and its report fills in as mentions arrive.",
        NO_CLIENTS.buttons,
    ),
}
FILTERED_OUT = Empty(
    "No mention matches these filters",
    "Other mentions are there, hidden by the search or the filters above.",
    (("Clear the filters", "clearRequested"),),
)
ALL_CLEAR = Empty(
    "Nothing here",
    "No mention of these accounts is waiting in this list. New ones arrive with every sync.",
    (("Check for new mentions now (F5)", "syncRequested"),),
)


class EmptyState(QWidget):
    setupRequested = Signal()
    demoRequested = Signal()
    clearRequested = Signal()
    syncRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        # Never taller than the list it stands in for: the inbox keeps its share of a small window.
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Ignored)
        self.title = plain_label()
        self.title.setObjectName("emptyTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.text = plain_label(role="muted")
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch(1)
        for widget in (self.title, self.text):
            widget.setAlignment(Qt.AlignHCenter)
            layout.addWidget(widget)
        layout.addSpacing(12)
        layout.addLayout(self._buttons)
        layout.addStretch(2)
        self.shown: Empty | None = None

    def show_state(self, state: Empty) -> None:
        if state == self.shown:
            return
        self.shown = state
        self.title.setText(state.title)
        self.text.setText(state.text)
        self.setAccessibleName(state.title)
        while self._buttons.count() > 1:  # the stretch on the left stays
            item = self._buttons.takeAt(1)
            if item.widget():
                item.widget().deleteLater()
        for n, (label, wanted) in enumerate(state.buttons):
            button = QPushButton(label)
            button.clicked.connect(getattr(self, wanted).emit)
            button.setDefault(n == 0)
            self._buttons.addWidget(button)
        self._buttons.addStretch(1)
