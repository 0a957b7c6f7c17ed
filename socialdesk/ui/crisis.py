"""The crisis banner above every view, one line: which client, how far above its usual; behind
Details what it is about, the spike, a few of the mentions — and the three moves (customer-care.md,
"Crisis"): one public statement, pause the client's scheduled posts, mark the crisis mentions as
covered."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from socialdesk.app.crisis import CrisisController
from socialdesk.app.view_models import ClientCrisis
from socialdesk.core.sla import format_minutes
from socialdesk.ui import theme
from socialdesk.ui.widgets import ElidedLabel, action_button, plain_label


class Sparkline(QWidget):
    """Negative mentions per 5 minutes over the last two hours, as bars."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.values: tuple[int, ...] = ()
        self.setAccessibleName("Negative mentions per 5 minutes, last two hours")

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().lineSpacing()
        return QSize(line * 8, line * 2)

    def paintEvent(self, _event) -> None:
        if not self.values:
            return
        painter = QPainter(self)
        top = max(self.values) or 1
        width = self.width() / len(self.values)
        colour = QColor(theme.colours().danger)
        for i, value in enumerate(self.values):
            height = (self.height() - 2) * value / top
            painter.fillRect(
                QRectF(i * width + 1, self.height() - height, width - 2, height), colour
            )


