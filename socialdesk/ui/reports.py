"""The Reports view: one client, any period — headline figures, four charts, the most frequent
authors and the words of complaints — and its exports (CSV of the rows, a PDF for the client)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QDate, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from socialdesk.app.reports import ReportData
from socialdesk.app.workspace import WorkspaceController
from socialdesk.ui import report_charts
from socialdesk.ui.report_pdf import figures, takeaways, write_pdf
from socialdesk.ui.widgets import plain_label

MAX_DAYS = 3 * 366
NARROW = 900  # pixels of the view: below it the toolbar takes two rows, the charts one column
SINCE_FIRST = "Since the first mention"
PERIODS = ("Last 7 days", "Last 30 days", "Last 90 days", "This month", "Last month",
           "Last 12 months", SINCE_FIRST, "Custom")  # fmt: skip
DEFAULT_DAYS = 30  # until the manager picks a period: the last 30 days, or fewer if that is all


def period_days(name: str, today: date) -> tuple[date, date]:
    """First and last day (included) of a named period ending today."""
    if name == "This month":
        return today.replace(day=1), today
    if name == "Last month":
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    days = {"Last 7 days": 7, "Last 30 days": 30, "Last 90 days": 90, "Last 12 months": 365}
    return today - timedelta(days=days.get(name, DEFAULT_DAYS) - 1), today


class ReportsPanel(QWidget):
    def __init__(self, controller: WorkspaceController, parent=None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._data: ReportData | None = None
        self._asked: tuple | None = None
        # Until the manager picks a period the view chooses one that fits the client's data: a
        # workspace holding 8 days of mentions reads badly as "Last 30 days".
        self._period_is_default = True
        self._first_day: date | None = None
        self.setAccessibleName("Reports")

        self.client = QComboBox(accessibleName="Client")
        self.period = QComboBox(accessibleName="Period")
        for box in (self.client, self.period):
            box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(10)
        self.period.addItems(PERIODS)
        self.period.setCurrentText("Last 30 days")
        self.start = self._date_edit("First day")
        self.end = self._date_edit("Last day")
        self.csv_button = QPushButton("Export CSV…")
        self.csv_button.setToolTip("Every mention of the report, one per line (Ctrl+Shift+E)")
        self.csv_button.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.pdf_button = QPushButton("Export PDF…")
        self.pdf_button.setToolTip("The report for the client: cover, summary, charts (Ctrl+P)")
        self.pdf_button.setShortcut(QKeySequence.Print)
        self.csv_button.clicked.connect(self.export_csv)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.status = plain_label(role="muted")

        # The period box is as wide as its longest name ("Since the first mention"), never cut.
        self.period.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        title = plain_label("Reports", wrap=False)
        title.setObjectName("panelTitle")
        bar = QHBoxLayout()
        bar.setContentsMargins(12, 8, 12, 4)
        for widget in (title, self.client, self.period):
            bar.addWidget(widget)
        # The days sit beside the period when there is room, on a row of their own when not
        # (below NARROW pixels): squeezed, the boxes cut their own text.
        self.dates = QWidget(objectName="reportDates")
        dates = QHBoxLayout(self.dates)
        dates.setContentsMargins(0, 0, 0, 0)
        for widget in (self.start, plain_label("to", wrap=False), self.end):
            dates.addWidget(widget)
        dates.addStretch(1)
        bar.addWidget(self.dates)
        bar.addStretch(1)
        self._bar = bar
        self._dates_row = QHBoxLayout()
        self._dates_row.setContentsMargins(12, 0, 12, 4)
        self._narrow = False
        # The exports share the status line, so the bar fits a narrow window.
        status_row = QHBoxLayout()
        status_row.setContentsMargins(12, 0, 12, 0)
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.csv_button)
        status_row.addWidget(self.pdf_button)

        self.body = QWidget(objectName="reportBody")
        self.tiles = QGridLayout()
        self.chart_grid = QGridLayout()
        self.authors = self._table("Most frequent authors", ("Author", "Mentions"))
        self.words = self._table("Words most used in complaints", ("Word", "Times"))
        tables = QHBoxLayout()
        tables.addWidget(self.authors)
        tables.addWidget(self.words)
        content = QVBoxLayout(self.body)
        content.addLayout(self.tiles)
        content.addLayout(self.chart_grid)
        content.addLayout(tables)
        self.takeaways = plain_label(role="muted")
        content.addWidget(self.takeaways)
        content.addStretch(1)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.NoFrame)
        scroll.setWidget(self.body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(self._dates_row)
        layout.addLayout(status_row)
        layout.addWidget(scroll, 1)

        self._debounce = QTimer(self, singleShot=True, interval=150, timeout=self.refresh)
        self.client.currentIndexChanged.connect(self._debounce.start)
        self.period.currentTextChanged.connect(self._period_picked)
        for edit in (self.start, self.end):
            edit.userDateChanged.connect(self._dates_edited)
        controller.clientsChanged.connect(self.set_clients)
        self._period_chosen(self.period.currentText())
        self._set_exports_enabled(False)

    # -- building --------------------------------------------------------------------------------
    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(calendarPopup=True, accessibleName=name)
        edit.setDisplayFormat("d MMM yyyy")
        return edit

    def _table(self, title: str, headers: tuple[str, str]) -> QTableWidget:
        table = QTableWidget(0, 2)
        table.setAccessibleName(title)
        table.setHorizontalHeaderLabels(headers)
        table.setToolTip(title)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumHeight(table.fontMetrics().lineSpacing() * 14)
        return table

    # -- choosing --------------------------------------------------------------------------------
    def set_clients(self, clients) -> None:
        chosen = self.client.currentData()
        self.client.blockSignals(True)
        self.client.clear()
        for client in clients:
            self.client.addItem(client.name, client.id)
        at = self.client.findData(chosen)
        self.client.setCurrentIndex(at if at >= 0 else 0)
        self.client.blockSignals(False)
        if self.isVisible():
            self._debounce.start()

    def _period_picked(self, name: str) -> None:
        self._period_is_default = False
        self._period_chosen(name)

    def _period_chosen(self, name: str) -> None:
        if name == "Custom":
            return
        today = self._controller.clock().astimezone().date()
        first, last = period_days(name, today)
        if name == SINCE_FIRST and self._first_day is not None:
            first = min(self._first_day, today)
        for edit, day in ((self.start, first), (self.end, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self._debounce.start()

    def _dates_edited(self) -> None:
        self._period_is_default = False
        self.period.blockSignals(True)
        self.period.setCurrentText("Custom")
        self.period.blockSignals(False)
        self._debounce.start()

    def is_narrow(self) -> bool:
        return self._narrow

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        narrow = self.width() < NARROW
        if narrow == self._narrow:
            return
        self._narrow = narrow
        # Below NARROW the days move to a row of their own; the tiles and the charts re-flow.
        (self._bar if narrow else self._dates_row).removeWidget(self.dates)
        if narrow:
            self._dates_row.addWidget(self.dates)
        else:
            self._bar.insertWidget(3, self.dates)
        self._lay_tiles()
        self._lay_charts()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._debounce.start()  # figures move on while other views are worked

    def refresh(self) -> None:
        client_id = self.client.currentData()
        if client_id is None:
            self.status.setText("Add a client and an account to see its report.")
            return
        first, last = self.start.date().toPython(), self.end.date().toPython()
        self._set_exports_enabled(False)  # until the figures on screen are this period's
        if last < first:
            self.status.setText("The last day is before the first: choose the days again.")
            return
        if (last - first).days > MAX_DAYS:
            self.status.setText(f"Choose at most {MAX_DAYS // 365} years: one report per year "
                                "reads best anyway.")  # fmt: skip
            return
        asked = (client_id, first, last)
        self._asked = asked
        self.status.setText("Computing…")
        self._controller.reports.build(
            client_id, first, last, lambda d: self._shown(asked, d), self._failed
        )

    # -- showing ---------------------------------------------------------------------------------
    def _shown(self, asked: tuple, data: ReportData) -> None:
        if asked != self._asked:
            return  # another client or period was chosen meanwhile
        self._first_day = data.first_day
        if self._period_is_default and self._fit_default_period(data):
            return  # asked again, for the period that fits
        self._data = data
        report = data.report
        self.status.setText(
            f"{report.client} · {report.start:%d %b %Y} – {report.end:%d %b %Y} · "
            f"{report.total:,} mentions"
        )
        # How long it took is for whoever tunes the report, not for the reader of it.
        self.status.setToolTip(f"Computed in {data.seconds:.2f} s")
        self._fill_tiles(data)
        self._fill_charts(data)
        _fill_table(self.authors, [(f"@{a}", n) for a, n in report.repeat_authors])
        _fill_table(self.words, report.complaint_words)
        lines = takeaways(report, data.terms.response_target_minutes)
        self.takeaways.setText("\n".join(f"•  {line}" for line in lines))
        self._set_exports_enabled(True)

    def _fit_default_period(self, data: ReportData) -> bool:
        """The last 30 days, or since the client's first mention when that is later; True when
        the period shown had to change (and was asked for again)."""
        if data.first_day is None:
            return False
        today = self._controller.clock().astimezone().date()
        young = (today - data.first_day).days < DEFAULT_DAYS
        name = SINCE_FIRST if young else "Last 30 days"
        if name == self.period.currentText() and period_days(name, today)[1] == data.report.end:
            wanted = min(data.first_day, today) if young else period_days(name, today)[0]
            if wanted == data.report.start:
                return False
        self.period.blockSignals(True)
        self.period.setCurrentText(name)
        self.period.blockSignals(False)
        self._period_chosen(name)
        return True

    def _fill_tiles(self, data: ReportData) -> None:
        _clear(self.tiles)
        for i, (label, value) in enumerate(
            figures(data.report, data.terms.response_target_minutes)
        ):
            tile = QFrame(objectName="reportTile")
            tile.setFrameShape(QFrame.StyledPanel)
            box = QVBoxLayout(tile)
            number = plain_label(value, wrap=False)
            font = number.font()
            font.setPointSizeF(font.pointSizeF() * 1.8)
            font.setBold(True)
            number.setFont(font)
            box.addWidget(number)
            box.addWidget(plain_label(label, role="muted"))
            tile.setAccessibleName(f"{label}: {value}")
            self.tiles.addWidget(tile, 0, i)
        self._lay_tiles()

    def _lay_tiles(self) -> None:
        """Six tiles in a row, or two rows of three when narrow (a label on two lines at most)."""
        tiles = [self.tiles.itemAt(i).widget() for i in range(self.tiles.count())]
        for tile in tiles:
            self.tiles.removeWidget(tile)
        per_row = 3 if self._narrow else max(len(tiles), 1)
        for i, tile in enumerate(tiles):
            self.tiles.addWidget(tile, i // per_row, i % per_row)
        for column in range(6):
            self.tiles.setColumnStretch(column, 1 if column < per_row else 0)

    def _fill_charts(self, data: ReportData) -> None:
        _clear(self.chart_grid)
        dark = self.palette().color(QPalette.Window).lightness() < 128
        made = report_charts.charts(data.report, dark, self.font())
        height = self.fontMetrics().lineSpacing() * 19
        for i, (title, chart) in enumerate(made.items()):
            view = QChartView(chart)
            view.setRenderHints(report_charts.render_hints())
            view.setMinimumHeight(height)
            view.setAccessibleName(title)
            self.chart_grid.addWidget(view, i // 2, i % 2)
        self._lay_charts()

    def _lay_charts(self) -> None:
        """Two charts a row, or one when narrow (so no chart's title is cut)."""
        views = [self.chart_grid.itemAt(i).widget() for i in range(self.chart_grid.count())]
        for view in views:
            self.chart_grid.removeWidget(view)
        per_row = 1 if self._narrow else 2
        for i, view in enumerate(views):
            self.chart_grid.addWidget(view, i // per_row, i % per_row)
        for column in (0, 1):
            self.chart_grid.setColumnStretch(column, 1 if column < per_row else 0)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(f"The report could not be made: {exc}")

    def _set_exports_enabled(self, on: bool) -> None:
        self.csv_button.setEnabled(on)
        self.pdf_button.setEnabled(on)

    # -- exporting -------------------------------------------------------------------------------
    def export_csv(self) -> None:
        data = self._data
        path = self._ask_path(data, "csv", "CSV (*.csv)") if data else None
        if data is None or path is None:
            return
        self.status.setText("Writing the CSV…")
        self._controller.reports.export_csv(
            data,
            path,
            lambda n: self.status.setText(f"Saved {n:,} rows to {path}"),
            lambda exc: self.status.setText(f"The CSV was not saved: {exc}"),
        )

    def export_pdf(self) -> None:
        data = self._data
        if data is None:
            return
        prepared_by = self._your_name()
        path = self._ask_path(data, "pdf", "PDF (*.pdf)") if prepared_by else None
        if path is None:
            return
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            pages = write_pdf(
                path, data.report, prepared_by=prepared_by, zone=data.terms.timezone,
                target_minutes=data.terms.response_target_minutes, now=self._controller.clock(),
            )  # fmt: skip
        except OSError as exc:
            QMessageBox.warning(self, "PDF not saved", f"SocialDesk could not write {path}: "
                                f"{exc.strerror or exc}. Nothing else was changed.")  # fmt: skip
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.status.setText(f"Saved the {pages}-page report to {path}")

    def _your_name(self) -> str | None:
        """The freelancer's name for the cover, asked once and remembered (Preferences)."""
        settings = self._controller.settings
        name = settings.get("agent_name").strip()
        if name:
            return name
        name, ok = QInputDialog.getText(
            self, "Your name on the report", "Your name, as the client should read it on the cover:"
        )
        if not ok or not name.strip():
            return None
        settings.set("agent_name", name.strip())
        settings.save()
        return name.strip()

    def _ask_path(self, data: ReportData, suffix: str, kind: str) -> Path | None:
        """Where to save: first in Documents, then wherever the last report went (never the
        folder the app happened to be started from)."""
        settings = self._controller.settings
        folder = settings.get("export_folder") or QStandardPaths.writableLocation(
            QStandardPaths.DocumentsLocation
        )
        r = data.report
        name = f"{r.client[:60]} report {r.start:%Y-%m-%d} to {r.end:%Y-%m-%d}.{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(self, f"Export {suffix.upper()}",
                                                str(Path(folder) / _safe(name)), kind)  # fmt: skip
        if not chosen:
            return None
        path = Path(chosen)
        settings.set("export_folder", str(path.parent))
        settings.save()
        return (
            path
            if path.suffix.lower() == f".{suffix}"
            else path.with_name(path.name + f".{suffix}")
        )


def _fill_table(table: QTableWidget, rows) -> None:
    table.setRowCount(len(rows))
    for i, (name, count) in enumerate(rows):
        table.setItem(i, 0, QTableWidgetItem(str(name)))
        number = QTableWidgetItem(f"{count:,}")
        number.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
        table.setItem(i, 1, number)
    table.resizeColumnToContents(0)


def _clear(layout) -> None:
    while layout.count():
        widget = layout.takeAt(0).widget()
        if widget is not None:
            widget.deleteLater()


def _safe(name: str) -> str:
    return "".join("-" if ch in '/\\:*?"<>|' else ch for ch in name)
