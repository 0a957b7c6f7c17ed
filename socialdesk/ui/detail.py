"""The right-hand pane: the selected mention in full, its conversation, what can be done with it,
and the author: flags, notes, and everything they wrote to this client before.

Every label showing network text is plain text (``Qt.PlainText``): Qt would otherwise guess rich
text and render a mention's ``<img>`` or ``<b>``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from socialdesk.app.view_models import MentionDetail, MentionRow
from socialdesk.core.models import Category, MentionStatus, Network, network_label
from socialdesk.core.priority import mention_priority
from socialdesk.core.sla import ResponseClock
from socialdesk.ui.feed.actions import category_key
from socialdesk.ui.format import clock_text, local_time
from socialdesk.ui.widgets import action_button, plain_label

MAX_SHOWN_CHARS = 20_000  # a 1 MB mention is shown truncated, with a note; the store keeps it whole
THREAD_SHOWN = 5
HISTORY_SHOWN = 10

SELECT_A_MENTION = "Select a mention to see it in full."


class DetailPane(QScrollArea):
    notesSaved = Signal(int, str)  # author id, notes

    def __init__(
        self,
        clock_for: Callable[[MentionRow], ResponseClock],
        actions,
        composer: QWidget | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.composer = composer
        self._clock_for = clock_for
        self._detail: MentionDetail | None = None
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # text wraps instead
        self.setFrameShape(QFrame.NoFrame)
        self.setAccessibleName("Mention detail")
        body = QWidget(objectName="detail")
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(16, 14, 16, 14)
        self.setWidget(body)

        self._empty = plain_label(SELECT_A_MENTION, role="muted")
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
        self._triage = plain_label(role="muted")
        self._triage.setAccessibleName("Triage")
        self._actions = actions
        self._check = self._make_check(actions)
        self._sent_box = QVBoxLayout()
        self._sent_box.setSpacing(6)
        self._clock = plain_label(role="muted")

        # The feed's own actions: one shortcut, one behaviour, wherever it is triggered from.
        buttons = QHBoxLayout()
        self._buttons = {
            name: action_button(action, text)
            for name, action, text in (
                ("reply", actions.reply, "Reply"),
                ("done", actions.done, "Done"),
                ("ignore", actions.ignore, "Ignore"),
                ("reopen", actions.reopen, "Reopen"),
                ("hide", actions.hide, "Hide"),
                ("open", actions.open_link, "Open on the network"),
            )
        }
        # Two rows, so five buttons still fit a narrow pane: what to do, then where.
        more = QHBoxLayout()
        for name, button in self._buttons.items():
            (more if name in ("hide", "open") else buttons).addWidget(button)
        buttons.addStretch(1)
        more.addStretch(1)

        self._content = QWidget()
        content = QVBoxLayout(self._content)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(10)
        for widget in (self._author, self._meta):
            content.addWidget(widget)
        content.addLayout(self._thread_box)
        for widget in (self._text, self._note):
            content.addWidget(widget)
        content.addLayout(self._sent_box)
        for widget in (self._triage, self._check, self._clock):
            content.addWidget(widget)
        content.addLayout(buttons)
        content.addLayout(more)
        if composer is not None:
            content.addWidget(composer)
            composer.hide()  # until r, or a draft to come back to
        content.addWidget(self._make_author_panel())
        content.addStretch(1)
        self._layout.addWidget(self._empty)
        self._layout.addWidget(self._content)
        self.show_detail(None)

    def _make_check(self, actions) -> QWidget:
        """For a category triage was not sure of: keep it (the manager's call, sure from then on)
        or change it, right under the reasons."""
        check = QWidget()
        row = QHBoxLayout(check)
        row.setContentsMargins(0, 0, 0, 0)
        self._keep = QPushButton()
        self._keep.clicked.connect(self._keep_category)
        self._change = QPushButton("Change category")
        self._change.setToolTip("File it under the right category (1–8)")
        self._change.setMenu(actions.category_menu(self))
        row.addWidget(self._keep)
        row.addWidget(self._change)
        row.addStretch(1)
        return check

    def _keep_category(self) -> None:
        row = self._detail.row if self._detail else None
        if row and row.category:
            self._actions.categories[list(Category).index(Category(row.category))].trigger()

    def _make_author_panel(self) -> QFrame:
        panel = QFrame(objectName="authorPanel")
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 8, 0, 0)
        self._author_title = plain_label(role="sectionTitle")
        self._notes = QPlainTextEdit()
        self._notes.setAccessibleName("Notes about this author")
        self._notes.setPlaceholderText("Notes about this person, for you only (not posted).")
        self._notes.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self._notes.setTabChangesFocus(True)
        save = QPushButton("Save note")
        save.clicked.connect(self._save_notes)
        self._history_box = QVBoxLayout()
        self._history_box.setSpacing(4)
        box.addWidget(self._author_title)
        box.addWidget(self._notes)
        box.addWidget(save, 0, Qt.AlignRight)
        box.addLayout(self._history_box)
        return panel

    def show_nothing_to_select(self, nothing: bool) -> None:
        """With no mentions at all, "Select a mention" asks the impossible: the pane stays
        blank (the feed says what to do)."""
        self._empty.setText("" if nothing else SELECT_A_MENTION)

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
        flags = "".join(f"  [{flag.upper()}]" for flag in sorted(row.author_flags))
        self._author.setText(f"{row.author_name}  @{row.author_handle}{flags}")
        self._meta.setText(
            f"{network_label(row.network)} · to @{row.account_handle} ({row.client_name})"
            f" · {local_time(row.created_at)}{_SEEN_BY.get(row.visibility, '')}"
        )
        _fill(self._thread_box, "Earlier in this conversation", detail.thread[-THREAD_SHOWN:])
        self._text.setText(row.text[:MAX_SHOWN_CHARS])
        _fill_sent(self._sent_box, row.account_handle, detail.sent_replies)
        self._note.setVisible(len(row.text) > MAX_SHOWN_CHARS)
        self._note.setText(
            f"Showing the first {MAX_SHOWN_CHARS:,} of {len(row.text):,} characters."
        )
        self._triage.setText(_triage_text(row, self._clock_for(row), detail.repeat_complainer))
        self._triage.setVisible(bool(row.category))
        self._check.setVisible(bool(row.category) and not row.triage_sure)
        if row.category:
            key = category_key(row.category)
            self._keep.setText(f"Keep “{row.category}”")
            self._keep.setToolTip(f"Triage was right: file it as {row.category} yourself ({key})")
        label = clock_text(self._clock_for(row))
        target = f"target {row.response_target_minutes} service min"
        hidden = f" · hidden on {network_label(row.network)}" if row.hidden else ""
        self._clock.setText(
            f"Status: {row.status}{hidden}" + (f" · {label} ({target})" if label else "")
        )
        # Only what makes sense now, so the row fits a narrow pane: Reopen for handled mentions.
        waiting = MentionStatus(row.status).awaits_reply
        self._buttons["done"].setVisible(waiting)
        self._buttons["ignore"].setVisible(waiting)
        self._buttons["reopen"].setVisible(not waiting)
        # Offered for what one hides (abuse, spam) or has hidden; the menu has it for any reply.
        hideable = Network(row.network).hides_replies and row.category in _HIDDEN_KINDS
        self._buttons["hide"].setVisible(hideable or row.hidden)
        self._buttons["hide"].setText("Show again" if row.hidden else "Hide")
        # "Open" alone could mean open a reply, or a conversation: it opens the post on its network.
        self._buttons["open"].setText(f"Open on {network_label(row.network)}")
        count = detail.author_mention_count
        self._author_title.setText(
            f"About @{row.author_handle}: {count} mention{'s' if count != 1 else ''} in all"
        )
        if self._notes.toPlainText() != detail.author_notes:
            self._notes.setPlainText(detail.author_notes)
        _fill(
            self._history_box,
            f"Earlier to {row.client_name}",
            detail.author_history[:HISTORY_SHOWN],
        )

    def _save_notes(self) -> None:
        if self._detail:
            self.notesSaved.emit(self._detail.row.author_id, self._notes.toPlainText())


def _triage_text(row: MentionRow, clock: ResponseClock, repeat_complainer: bool) -> str:
    """The category and why, then the priority and why (weighed again now: the clock moves)."""
    if not row.category:
        return ""
    if row.category_overridden:
        text = f"{row.category.capitalize()} (your category)"
    elif not row.triage_sure:  # its reasons say why, in their "check: …" line
        text = f"{row.category.capitalize()}? (triage, not sure)"
    else:
        text = f"{row.category.capitalize()} (triage)"
    if row.triage_reasons and not row.category_overridden:
        text += " · because " + "; ".join(row.triage_reasons)
    if row.priority:
        level, why = mention_priority(
            row.category,
            row.sentiment,
            author_flags=row.author_flags,
            repeat_complainer=repeat_complainer,
            clock=clock,
        )
        text += f" · {row.priority} priority"
        if level == row.priority and why:
            text += ": " + "; ".join(why)
    return text


def _clear(box: QVBoxLayout) -> None:
    while box.count():
        item = box.takeAt(0)
        if item.widget():
            item.widget().deleteLater()


_HIDDEN_KINDS = (Category.ABUSE, Category.SPAM)  # what one hides rather than answers

# Said where a mention was not public, so nobody answers a private word in public.
_SEEN_BY = {"direct": " · 🔒 direct message", "private": " · 🔒 followers only"}


def _fill(box: QVBoxLayout, title: str, rows: list[MentionRow]) -> None:
    """Replace ``box``'s contents with a titled list of earlier mentions (plain text)."""
    _clear(box)
    if not rows:
        return
    box.addWidget(plain_label(title, role="muted"))
    for earlier in rows:
        frame = QFrame(objectName="threadItem")
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(10, 6, 10, 6)
        status = "" if earlier.status == MentionStatus.NEW else f" · {earlier.status}"
        inner.addWidget(
            plain_label(
                f"@{earlier.author_handle} · {local_time(earlier.created_at)}{status}", role="muted"
            )
        )
        inner.addWidget(plain_label(earlier.text[:2_000]))
        box.addWidget(frame)


def _fill_sent(box: QVBoxLayout, handle: str, sent: list) -> None:
    """The replies SocialDesk posted in this conversation, under the mention they answer."""
    _clear(box)
    for at, text in sent:
        frame = QFrame(objectName="threadItem")
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(10, 6, 10, 6)
        inner.addWidget(plain_label(f"You replied as @{handle} · {local_time(at)}", role="muted"))
        inner.addWidget(plain_label(text[:2_000]))
        box.addWidget(frame)