class CrisisBanner(QFrame):
    """One line above every view: which client is in crisis and how far above its usual, the
    statement button, and Details; pause and mark-as-covered join the line when there is room
    (else they wait under Details). Details shows what it is about, a few mentions, the spike and
    the reminder; the banner's tooltip says the same. Every move keeps its key (Ctrl+Alt+S, P,
    M) whether its button is in sight or not: the keys are the banner's actions."""

    def __init__(self, controller: CrisisController, clock, parent=None) -> None:
        super().__init__(parent, objectName="crisisBanner")
        self._controller = controller
        self._clock = clock
        self._paused = False
        self.shown: ClientCrisis | None = None
        self.setAccessibleName("Crisis")
        self.title = ElidedLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.about = plain_label()
        self.samples = plain_label(role="muted")
        self.reminder = plain_label()
        self.spark = Sparkline()
        self.statement_action = self._action(
            "Draft a statement…", "Ctrl+Alt+S", "One public statement per account, via review",
            self._draft,
        )  # fmt: skip
        self.pause_action = self._action(
            "Pause scheduled posts", "Ctrl+Alt+P", "Hold the client's outbox until you resume it",
            self._pause,
        )  # fmt: skip
        self.cover_action = self._action(
            "Mark as covered", "Ctrl+Alt+M",
            "Its mentions are answered by the statement (Ctrl+Z)", self._cover,
        )  # fmt: skip
        # The line's buttons; pause and cover have twins under Details for a narrow window.
        self.statement = action_button(self.statement_action)
        self.pause = action_button(self.pause_action)
        self.cover = action_button(self.cover_action)
        self._inner = [action_button(self.pause_action), action_button(self.cover_action)]
        self.details_button = QPushButton("Details")
        self.details_button.setCheckable(True)
        self.details_button.setAccessibleName("Crisis details")
        self.details_button.setToolTip("What it is about, a few of the mentions, the spike")
        self.details_button.toggled.connect(self._show_details)

        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.title, 1)
        for button in (self.statement, self.pause, self.cover, self.details_button):
            line.addWidget(button)

        # The bars say what they count: a caption under them, the figures in the tooltip.
        self.spark_caption = plain_label("Negative mentions\nper 5 min, last 2 h", role="muted")
        self.spark_caption.setAlignment(Qt.AlignHCenter)
        small = self.spark_caption.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.spark_caption.setFont(small)
        self.details = QWidget(objectName="crisisDetails")
        text = QVBoxLayout()
        for label in (self.about, self.samples, self.reminder):
            text.addWidget(label)
        chart = QVBoxLayout()
        chart.addWidget(self.spark, 1)
        chart.addWidget(self.spark_caption)
        moves = QVBoxLayout()
        for button in self._inner:
            moves.addWidget(button)
        moves.addStretch(1)
        body = QHBoxLayout(self.details)
        body.setContentsMargins(0, 6, 0, 0)
        body.addLayout(text, 1)
        body.addLayout(chart)
        body.addLayout(moves)
        self.details.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(0)
        layout.addLayout(line)
        layout.addWidget(self.details)
        self.statementRequested = None  # set by the window: opens the drafted statements
        controller.crisesChanged.connect(self.show_crises)
        self.hide()

    def _action(self, text: str, key: str, tip: str, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setToolTip(f"{tip} ({key})")
        action.triggered.connect(slot)
        self.addAction(action)  # its key works while the banner is shown
        return action

    def show_crises(self, found: list[ClientCrisis]) -> None:
        """The first client in crisis (the banner says how many others are)."""
        live = [c for c in found if not c.ended] or found
        self.shown = live[0] if live else None
        self.setVisible(self.shown is not None)
        if self.shown is None:
            return
        c, a = self.shown, self.shown.assessment
        others = f" (and {len(live) - 1} other client{'s' if len(live) > 2 else ''})" if len(
            live) > 1 else ""  # fmt: skip
        self._paused = self._controller.outbox_paused(c.client_id)
        if c.ended:
            self.title.setText(f"⚠ The crisis on {c.client_name} is over{others}.")
            self.about.setText("Its scheduled posts are still paused: review them in the Outbox "
                               "(some may read badly now), then resume.")  # fmt: skip
            self.samples.setText("")
            self.reminder.setText("")
        else:
            self.title.setText(
                f"⚠ Crisis on {c.client_name}{others}: {len(a.mention_ids)} negative mentions "
                f"in 30 min, {a.times_usual:.0f}× the usual"
            )
            self.about.setText("About: " + (", ".join(a.about) or "no shared words yet"))
            self.samples.setText("\n".join(f"“{_short(t)}”" for t in c.samples))
            self.reminder.setText(self._reminder(c))
        self.spark.values = a.spike
        self.spark.setVisible(not c.ended)
        self.spark_caption.setVisible(not c.ended)
        self.spark.setToolTip(
            "Negative mentions per 5 minutes over the last 2 hours, oldest on the left"
            + (f"; the most in 5 minutes: {max(a.spike)}, the latest: {a.spike[-1]}"
               if a.spike else "")
        )  # fmt: skip
        self.spark.update()
        self.statement_action.setVisible(not c.ended)
        self.cover_action.setVisible(not c.ended)
        self.pause_action.setText(
            "Resume scheduled posts" if self._paused else "Pause scheduled posts"
        )
        self.setToolTip(
            "\n".join(t for t in (self.title.text(), self.about.text(), self.samples.text(),
                                   self.reminder.text()) if t)
        )  # fmt: skip
        self._fit()

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText("Hide details" if shown else "Details")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Pause and cover on the line when it has room for them beside a readable title (the
        client's name and the count); under Details when not."""
        spacing = self.fontMetrics().averageCharWidth()
        buttons = [self.statement, self.details_button]
        wanted = [self.pause] + ([self.cover] if self.cover_action.isVisible() else [])
        if not self.statement_action.isVisible():
            buttons = [self.details_button]
        title = min(self.title.sizeHint().width(), spacing * 48)
        used = title + sum(b.sizeHint().width() + spacing for b in buttons + wanted)
        room = self.contentsRect().width() - 24
        on_line = used <= room
        self.pause.setVisible(on_line)
        self.cover.setVisible(on_line and self.cover_action.isVisible())
        self.statement.setVisible(self.statement_action.isVisible())
        self._inner[0].setVisible(not on_line)
        self._inner[1].setVisible(not on_line and self.cover_action.isVisible())

    def _reminder(self, shown: ClientCrisis) -> str:
        if shown.last_statement is None:
            return "No statement yet: one public statement beats many single replies."
        ago = format_minutes(int((self._clock() - shown.last_statement).total_seconds() // 60))
        if self._controller.needs_update(shown, self._clock()):
            return f"The last statement was {ago} ago: time to post an update."
        return f"Statement approved {ago} ago."

    def _draft(self) -> None:
        if self.shown and self.statementRequested:
            self._controller.draft_statements(self.shown.client_id, self.statementRequested)

    def _pause(self) -> None:
        if self.shown:
            self._controller.set_paused(self.shown, not self._paused)

    def _cover(self) -> None:
        if self.shown:
            self._controller.cover(self.shown)


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
