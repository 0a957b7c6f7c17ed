"""The report as a PDF for the client: a cover, a one-page summary, the charts and the details —
drawn with QPainter on a QPdfWriter (text and charts stay vector, so it prints sharply)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtWidgets import QGraphicsScene

from socialdesk.core.report import Report
from socialdesk.core.sla import format_minutes
from socialdesk.ui import report_charts

DPI = 300
ACCENT = QColor(report_charts.ACCENT)
INK, MUTED = QColor("#1d2330"), QColor("#5f6673")
DEFINITIONS = (
    "First response: the time from a mention to the first public reply, counted in the "
    "client's service hours. Within target: answered within {target}. Overdue: answered after "
    "the target, or still unanswered past it at the end of the period. Days and hours are in "
    "the {zone} time zone."
)


def write_pdf(
    path: Path, report: Report, *, prepared_by: str, zone: str, target_minutes: int, now: datetime
) -> int:
    """Write the PDF; returns its page count. Written beside the target first, then moved, so a
    failure never leaves a broken file under the chosen name."""
    partial = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(partial))
    writer.setResolution(DPI)
    writer.setTitle(f"{report.client} — customer care report")
    writer.setCreator("SocialDesk")
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, QMarginsF(18, 18, 18, 18),
                    QPageLayout.Millimeter)
    )  # fmt: skip
    painter = QPainter(writer)
    try:
        page = _Page(painter, writer)
        pages = [
            lambda: _cover(page, report, prepared_by, now),
            lambda: _summary(page, report, zone, target_minutes),
            lambda: _charts(page, report),
            lambda: _details(page, report),
        ]
        for i, draw in enumerate(pages):
            if i:
                writer.newPage()
            draw()
    finally:
        painter.end()
    partial.replace(path)
    return len(pages)


class _Page:
    """Drawing helpers in millimetres-free units: the printable area's own pixels."""

    def __init__(self, painter: QPainter, writer: QPdfWriter) -> None:
        self.p = painter
        self.rect = QRectF(writer.pageLayout().paintRectPixels(DPI))
        self.rect.moveTo(0, 0)
        self.w, self.h = self.rect.width(), self.rect.height()

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont("DejaVu Sans")
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def text(self, y: float, text: str, points: float, *, bold=False, colour=INK, x=0.0,
             width=None, flags=Qt.AlignLeft | Qt.TextWordWrap) -> float:  # fmt: skip
        """Draw wrapped text from ``y``; returns the y below it."""
        self.p.setFont(self.font(points, bold))
        self.p.setPen(colour)
        box = QRectF(x, y, width or self.w - x, self.h - y)
        used = self.p.boundingRect(box, int(flags), text)
        self.p.drawText(box, int(flags), text)
        return y + used.height()

    def rule(self, y: float, colour=ACCENT, thickness=6.0) -> None:
        self.p.fillRect(QRectF(0, y, self.w, thickness), colour)


def _cover(page: _Page, report: Report, prepared_by: str, now: datetime) -> None:
    page.rule(page.h * 0.28, thickness=18)
    y = page.text(page.h * 0.31, "Customer care report", 16, colour=MUTED)
    y = page.text(y + 20, _fit(page, report.client, 34), 34 if len(report.client) <= 40 else 22,
                  bold=True)  # fmt: skip
    y = page.text(y + 40, _period(report), 16)
    y = page.text(y + 200, f"Prepared by {prepared_by}", 12, colour=MUTED)
    page.text(y + 10, f"{now:%d %B %Y}", 12, colour=MUTED)


