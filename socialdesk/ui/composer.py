"""The reply composer: a plain-text editor with the network's exact counter, the tone checks beside
it (click one to see where, Apply to take its suggestion), a preview of the post as it will go out,
saved replies by picker or by typing ``;name``, and a draft that saves itself as you type.

The counter runs on every keystroke (tens of microseconds); the tone checks run once the event
queue is idle, so a burst of keys costs one check; the draft is written 600 ms after the last
change, on the store's writer thread.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMenu, QToolButton, QVBoxLayout

from socialdesk.app.replies import RepliesController
from socialdesk.core import replies, tone
from socialdesk.core.models import DraftState, network_label
from socialdesk.core.replies import SavedReply
from socialdesk.ui.count_display import show_count, show_preview
from socialdesk.ui.draft_saves import DraftSaves
from socialdesk.ui.reply_editor import ReplyEditor, counter_module, python_index, select_span
from socialdesk.ui.reply_target import ReplyTarget
from socialdesk.ui.saved_reply_completer import SavedReplyCompleter
from socialdesk.ui.schedule import ScheduleDialog
from socialdesk.ui.tone_findings import FindingsList
from socialdesk.ui.widgets import action_button, plain_label

if TYPE_CHECKING:
    from socialdesk.core.counter import Count


AUTOSAVE_MS = 600  # after the last keystroke: well inside the promised second
LONG_TEXT = 5_000  # past this many characters the tone checks wait for a pause in typing


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
        self._saves = DraftSaves(controller)

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
        self._completer = SavedReplyCompleter(self.editor, self._library, self._label, self)
        self._completer.picked.connect(lambda reply, span: self.insert_reply(reply, replace=span))

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
        pending = self._saves.pending(target.key)
        draft = self.controller.draft_for(target.account_id, mention_id)
        self.draft_id = pending.draft_id if pending else draft.id if draft else None
        self._context = self.controller.context_for(target.account_id, target.mention)
        who = f"Reply to @{target.mention.author_handle}" if target.mention else "New post"
        state = " — waiting for review" if draft and draft.state == DraftState.READY else ""
        self.heading.setText(f"{who} on {network_label(target.network)}{state}")
        self._show_audience(target)
        self.note.setVisible(bool(draft and draft.review_note))
        self.note.setText(f"Reviewer's note: {draft.review_note}" if draft else "")
        if pending:
            self._load_text(pending.text, pending.cursor)
        elif draft:
            self._load_text(draft.text, draft.cursor_position)
        else:  # a new reply starts by naming the customer where the network needs it
            start = target.addressee()
            self._load_text(f"{start} " if start else "", len(start) + 1 if start else 0)

    def _show_audience(self, target: ReplyTarget) -> None:
        seen_by = target.audience()
        self.audience.setText(seen_by or "")
        self.audience.setVisible(bool(seen_by))

    def _as_posted(self) -> None:
        """Show the text exactly as it will be posted (trimmed; the customer named on Mastodon)
        before it is handed on, so review and the counter see what the network will; one step
        of undo takes it back."""
        if self.target is None:
            return
        posted = replies.as_posted(
            self.text, network=self.target.network, handle=self.target.handle
        )
        if posted != self.text:
            cursor = self.editor.textCursor()
            cursor.select(QTextCursor.Document)
            cursor.insertText(posted)
            self.editor.setTextCursor(cursor)
            self._refresh(now=True)

    def reload(self) -> None:
        """Drafts changed behind the composer (a cancel, an undo): show the stored one, unless
        something is being typed."""
        if self.target is not None and not self._dirty and not self._saves:
            self.open(self.target, reload=True)

    def reset(self) -> None:
        """Forget the target without saving (another workspace is open now: its ids mean other
        mentions). Save with ``save_now`` before switching."""
        self._save_timer.stop()
        self.target, self.draft_id, self._dirty = None, None, False
        self._saves.clear()
        self._load_text("", 0)

    def _load_text(self, text: str, cursor_position: int) -> None:
        self._loading = True
        self.editor.setPlainText(text)
        cursor = self.editor.textCursor()
        at = max(0, min(cursor_position, len(text)))
        cursor.setPosition(counter_module().qt_position(text, at) if at else 0)  # 0: none loaded
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

        def saved(draft_id: int) -> None:
            if self.target is not None and self.target.key == target.key:
                self.draft_id = draft_id

        self._saves.save(target.key, text, cursor, self.draft_id, saved)

    def _draft_gone(self, draft_id: int) -> None:
        """The draft was approved or discarded elsewhere while this one was typed: keep the text
        as a new draft rather than lose it."""
        self._saves.keep_gone(draft_id, self.target.key if self.target else None)
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
        self._completer.follow_cursor()

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
        self.count = counter_module().count(text, self.target.network, limits=self._context.limits)
        show_count(self.counter, self.count, self.target.network)
        self.editor.highlight(text, self.count)
        show_preview(self.preview, self.count, text, self.target.network)

    def _check_tone(self) -> None:
        if self.target is None:
            return
        self.findings = tone.check(self.text, self._context)
        # Nothing written yet is no error to show in red, nor is what it lacks (an apology, a
        # next step); approving still says why it cannot go.
        empty = any(f.code == "empty" for f in self.findings)
        self.findings_list.show_findings([] if empty else self.findings)
        self._update_actions()
        self.updated.emit()

    def _update_actions(self) -> None:
        # Approve stays enabled with a blocking finding: pressing it says why it cannot go.
        self.approve_action.setEnabled(self.target is not None)
        self.ready_action.setEnabled(bool(self.text.strip()))
        self.discard_action.setEnabled(self.has_draft())
        chosen = self.findings_list.chosen()
        self.apply_action.setEnabled(chosen is not None and chosen.suggestion is not None)

    def _finding_chosen(self, item, _previous=None) -> None:
        finding = self.findings_list.finding(item)
        self._update_actions()
        if finding is None or finding.span is None:
            return
        cursor = self.editor.textCursor()
        select_span(cursor, self.text, *finding.span)
        self.editor.setTextCursor(cursor)

    def apply_suggestion(self) -> None:
        """Replace the finding's span with its suggestion, as one undoable edit."""
        finding = self.findings_list.chosen()
        if finding is None or finding.suggestion is None:
            return
        text = self.text
        start, end = finding.span or (len(text), len(text))
        cursor = self.editor.textCursor()
        select_span(cursor, text, start, end)
        cursor.insertText(finding.suggestion)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    # -- saved replies ---------------------------------------------------------------------------
    def _library(self) -> list[SavedReply]:
        return self.controller.library(self.target.client_id if self.target else None)

    def _label(self, reply: SavedReply) -> str:
        where = "shared" if reply.client_id is None else self.target.client_name
        return f"{reply.name}  ({where})"

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
            select_span(cursor, text, *replace)
        start = python_index(text, cursor.selectionStart())
        cursor.insertText(body)
        blank = body.find(replies.BLANK)
        if blank >= 0:
            select_span(cursor, self.text, start + blank, start + blank + len(replies.BLANK))
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
