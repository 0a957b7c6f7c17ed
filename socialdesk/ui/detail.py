"""The right-hand pane: the selected mention in full, its conversation, and what can be done with
it.

Every label showing network text is plain text (``Qt.PlainText``): Qt would otherwise guess rich
text and render a mention's ``<img>`` or ``<b>``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from socialdesk.app.workspace import MentionDetail, MentionRow
from socialdesk.core.models import MentionStatus, network_label
from socialdesk.core.sla import ResponseClock
from socialdesk.ui.format import clock_text, local_time

MAX_SHOWN_CHARS = 20_000  # a 1 MB mention is shown truncated, with a note; the store keeps it whole


def plain_label(text: str = "", *, role: str | None = None, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
    if role:
        label.setProperty("role", role)
    return label


class DetailPane(QScrollArea):
    statusRequested = Signal(int, str)  # mention id, new status

    def __init__(self, clock_for: Callable[[MentionRow], ResponseClock], parent=None) -> None:
        super().__init__(parent)
        self._clock_for = clock_for
        self._detail: MentionDetail | None = None
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # text wraps instead
        self.setFrameShape(QFrame.NoFrame)
        self.setAccessibleName("Mention detail")
        body = QWidget(objectName="detail")
        self.setWidget(body)
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(18, 16, 18, 16)
        self._layout.setSpacing(10)

        self._empty = plain_label("Select a mention to see it in full.", role="muted")
        self._empty.setAlignment(Qt.AlignCenter)
        self._author = plain_label(wrap=False)
        self._author.setObjectName("detailAuthor")
        self._meta = plain_label(role="muted")
        self._thread_box = QVBoxLayout()
        self._thread_box.setSpacing(6)
        self._text = plain_label()
        self._text.setAccessibleName("Mention text")
        self._text.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        font = self._text.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self._text.setFont(font)
        self._note = plain_label(role="muted")
        self._clock = plain_label(role="muted")
        self._history = plain_label(role="muted")

        self._done = self._button("Mark done", "E", MentionStatus.DONE)
        self._ignore = self._button("Ignore", "Shift+I", MentionStatus.IGNORED)
        self._reopen = self._button("Reopen", "Shift+U", MentionStatus.OPEN)
        self._open_link = QPushButton("Open on network")
        self._open_link.setToolTip("Open this mention in your web browser (O)")
        self._open_link.setShortcut(QKeySequence("O"))
        self._open_link.clicked.connect(self._open_url)
        actions = QHBoxLayout()
        for b in (self._done, self._ignore, self._reopen, self._open_link):
            actions.addWidget(b)
        actions.addStretch(1)

        self._content = QWidget()
        content = QVBoxLayout(self._content)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(10)
        content.addWidget(self._author)
        content.addWidget(self._meta)
        content.addLayout(self._thread_box)
        content.addWidget(self._text)
        content.addWidget(self._note)
        content.addWidget(self._clock)
        content.addWidget(self._history)
        content.addLayout(actions)
        content.addStretch(1)
        self._layout.addWidget(self._empty)
        self._layout.addWidget(self._content)
        self.show_detail(None)

    def _button(self, text: str, key: str, status: MentionStatus) -> QPushButton:
        b = QPushButton(text)
        b.setToolTip(f"{text} ({key})")
        b.setShortcut(QKeySequence(key))
        b.clicked.connect(lambda: self._request(status))
        return b

    @property
    def mention_id(self) -> int | None:
        return self._detail.row.id if self._detail else None

    def show_detail(self, detail: MentionDetail | None) -> None:
        self._detail = detail
        self._empty.setVisible(detail is None)
        self._content.setVisible(detail is not None)
        if detail is None:
            return
        row = detail.row
        self._author.setText(f"{row.author_name}  @{row.author_handle}")
        network = network_label(row.network)
        self._meta.setText(
            f"{network} · to @{row.account_handle} ({row.client_name})"
            f" · {local_time(row.created_at)}"
        )
        self._set_thread(detail.thread)
        text = row.text
        self._text.setText(text[:MAX_SHOWN_CHARS])
        self._note.setVisible(len(text) > MAX_SHOWN_CHARS)
        self._note.setText(f"Showing the first {MAX_SHOWN_CHARS:,} of {len(text):,} characters.")
        status = MentionStatus(row.status)
        label = clock_text(self._clock_for(row))
        target = f"target {row.response_target_minutes} service min"
        self._clock.setText(f"Status: {status.value}" + (f" · {label} ({target})" if label else ""))
        count = detail.author_mention_count
        self._history.setVisible(count > 1)
        self._history.setText(
            f"Repeat customer: {count} mentions from this person in your history."
        )
        self._done.setEnabled(status != MentionStatus.DONE)
        self._ignore.setEnabled(status != MentionStatus.IGNORED)
        self._reopen.setEnabled(not status.awaits_reply)
        self._open_link.setEnabled(bool(row.url))

    def _set_thread(self, thread: list[MentionRow]) -> None:
        while self._thread_box.count():
            item = self._thread_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if not thread:
            return
        self._thread_box.addWidget(plain_label("Earlier in this conversation", role="muted"))
        for earlier in thread[-5:]:
            frame = QFrame(objectName="threadItem")
            box = QVBoxLayout(frame)
            box.setContentsMargins(10, 6, 10, 6)
            box.addWidget(
                plain_label(
                    f"@{earlier.author_handle} · {local_time(earlier.created_at)}", role="muted"
                )
            )
            box.addWidget(plain_label(earlier.text[:2_000]))
            self._thread_box.addWidget(frame)

    def _request(self, status: MentionStatus) -> None:
        if self._detail:
            self.statusRequested.emit(self._detail.row.id, status.value)

    def _open_url(self) -> None:
        if self._detail and self._detail.row.url:
            QDesktopServices.openUrl(QUrl(self._detail.row.url))
