"""The crisis banner above every view: which client, how far above its usual, what it is about,
the spike, a few of the mentions — and the three moves (customer-care.md, "Crisis"): one public
statement, pause the client's scheduled posts, mark the crisis mentions as covered."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QKeySequence, QPainter
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from socialdesk.app.crisis import CrisisController
from socialdesk.app.view_models import ClientCrisis
from socialdesk.core.sla import format_minutes
from socialdesk.ui import theme
from socialdesk.ui.widgets import plain_label


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
    def __init__(self, controller: CrisisController, clock, parent=None) -> None:
        super().__init__(parent, objectName="crisisBanner")
        self._controller = controller
        self._clock = clock
        self.shown: ClientCrisis | None = None
        self.setAccessibleName("Crisis")
        self.title = plain_label()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.about = plain_label()
        self.samples = plain_label(role="muted")
        self.reminder = plain_label()
        self.spark = Sparkline()
        self.statement = self._button(
            "Draft a statement…", "Ctrl+Alt+S", "One public statement per account, via review"
        )
        self.pause = self._button(
            "Pause scheduled posts", "Ctrl+Alt+P", "Hold the client's outbox until you resume it"
        )
        self.cover = self._button(
            "Mark as covered", "Ctrl+Alt+M", "Its mentions are answered by the statement (Ctrl+Z)"
        )
        self.statement.clicked.connect(self._draft)
        self.pause.clicked.connect(self._pause)
        self.cover.clicked.connect(self._cover)

        text = QVBoxLayout()
        for label in (self.title, self.about, self.samples, self.reminder):
            text.addWidget(label)
        buttons = QVBoxLayout()
        for button in (self.statement, self.pause, self.cover):
            buttons.addWidget(button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(text, 1)
        # The bars say what they count: a caption under them, the figures in the tooltip.
        self.spark_caption = plain_label("Negative mentions\nper 5 min, last 2 h", role="muted")
        self.spark_caption.setAlignment(Qt.AlignHCenter)
        small = self.spark_caption.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.spark_caption.setFont(small)
        chart = QVBoxLayout()
        chart.addWidget(self.spark, 1)
        chart.addWidget(self.spark_caption)
        layout.addLayout(chart)
        layout.addLayout(buttons)
        self.statementRequested = None  # set by the window: opens the drafted statements
        controller.crisesChanged.connect(self.show_crises)
        self.hide()

    def _button(self, text: str, key: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setShortcut(QKeySequence(key))
        button.setToolTip(f"{tip} ({key})")
        return button

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
        paused = self._controller.outbox_paused(c.client_id)
        if c.ended:
            self.title.setText(f"The crisis on {c.client_name} is over{others}.")
            self.about.setText("Its scheduled posts are still paused: review them in the Outbox "
                               "(some may read badly now), then resume.")  # fmt: skip
            self.samples.setText("")
            self.reminder.setText("")
        else:
            self.title.setText(
                f"Crisis on {c.client_name}{others}: {len(a.mention_ids)} negative mentions in "
                f"30 minutes, {a.times_usual:.0f}× the usual"
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
        self.statement.setVisible(not c.ended)
        self.cover.setVisible(not c.ended)
        self.pause.setText("Resume scheduled posts" if paused else "Pause scheduled posts")
        self.pause.setProperty("paused", bool(paused))

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
            self._controller.set_paused(self.shown, not self.pause.property("paused"))

    def _cover(self) -> None:
        if self.shown:
            self._controller.cover(self.shown)


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
