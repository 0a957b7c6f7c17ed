"""The reply composer: a plain-text editor with the network's exact counter, the tone checks beside
it (click one to see where, Apply to take its suggestion), a preview of the post as it will go out,
saved replies by picker or by typing ``;name``, and a draft that saves itself as you type.

The counter runs on every keystroke (tens of microseconds); the tone checks run once the event
queue is idle, so a burst of keys costs one check; the draft is written 600 ms after the last
change, on the store's writer thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QRect, QSize, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
)

from socialdesk.app.replies import RepliesController
from socialdesk.app.view_models import MentionRow
from socialdesk.core import replies, tone
from socialdesk.core.models import DraftState, network_label
from socialdesk.core.replies import SavedReply
from socialdesk.ui import theme
from socialdesk.ui.widgets import action_button, plain_label

if TYPE_CHECKING:
    from socialdesk.core.counter import Count


def _counter():
    """The counter, loaded with the first count rather than with the window (its link and emoji
    patterns take a tenth of a second; the controller warms them up after the first paint)."""
    from socialdesk.core import counter

    return counter


AUTOSAVE_MS = 600  # after the last keystroke: well inside the promised second
LONG_TEXT = 5_000  # past this many characters the tone checks wait for a pause in typing
SEVERITY_ICONS = {
    "block": QStyle.SP_MessageBoxCritical,
    "warning": QStyle.SP_MessageBoxWarning,
    "info": QStyle.SP_MessageBoxInformation,
}
FindingRole = Qt.UserRole + 1


@dataclass(frozen=True)
class ReplyTarget:
    """What the composer writes for: a mention of an account, or (``mention`` None) a new post."""

    account_id: int
    client_id: int
    client_name: str
    network: str
    mention: MentionRow | None = None

    @property
    def key(self) -> tuple[int, int | None]:
        return self.account_id, self.mention.id if self.mention else None

    @classmethod
    def for_mention(cls, row: MentionRow) -> ReplyTarget:
        return cls(row.account_id, row.client_id, row.client_name, row.network, row)


def python_index(text: str, qt_pos: int) -> int:
    """The Python index of QTextCursor position ``qt_pos`` (UTF-16 units) in ``text``."""
    return len(text.encode("utf-16-le")[: 2 * qt_pos].decode("utf-16-le", errors="ignore"))


class ReplyEditor(QPlainTextEdit):
    """Hands Enter, Tab and Escape to the saved-reply completer while its list is open."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.completer: QCompleter | None = None
        self.setTabChangesFocus(True)

    def sizeHint(self) -> QSize:
        # Six lines asked for, more taken when there is room: when the pane is short, the tone
        # findings under it keep their height and the editor gives way (down to five lines).
        return QSize(super().sizeHint().width(), self.fontMetrics().lineSpacing() * 6 + 12)

    def keyPressEvent(self, event) -> None:
        popup = self.completer.popup() if self.completer else None
        keys = (Qt.Key_Enter, Qt.Key_Return, Qt.Key_Escape, Qt.Key_Tab, Qt.Key_Backtab)
        if popup is not None and popup.isVisible() and event.key() in keys:
            event.ignore()
            return
        super().keyPressEvent(event)