def _summary(page: _Page, report: Report, zone: str, target: int) -> None:
    y = page.text(0, "Summary", 22, bold=True)
    y = page.text(y + 10, _period(report), 11, colour=MUTED) + 60
    tiles = figures(report, target)
    columns, gap = 3, 40
    tile_w = (page.w - gap * (columns - 1)) / columns
    tile_h = 330
    for i, (label, value) in enumerate(tiles):
        x = (i % columns) * (tile_w + gap)
        top = y + (i // columns) * (tile_h + gap)
        page.p.setPen(QPen(QColor("#d8dce3"), 3))
        page.p.setBrush(QColor("#f5f7fa"))
        page.p.drawRoundedRect(QRectF(x, top, tile_w, tile_h), 24, 24)
        page.text(top + 40, value, 22, bold=True, x=x + 40, width=tile_w - 80)
        page.text(top + 200, label, 10, colour=MUTED, x=x + 40, width=tile_w - 80)
    y += 2 * (tile_h + gap) + 60
    y = page.text(y, "What stood out", 14, bold=True) + 20
    for line in takeaways(report, target):
        y = page.text(y, f"•  {line}", 11) + 18
    words = DEFINITIONS.format(target=format_minutes(target), zone=zone)
    page.text(page.h - 420, words, 9, colour=MUTED)


def _charts(page: _Page, report: Report) -> None:
    y = page.text(0, "In charts", 22, bold=True) + 40
    made = report_charts.charts(report, dark=False, font=page.font(8))
    gap = 40
    height = (page.h - y - gap * 3) / 4
    scene = QGraphicsScene()
    page.p.setRenderHints(report_charts.render_hints())
    for i, chart in enumerate(made.values()):
        # Laid out at a screen size of the cell's shape, then scaled onto the page, so the
        # labels keep their proportions and stay readable in print.
        chart.resize(QSizeF(900, 900 * height / page.w))
        scene.addItem(chart)
        scene.render(page.p, QRectF(0, y + i * (height + gap), page.w, height), chart.geometry())
        scene.removeItem(chart)


def _details(page: _Page, report: Report) -> None:
    y = page.text(0, "Details", 22, bold=True) + 50
    half = (page.w - 80) / 2
    _table(page, 0, y, half, "People who wrote most often", "Mentions",
           [(f"@{a}", n) for a, n in report.repeat_authors])  # fmt: skip
    _table(page, half + 80, y, half, "Words most used in complaints", "Times",
           report.complaint_words)  # fmt: skip


def _table(page: _Page, x: float, y: float, width: float, title: str, unit: str, rows) -> None:
    y = page.text(y, title, 13, bold=True, x=x, width=width) + 20
    if not rows:
        page.text(y, "None in this period.", 10, colour=MUTED, x=x, width=width)
        return
    y = _row(page, x, y, width, "", unit, MUTED)
    for name, count in rows:
        y = _row(page, x, y, width, str(name), f"{count:,}", INK)


def _row(page: _Page, x: float, y: float, width: float, left: str, right: str, colour) -> float:
    page.p.setFont(page.font(10))
    page.p.setPen(colour)
    height = page.p.fontMetrics().height() * 1.6
    box = QRectF(x, y, width, height)
    room = int(width - page.p.fontMetrics().horizontalAdvance(right) - 40)
    page.p.drawText(box, int(Qt.AlignLeft | Qt.AlignVCenter),
                    page.p.fontMetrics().elidedText(left, Qt.ElideRight, room))  # fmt: skip
    page.p.drawText(box, int(Qt.AlignRight | Qt.AlignVCenter), right)
    page.p.setPen(QPen(QColor("#e3e6eb"), 2))
    page.p.drawLine(box.bottomLeft(), box.bottomRight())
    return y + height


def figures(report: Report, target: int) -> list[tuple[str, str]]:
    """The headline figures, (label, value), as the client reads them (also on screen)."""
    share = report.share_within_target
    return [
        ("Mentions received", f"{report.total:,}"),
        ("Answered publicly", f"{report.answered:,}"),
        ("Median first response", _minutes(report.median_first_response)),
        ("9 in 10 answered within", _minutes(report.p90_first_response)),
        (
            f"Answered within the {format_minutes(target)} target",
            "—" if share is None else f"{share:.0%}",
        ),
        ("Overdue", f"{report.overdue:,}"),
    ]


def takeaways(report: Report, target: int) -> list[str]:
    """A few plain sentences a client reads first."""
    if not report.total:
        return ["No mentions arrived in this period."]
    lines = []
    busiest = max(report.by_day, key=lambda d: d[1])
    lines.append(f"The busiest day was {busiest[0]:%A %d %B}, with {busiest[1]:,} mentions.")
    if report.by_category:
        name, n = report.by_category[0]
        lines.append(f"The most common kind was {name} ({n / report.total:.0%} of mentions).")
    peak = max(range(24), key=lambda h: report.by_hour[h])
    share = report.by_hour[peak] / report.total
    lines.append(f"The busiest hour was {peak:02d}:00–{(peak + 1) % 24:02d}:00 ({share:.0%}).")
    if report.share_within_target is not None:
        lines.append(
            f"{report.share_within_target:.0%} of answers came within the "
            f"{format_minutes(target)} target; the median took "
            f"{_minutes(report.median_first_response)}."
        )
    if report.covered_by_statement:
        n = report.covered_by_statement
        lines.append(f"{n:,} mention{'s were' if n != 1 else ' was'} answered by a public crisis "
                     "statement rather than one by one.")  # fmt: skip
    if report.complaint_words:
        top = ", ".join(w for w, _ in report.complaint_words[:5])
        lines.append(f"Complaints were mostly about: {top}.")
    return lines


def _fit(page: _Page, text: str, points: float, lines: int = 2) -> str:
    """At most ``lines`` lines of the page's width: a longer name ends in an ellipsis."""
    page.p.setFont(page.font(points if len(text) <= 40 else 22, bold=True))
    return page.p.fontMetrics().elidedText(text, Qt.ElideRight, int(page.w * lines * 0.95))


def _minutes(value: float | None) -> str:
    return "—" if value is None else format_minutes(round(value))


def _period(report: Report) -> str:
    return f"{report.start:%d %B %Y} – {report.end:%d %B %Y}"
