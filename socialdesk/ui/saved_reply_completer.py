"""Saved replies by typing: ``;`` and the start of a name opens, under the cursor, a list of the
saved replies that match; choosing one replaces what was typed from the ``;`` on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QWidget

from socialdesk.core import replies
from socialdesk.core.replies import SavedReply
from socialdesk.ui.reply_editor import ReplyEditor, python_index


class SavedReplyCompleter(QCompleter):
    picked = Signal(object, tuple)  # the saved reply, and the span of the text it replaces

    def __init__(
        self,
        editor: ReplyEditor,
        library: Callable[[], list[SavedReply]],
        label: Callable[[SavedReply], str],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._editor, self._owner = editor, parent
        # Asked for only once a ``;`` is typed: reading the library is not free.
        self._library = library
        self._label = label
        self._matches: dict[str, SavedReply] = {}
        self._trigger: tuple[int, str] | None = None
        self.setModel(QStringListModel(self))
        self.setWidget(editor)
        self.setCompletionMode(QCompleter.PopupCompletion)
        self.setCaseSensitivity(Qt.CaseInsensitive)
        self.popup().setAccessibleName("Saved replies")
        self.activated[str].connect(self._insert_match)
        editor.completer = self

    def follow_cursor(self) -> None:
        """Open the list for the ``;name`` before the cursor, or close it when there is none."""
        text = self._editor.toPlainText()
        position = python_index(text, self._editor.textCursor().position())
        self._trigger = replies.trigger_at(text, position)
        popup = self.popup()
        if self._trigger is None:
            popup.hide()
            return
        found = replies.search(self._library(), self._trigger[1])[:12]
        self._matches = {self._label(r): r for r in found}
        if not found:
            popup.hide()
            return
        self.model().setStringList(list(self._matches))
        self.setCompletionPrefix("")
        rect = self._editor.cursorRect()
        average = self._owner.fontMetrics().averageCharWidth()
        rect.setWidth(max(popup.sizeHintForColumn(0), 16 * average))
        self.complete(rect)
        popup.setCurrentIndex(self.completionModel().index(0, 0))

    def _insert_match(self, label: str) -> None:
        reply, trigger = self._matches.get(label), self._trigger
        if reply is None or trigger is None:
            return
        end = python_index(self._editor.toPlainText(), self._editor.textCursor().position())
        self.picked.emit(reply, (trigger[0], end))