class FindingsList(QListWidget):
    """The tone findings, as tall as what they say (up to MAX_LINES lines): the findings are why
    the composer is there, so they are not squeezed behind a scroll bar while the editor below
    them stands half empty; the editor takes what room is left."""

    MAX_LINES = 16

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        self._width = 0

    def sizeHint(self) -> QSize:
        lines = self.fontMetrics().lineSpacing()
        height = min(self._rows_height() + 2 * self.frameWidth() + 2, lines * self.MAX_LINES)
        return QSize(super().sizeHint().width(), max(height, 2 * lines))

    def _rows_height(self) -> int:
        """The rows' height wrapped at the list's width (the item delegate's own size hints
        are those of one long line)."""
        metrics = self.fontMetrics()
        icon = self.style().pixelMetric(QStyle.PM_ListViewIconSize, None, self)
        # The list's own width less a scroll bar's, whether one shows or not: measured from the
        # viewport, the height would move the scroll bar, which moves the width, which moves
        # the height… without end.
        scroll_bar = self.style().pixelMetric(QStyle.PM_ScrollBarExtent, None, self)
        inner = self.width() - 2 * self.frameWidth() - scroll_bar
        width = max(50, inner - icon - 40)  # the icon and the item's margins
        total = 0
        for i in range(self.count()):
            text = self.item(i).text()
            box = metrics.boundingRect(QRect(0, 0, width, 1_000_000), Qt.TextWordWrap, text)
            total += max(box.height(), icon) + 6
        return total

    def minimumSizeHint(self) -> QSize:
        # In a pane that scrolls (the inbox's), the findings are not squeezed: the pane scrolls
        # instead. Elsewhere (Review, the statement) they may shrink to two lines, so as not to
        # make the window taller than a small screen.
        lines = self.fontMetrics().lineSpacing()
        height = self.sizeHint().height() if self._in_scroll_area() else 2 * lines
        return QSize(super().minimumSizeHint().width(), height)

    def _in_scroll_area(self) -> bool:
        parent = self.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                return True
            parent = parent.parentWidget()
        return False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._width:  # wrapped anew: another height
            self._width = event.size().width()
            self.updateGeometry()


