"""The report's charts (QtCharts), built the same way for the Reports view and the PDF, in the
palette they are shown on: light or dark, so axis labels stay readable on either."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen

from socialdesk.core.report import Report
from socialdesk.ui import theme

ACCENT = "#2f6fde"
NEGATIVE = "#d64545"
MAX_DAY_LABELS = 7  # beyond this, every nth day is labelled


def charts(report: Report, dark: bool, font: QFont) -> dict[str, QChart]:
    """Title → chart, in the order they are shown."""
    made = {
        "Mentions per day": _per_day(report),
        "Mentions by category": _by_category(report),
        "Sentiment per day (−1 to +1)": _sentiment(report),
        "Busiest hours of the day": _by_hour(report),
    }
    for title, chart in made.items():
        _style(chart, title, dark, font)
    return made


def render_hints() -> QPainter.RenderHint:
    return QPainter.Antialiasing | QPainter.TextAntialiasing


def _per_day(report: Report) -> QChart:
    labels = _day_labels([d for d, _ in report.by_day])
    values = QBarSet("Mentions")
    values.append([float(n) for _, n in report.by_day])
    values.setColor(QColor(ACCENT))
    return _bars([values], labels, max((n for _, n in report.by_day), default=0))


def _by_category(report: Report) -> QChart:
    rows = list(reversed(report.by_category))  # horizontal bars draw bottom-up: largest on top
    values = QBarSet("Mentions")
    values.append([float(n) for _, n in rows])
    values.setColor(QColor(ACCENT))
    series = QHorizontalBarSeries()
    series.append(values)
    series.setLabelsVisible(True)
    # Beside the bar, not in it: a short bar ("spam 32") cut its own number in two.
    series.setLabelsPosition(QAbstractBarSeries.LabelsOutsideEnd)
    chart = QChart()
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append([name for name, _ in rows] or ["(none)"])
    top = max((n for _, n in rows), default=0)
    counts = _count_axis(top + max(1, top // 8))  # room for the longest bar's number
    chart.addAxis(names, Qt.AlignLeft)
    chart.addAxis(counts, Qt.AlignBottom)
    series.attachAxis(names)
    series.attachAxis(counts)
    return chart


def _sentiment(report: Report) -> QChart:
    series = QLineSeries()
    series.setName("Sentiment")
    for i, (_day, value) in enumerate(report.sentiment_by_day):
        if value is not None:
            series.append(float(i), value)
    pen = series.pen()
    pen.setWidthF(2.0)
    pen.setColor(QColor(ACCENT))
    series.setPen(pen)
    series.setPointsVisible(len(report.sentiment_by_day) <= 31)
    zero = QLineSeries()
    zero.setName("Neutral")
    last = max(len(report.sentiment_by_day) - 1, 1)
    zero.append(0.0, 0.0)
    zero.append(float(last), 0.0)
    zero.setPen(QColor(NEGATIVE))
    chart = QChart()
    chart.addSeries(zero)
    chart.addSeries(series)
    days = QValueAxis()
    days.setRange(0, last)
    days.setLabelsVisible(False)
    days.setTitleText(_span_words(report))
    level = QValueAxis()
    level.setRange(-1.0, 1.0)
    level.setTickCount(5)
    level.setLabelFormat("%.1f")
    chart.addAxis(days, Qt.AlignBottom)
    chart.addAxis(level, Qt.AlignLeft)
    for s in (zero, series):
        s.attachAxis(days)
        s.attachAxis(level)
    return chart


def _by_hour(report: Report) -> QChart:
    values = QBarSet("Mentions")
    values.append([float(n) for n in report.by_hour])
    values.setColor(QColor(ACCENT))
    labels = [f"{h:02d}" if h % 3 == 0 else "" for h in range(24)]
    # Distinct labels are needed by the axis: blank ones get zero-width spaces of their own.
    labels = [label or "\u200b" * (i + 1) for i, label in enumerate(labels)]
    return _bars([values], labels, max(report.by_hour, default=0))


def _bars(sets: list[QBarSet], labels: list[str], top: int) -> QChart:
    series = QBarSeries()
    for values in sets:
        series.append(values)
    series.setBarWidth(0.8)
    chart = QChart()
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append(labels)
    # Only every few slots has a label: let it spill over its blank neighbours rather than be
    # cut to "…" by its own narrow slot.
    names.setTruncateLabels(False)
    counts = _count_axis(top)
    chart.addAxis(names, Qt.AlignBottom)
    chart.addAxis(counts, Qt.AlignLeft)
    series.attachAxis(names)
    series.attachAxis(counts)
    return chart


def _style(chart: QChart, title: str, dark: bool, font: QFont) -> None:
    # The app's own colours (ui/theme.py), not Qt's chart themes: the dark one brings a gradient,
    # a bright grid and white outlines on the bars that match nothing else in the window.
    c = theme.DARK if dark else theme.LIGHT
    chart.setTheme(QChart.ChartThemeLight)
    chart.setBackgroundBrush(QBrush(QColor(c.base)))
    chart.setBackgroundPen(QPen(QColor(c.border)))
    chart.setPlotAreaBackgroundVisible(False)
    chart.setTitleBrush(QBrush(QColor(c.text)))
    chart.setTitle(title)
    bold = QFont(font)
    bold.setBold(True)
    chart.setTitleFont(bold)
    chart.legend().hide()
    chart.setBackgroundRoundness(4)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.NoAnimation)
    text = QColor(c.text)
    for axis in chart.axes():
        axis.setLabelsFont(font)
        axis.setTitleFont(font)
        axis.setLabelsColor(text)
        axis.setTitleBrush(QBrush(QColor(c.muted)))
        axis.setLinePenColor(QColor(c.muted))
        axis.setGridLineColor(QColor(c.border))
        axis.setShadesVisible(False)
    # The theme recolours the series: the report's own colours win.
    for series in chart.series():
        if isinstance(series, QBarSeries | QHorizontalBarSeries):
            outside = series.labelsPosition() == QAbstractBarSeries.LabelsOutsideEnd
            for values in series.barSets():
                values.setColor(QColor(ACCENT))
                values.setBorderColor(QColor(ACCENT))
                # Beside the bar in the axes' colour; inside the blue bar in white.
                values.setLabelColor(text if outside else QColor("#ffffff"))
        elif isinstance(series, QLineSeries):
            pen = QPen(QColor(NEGATIVE if series.name() == "Neutral" else ACCENT))
            pen.setWidthF(1.0 if series.name() == "Neutral" else 2.0)
            series.setPen(pen)


def _day_labels(days: list[date]) -> list[str]:
    step = max(1, -(-len(days) // MAX_DAY_LABELS))
    labels = []
    for i, day in enumerate(days):
        text = f"{day:%d %b}" if i % step == 0 else ""
        labels.append(text or "\u200b" * (i + 1))  # the axis needs distinct labels
    return labels


def _span_words(report: Report) -> str:
    return f"{report.start:%d %b %Y} – {report.end:%d %b %Y}"


def _count_axis(top: int) -> QValueAxis:
    """0 to a round number, ticks on whole numbers."""
    axis = QValueAxis()
    high = _nice_max(top)
    axis.setRange(0, high)
    axis.setTickCount(high + 1 if high <= 5 else 6)
    axis.setLabelFormat("%d")
    return axis


def _nice_max(value: int) -> int:
    """A round top for a count axis (at least 1, so an empty chart still has an axis)."""
    if value <= 5:
        return max(value, 1)
    # Fine steps, so the longest bar fills most of the chart (248 of 250, not of 500); each
    # divides into the axis's five ticks with round numbers.
    magnitude = 10 ** (len(str(value)) - 1)
    if magnitude == 1:
        return 10  # 6 to 9: 0, 2, 4 … 10
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if value <= step * magnitude:
            return round(step * magnitude)
    return value