class Composer(QFrame):
    updated = Signal()  # counter and findings reflect the text (tests and the benchmark wait on it)
    refused = Signal(str)  # why the draft cannot be approved
    closed = Signal()  # the draft left the composer (approved, discarded, ready for review)

    def __init__(self, controller: RepliesController, *, review_mode: bool = False, parent=None):
        super().__init__(parent)
        self.setObjectName("composer")
        self.controller = controller
        self.target: ReplyTarget | None = None
        self.draft_id: int | None = None
        self.count: Count | None = None
        self.findings: list[tone.Finding] = []
        self._context = tone.ReplyContext()
        self._dirty = False
        self._loading = False
        self._matches: dict[str, SavedReply] = {}
        # Saves handed to the writer and not yet on disk: target key → (text, cursor, draft id).
        self._unsaved: dict[tuple, tuple[str, int, int | None]] = {}
        self._trigger: tuple[int, str] | None = None

        self.editor = ReplyEditor()
        self.editor.setAccessibleName("Reply text")
        self.editor.setPlaceholderText("Write your reply… (type ; and a name for a saved reply)")
        lines = self.fontMetrics().lineSpacing()
        self.editor.setMinimumHeight(lines * 5)
        self.counter = plain_label(wrap=False)
        self.counter.setAccessibleName("Characters left")
        self.counter.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.note = plain_label(role="reviewNote")
        self.note.setAccessibleName("Reviewer's note")
        self.findings_list = FindingsList()
        self.findings_list.setAccessibleName("Tone checks")
        self.findings_list.currentItemChanged.connect(self._finding_chosen)
        self.findings_list.itemActivated.connect(lambda _item: self.apply_suggestion())
        self.refusal = plain_label()
        self.refusal.setProperty("level", "over")
        self.refusal.setAccessibleName("Why the reply cannot be approved")
        self.refusal.hide()
        self.preview = plain_label(role="muted")
        self.preview.setAccessibleName("Preview as posted")
        self.audience = plain_label(role="muted")
        self.audience.setAccessibleName("Who will see the reply")
        self.audience.hide()

        self._build_completer()
        self._build_buttons(review_mode)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        self.heading = plain_label(role="sectionTitle")
        layout.addWidget(self.heading)
        layout.addWidget(self.audience)
        self._tools.addWidget(self.counter)
        layout.addLayout(self._tools)
        layout.addWidget(self.note)
        layout.addWidget(self.editor)
        layout.addWidget(self.findings_list)
        layout.addWidget(self.preview)
        layout.addWidget(self.refusal)
        layout.addLayout(self._buttons)

        self._save_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._save_timer.timeout.connect(self.save_now)
        self._tone_timer = QTimer(self, singleShot=True)
        self._tone_timer.timeout.connect(self._check_tone)
        self.editor.textChanged.connect(self._text_changed)
        self.editor.cursorPositionChanged.connect(self._cursor_moved)
        controller.draftGone.connect(self._draft_gone)
        controller.limitsChanged.connect(self._limits_changed)
        controller.draftsChanged.connect(self.reload)
        self.note.hide()

    # -- construction ----------------------------------------------------------------------------
    def _build_completer(self) -> None:
        self._completer = QCompleter(self)
        self._completer.setModel(QStringListModel(self))
        self._completer.setWidget(self.editor)
        self._completer.setCompletionMode(QCompleter.PopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseInsensitive)
        self._completer.popup().setAccessibleName("Saved replies")
        self._completer.activated[str].connect(self._insert_match)
        self.editor.completer = self._completer

    def _action(self, text: str, shortcut, slot, tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        action.setToolTip(tip)
        if shortcut:  # the Review view owns the decisions' keys around its composer
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_buttons(self, review_mode: bool) -> None:
        self.apply_action = self._action(
            "Apply", "Ctrl+Shift+A", self.apply_suggestion,
            "Apply the selected check's suggestion",
        )  # fmt: skip
        self.saved_action = self._action(
            "Saved reply…", "Ctrl+;", self.pick_saved_reply, "Insert a saved reply"
        )
        keys = not review_mode
        self.approve_action = self._action(
            "Approve", keys and "Ctrl+Return", self.approve,
            "Approve: the reply goes to the Outbox",
        )  # fmt: skip
        self.schedule_action = self._action(
            "Approve for later…", keys and "Ctrl+Alt+Return", self.approve_for_later,
            "Approve, to be posted at a time you choose",
        )  # fmt: skip
        self.ready_action = self._action(
            "Ready for review", keys and "Ctrl+Shift+Return", self.mark_ready,
            "Put the draft in the Review queue",
        )  # fmt: skip
        self.discard_action = self._action(
            "Discard", keys and "Ctrl+Shift+Backspace", self.discard,
            "Discard the draft (Ctrl+Z undoes)",
        )  # fmt: skip
        # Two short rows, so the composer fits a narrow detail pane: tools above the editor
        # (beside the counter), what to do with the draft below it.
        self._tools = QHBoxLayout()
        for action in (self.saved_action, self.apply_action):
            self._tools.addWidget(action_button(action))
        self._tools.addStretch(1)
        self._buttons = QHBoxLayout()
        if not review_mode:  # the Review view has its own approve and send-back buttons
            self._buttons.addWidget(action_button(self.discard_action))
            self._buttons.addStretch(1)
            self._buttons.addWidget(action_button(self.ready_action))
            self._buttons.addWidget(self.approve_button())

    def approve_button(self) -> QToolButton:
        """Approve, with Approve for later… in its menu."""
        button = QToolButton()
        button.setDefaultAction(self.approve_action)
        button.setPopupMode(QToolButton.MenuButtonPopup)
        button.setToolButtonStyle(Qt.ToolButtonTextOnly)
        menu = QMenu(button)
        menu.addAction(self.schedule_action)
        button.setMenu(menu)
        button.setAccessibleName("Approve")
        return button

    # -- opening and saving ----------------------------------------------------------------------
    def open(self, target: ReplyTarget, *, reload: bool = False) -> None:
        """Show the draft for ``target`` (restored with its cursor), or an empty one."""
        same = self.target is not None and self.target.key == target.key
        if same and not reload and (self._dirty or self.draft_id is not None):
            self.target = target  # the same mention, reloaded: keep what is being typed
            return
        self.save_now()
        self.target = target
        mention_id = target.mention.id if target.mention else None
        # A save of this draft may still be queued for the writer: what it holds is newer than
        # the file.
        pending = self._unsaved.get(target.key)
        draft = self.controller.draft_for(target.account_id, mention_id)
        self.draft_id = pending[2] if pending else draft.id if draft else None
        self._context = self.controller.context_for(target.account_id, target.mention)
        who = f"Reply to @{target.mention.author_handle}" if target.mention else "New post"
        state = " — waiting for review" if draft and draft.state == DraftState.READY else ""
        self.heading.setText(f"{who} on {network_label(target.network)}{state}")
        self._show_audience(target)
        self.note.setVisible(bool(draft and draft.review_note))
        self.note.setText(f"Reviewer's note: {draft.review_note}" if draft else "")
        if pending:
            self._load_text(pending[0], pending[1])
        elif draft:
            self._load_text(draft.text, draft.cursor_position)
        else:  # a new reply starts by naming the customer where the network needs it
            start = self._addressee(target)
            self._load_text(f"{start} " if start else "", len(start) + 1 if start else 0)

    def _addressee(self, target: ReplyTarget) -> str:
        handle = target.mention.author_handle if target.mention else None
        return replies.addressee(handle, target.network)

    def _show_audience(self, target: ReplyTarget) -> None:
        """Who will see the reply: it keeps the mention's audience, never wider."""
        seen_by = replies.AUDIENCE.get(target.mention.visibility) if target.mention else None
        self.audience.setText(seen_by or "")
        self.audience.setVisible(bool(seen_by))

    def _as_posted(self) -> None:
        """Show the text exactly as it will be posted (trimmed; the customer named on Mastodon)
        before it is handed on, so review and the counter see what the network will; one step
        of undo takes it back."""
        if self.target is None:
            return
        handle = self.target.mention.author_handle if self.target.mention else None
        posted = replies.as_posted(self.text, network=self.target.network, handle=handle)
        if posted != self.text:
            cursor = self.editor.textCursor()
            cursor.select(QTextCursor.Document)
            cursor.insertText(posted)
            self.editor.setTextCursor(cursor)
            self._refresh(now=True)

    def reload(self) -> None:
        """Drafts changed behind the composer (a cancel, an undo): show the stored one, unless
        something is being typed."""
        if self.target is not None and not self._dirty and not self._unsaved:
            self.open(self.target, reload=True)

    def reset(self) -> None:
        """Forget the target without saving (another workspace is open now: its ids mean other
        mentions). Save with ``save_now`` before switching."""
        self._save_timer.stop()
        self.target, self.draft_id, self._dirty = None, None, False
        self._unsaved.clear()
        self._load_text("", 0)

    def _load_text(self, text: str, cursor_position: int) -> None:
        self._loading = True
        self.editor.setPlainText(text)
        cursor = self.editor.textCursor()
        at = max(0, min(cursor_position, len(text)))
        cursor.setPosition(_counter().qt_position(text, at) if at else 0)  # 0: none loaded
        self.editor.setTextCursor(cursor)
        self._loading = False
        self._dirty = False
        self._refresh(now=True)

    def has_draft(self) -> bool:
        return self.draft_id is not None or bool(self.editor.toPlainText())

    @property
    def text(self) -> str:
        return self.editor.toPlainText()

    def save_now(self) -> None:
        """Write the draft if it changed (switching mention, closing the window)."""
        self._save_timer.stop()
        if not self._dirty or self.target is None:
            return
        self._dirty = False
        target, text = self.target, self.text
        cursor = python_index(text, self.editor.textCursor().position())
        self._unsaved[target.key] = (text, cursor, self.draft_id)

        def saved(draft_id: int) -> None:
            if self._unsaved.get(target.key, (None,))[0] == text:
                del self._unsaved[target.key]
            if self.target is not None and self.target.key == target.key:
                self.draft_id = draft_id

        self.controller.save_draft(
            target.account_id,
            target.mention.id if target.mention else None,
            text,
            cursor,
            self.draft_id,
            saved,
        )

    def _draft_gone(self, draft_id: int) -> None:
        """The draft was approved or discarded elsewhere while this one was typed: keep the text
        as a new draft rather than lose it."""
        current = self.target.key if self.target else None
        for key, (text, cursor, gone) in list(self._unsaved.items()):
            if gone == draft_id:
                del self._unsaved[key]
                if key != current:  # typed for a mention no longer shown: keep it all the same
                    self.controller.save_draft(key[0], key[1], text, cursor, None)
        if draft_id == self.draft_id:
            self.draft_id = None
            self._dirty = True
            self._save_timer.start()

    def _text_changed(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self._save_timer.start()
        self.refusal.hide()
        self._refresh()
        self._update_completer()

    def _cursor_moved(self) -> None:
        if not self._loading and self.target is not None:
            self._dirty = True  # the cursor is part of the draft
            self._save_timer.start()

    # -- counter and tone ------------------------------------------------------------------------
    def _refresh(self, now: bool = False) -> None:
        self._update_counter()
        if now:
            self._check_tone()
        else:
            self._tone_timer.start(0 if len(self.text) < LONG_TEXT else 250)

    def _limits_changed(self, account_id: int) -> None:
        if self.target and self.target.account_id == account_id:
            self._context = self.controller.context_for(account_id, self.target.mention)
            self._refresh(now=True)

    def _update_counter(self) -> None:
        if self.target is None:
            return
        text = self.text
        self.count = _counter().count(text, self.target.network, limits=self._context.limits)
        remaining, limit = self.count.remaining, self.count.limit
        level = (
            "over" if remaining < 0 else "warn" if self.count.weighted_length >= 0.9 * limit else ""
        )
        self.counter.setText(f"{remaining:,} left" if remaining >= 0 else f"{-remaining:,} over")
        self.counter.setToolTip(
            f"{self.count.weighted_length:,} of {limit:,} characters, counted the way "
            f"{network_label(self.target.network)} counts them"
        )
        if self.counter.property("level") != level:
            self.counter.setProperty("level", level)
            self.counter.style().unpolish(self.counter)
            self.counter.style().polish(self.counter)
        self._highlight(text)
        self._update_preview(text)

    def _highlight(self, text: str) -> None:
        """Links and mentions underlined; everything past the limit on a red background."""
        selections = []
        for span in self.count.entities:
            fmt = QTextCharFormat()
            fmt.setFontUnderline(True)
            selections.append(self._selection(text, span.start, span.end, fmt))
        if self.count.overflow_start is not None:
            fmt = QTextCharFormat()
            danger = QColor(theme.colours().danger)
            danger.setAlpha(60)
            fmt.setBackground(danger)
            selections.append(self._selection(text, self.count.overflow_start, len(text), fmt))
        self.editor.setExtraSelections(selections)

    def _selection(self, text: str, start: int, end: int, fmt) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(_counter().qt_position(text, start))
        cursor.setPosition(_counter().qt_position(text, end), QTextCursor.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _update_preview(self, text: str) -> None:
        posted = self.count.posted_text if self.count.posted_text is not None else text
        shown = posted if len(posted) <= 2_000 else posted[:2_000] + "…"
        self.preview.setText(
            f"As it will be posted on {network_label(self.target.network)}:\n{shown}"
            if posted.strip()
            else ""
        )
        self.preview.setVisible(bool(posted.strip()))

    def _check_tone(self) -> None:
        if self.target is None:
            return
        self.findings = tone.check(self.text, self._context)
        # Nothing written yet is no error to show in red, nor is what it lacks (an apology, a
        # next step); approving still says why it cannot go.
        empty = any(f.code == "empty" for f in self.findings)
        shown = [] if empty else self.findings
        chosen = self._chosen()
        self.findings_list.blockSignals(True)
        self.findings_list.clear()
        style = self.style()
        for finding in shown:
            item = QListWidgetItem(
                style.standardIcon(SEVERITY_ICONS[finding.severity]), finding.message
            )
            item.setData(FindingRole, finding)
            tip = f"{finding.code} ({finding.severity})"
            if finding.suggestion is not None:
                tip += f" — suggestion: {finding.suggestion or '(remove)'}"
            item.setToolTip(tip)
            item.setData(Qt.AccessibleTextRole, f"{finding.severity}: {finding.message}")
            self.findings_list.addItem(item)
        # The same finding stays chosen (by what it says, not its row), or none: Apply must
        # never take another finding's suggestion.
        for row, finding in enumerate(shown):
            if chosen is not None and (finding.code, finding.span) == (chosen.code, chosen.span):
                self.findings_list.setCurrentRow(row)
        self.findings_list.blockSignals(False)
        self.findings_list.setVisible(bool(shown))
        self.findings_list.updateGeometry()  # as tall as its findings: see FindingsList
        self._update_actions()
        self.updated.emit()

    def _update_actions(self) -> None:
        # Approve stays enabled with a blocking finding: pressing it says why it cannot go.
        self.approve_action.setEnabled(self.target is not None)
        self.ready_action.setEnabled(bool(self.text.strip()))
        self.discard_action.setEnabled(self.has_draft())
        self.apply_action.setEnabled(
            self._chosen() is not None and self._chosen().suggestion is not None
        )

    def _chosen(self) -> tone.Finding | None:
        item = self.findings_list.currentItem()
        return item.data(FindingRole) if item else None

    def _finding_chosen(self, item, _previous=None) -> None:
        finding = item.data(FindingRole) if item else None
        self._update_actions()
        if finding is None or finding.span is None:
            return
        text = self.text
        cursor = self.editor.textCursor()
        cursor.setPosition(_counter().qt_position(text, finding.span[0]))
        cursor.setPosition(_counter().qt_position(text, finding.span[1]), QTextCursor.KeepAnchor)
        self.editor.setTextCursor(cursor)

    def apply_suggestion(self) -> None:
        """Replace the finding's span with its suggestion, as one undoable edit."""
        finding = self._chosen()
        if finding is None or finding.suggestion is None:
            return
        text = self.text
        start, end = finding.span or (len(text), len(text))
        cursor = self.editor.textCursor()
        cursor.setPosition(_counter().qt_position(text, start))
        cursor.setPosition(_counter().qt_position(text, end), QTextCursor.KeepAnchor)
        cursor.insertText(finding.suggestion)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    # -- saved replies ---------------------------------------------------------------------------
    def _library(self) -> list[SavedReply]:
        return self.controller.library(self.target.client_id if self.target else None)

    def _update_completer(self) -> None:
        text = self.text
        position = python_index(text, self.editor.textCursor().position())
        self._trigger = replies.trigger_at(text, position)
        popup = self._completer.popup()
        if self._trigger is None:
            popup.hide()
            return
        found = replies.search(self._library(), self._trigger[1])[:12]
        self._matches = {self._label(r): r for r in found}
        if not found:
            popup.hide()
            return
        self._completer.model().setStringList(list(self._matches))
        self._completer.setCompletionPrefix("")
        rect = self.editor.cursorRect()
        rect.setWidth(max(popup.sizeHintForColumn(0), 16 * self.fontMetrics().averageCharWidth()))
        self._completer.complete(rect)
        popup.setCurrentIndex(self._completer.completionModel().index(0, 0))

    def _label(self, reply: SavedReply) -> str:
        where = "shared" if reply.client_id is None else self.target.client_name
        return f"{reply.name}  ({where})"

    def _insert_match(self, label: str) -> None:
        reply, trigger = self._matches.get(label), self._trigger
        if reply is None or trigger is None:
            return
        text = self.text
        end = python_index(text, self.editor.textCursor().position())
        self.insert_reply(reply, replace=(trigger[0], end))

    def pick_saved_reply(self) -> None:
        from socialdesk.ui.saved_replies import SavedRepliesDialog

        if self.target is None:
            return
        reply = SavedRepliesDialog.pick(self.controller, self.target, self)
        if reply is not None:
            self.insert_reply(reply)

    def insert_reply(self, reply: SavedReply, replace: tuple[int, int] | None = None) -> None:
        """Insert ``reply`` with its placeholders filled (over ``replace``, else at the cursor);
        a blank left for the manager (…) comes out selected, ready to type over."""
        body = self.controller.fill(reply, self.target.mention, self.target.client_name)
        text = self.text
        cursor = self.editor.textCursor()
        if replace is not None:
            cursor.setPosition(_counter().qt_position(text, replace[0]))
            cursor.setPosition(_counter().qt_position(text, replace[1]), QTextCursor.KeepAnchor)
        start = python_index(text, cursor.selectionStart())
        cursor.insertText(body)
        blank = body.find(replies.BLANK)
        if blank >= 0:
            new_text = self.text
            cursor.setPosition(_counter().qt_position(new_text, start + blank))
            cursor.setPosition(
                _counter().qt_position(new_text, start + blank + len(replies.BLANK)),
                QTextCursor.KeepAnchor,
            )
        self.editor.setTextCursor(cursor)
        self._completer.popup().hide()
        self.editor.setFocus()

    # -- handing the draft on --------------------------------------------------------------------
    def approve(self, send_at: datetime | None = None) -> None:
        if self.target is None:
            return
        self._as_posted()
        self._tone_timer.stop()
        self._check_tone()
        self.after_save(lambda: self._approve_saved(send_at))

    def approve_for_later(self) -> None:
        if self.target is None:
            return
        send_at = ScheduleDialog.ask(self.controller.now(), self)
        if send_at is not None:
            self.approve(send_at)

    def after_save(self, then) -> None:
        """Save what is typed, then call ``then`` once the draft (and its id) is on disk: the
        writer runs jobs in order, so a no-op queued behind the save finishes after it."""
        self.save_now()
        self.controller.after_writes(then)

    def _approve_saved(self, send_at: datetime | None) -> None:
        if self.draft_id is None:
            self._approve_refused_empty()
            return
        why = self.controller.approve(
            self.draft_id, self.text, self._context, send_at, on_refused=self._refuse
        )
        if why:
            self._refuse(why)
            return
        self.leave()

    def _refuse(self, why: str) -> None:
        self.refusal.setText(why)
        self.refusal.show()
        self.refused.emit(why)

    def mark_ready(self) -> None:
        if self.target is None or not self.text.strip():
            return
        self._as_posted()
        self._update_counter()
        if self.count is not None and self.count.remaining < 0:
            # Review could never approve it: say so here, where it can be shortened.
            over = -self.count.remaining
            self._refuse(
                f"Cannot send for review: {over:,} character{'s' * (over != 1)} over the "
                f"{self.count.limit:,} {network_label(self.target.network)} allows. Shorten it "
                "first (the part that does not fit is highlighted)."
            )
            return
        blanks = [f for f in tone.check(self.text, self._context) if f.code == "unfilled-template"]
        if blanks:
            self._refuse("Cannot send for review: " + blanks[0].message)
            return
        self.after_save(self._ready_saved)

    def _approve_refused_empty(self) -> None:
        self._refuse("Cannot approve: there is nothing to send yet — write a reply first.")

    def _ready_saved(self) -> None:
        if self.draft_id is not None:
            self.controller.mark_ready(self.draft_id)
            self.leave()

    def discard(self) -> None:
        if self.target is None:
            return
        self.after_save(self._discard_saved)

    def _discard_saved(self) -> None:
        if self.draft_id is not None:
            self.controller.discard(self.draft_id)
        self.leave()

    def leave(self) -> None:
        """The draft is in the review queue, the outbox or the bin: the composer lets go of it.
        Opening the mention again shows whatever is stored for it then."""
        self.target, self.draft_id = None, None
        self.note.hide()
        self.refusal.hide()
        self._load_text("", 0)
        self.closed.emit()


class ScheduleDialog(QDialog):
    """When an approved post should go out (local time)."""

    def __init__(self, now: datetime, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Approve for later")
        start = QDateTime.fromSecsSinceEpoch(int(now.timestamp()) // 3600 * 3600 + 3600)
        self.when = QDateTimeEdit(start)
        self.when.setAccessibleName("Post at")
        self.when.setCalendarPopup(True)
        self.when.setMinimumDateTime(QDateTime.fromSecsSinceEpoch(int(now.timestamp())))
        self.when.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(plain_label("The reply waits in the Outbox and is posted at this time."))
        form.addRow("&Post at", self.when)
        form.addRow(buttons)

    @classmethod
    def ask(cls, now: datetime, parent=None) -> datetime | None:
        dialog = cls(now, parent)
        if dialog.exec() != QDialog.Accepted:
            return None
        return datetime.fromtimestamp(dialog.when.dateTime().toSecsSinceEpoch(), UTC)
