"""Reports like a user: pick a client and period, read the figures, export the CSV and the PDF
(its pages rendered with pdftoppm and looked at: a cover, a summary, charts, details)."""

import csv
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QInputDialog

from socialdesk.core.report import Report
from socialdesk.ui.report_pdf import write_pdf
from socialdesk.ui.reports import SINCE_FIRST
from socialdesk.ui.sidebar import Target

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("pdftotext")),
    reason="needs poppler-utils (pdftoppm, pdftotext)",
)
REPORT = Report(
    client="Ridgeway Cycles", start=date(2026, 11, 1), end=date(2026, 11, 3), total=42,
    answered=30, median_first_response=38.0, p90_first_response=95.0, within_target=24,
    share_within_target=0.8, overdue=7,
    by_day=[(date(2026, 11, d), n) for d, n in ((1, 10), (2, 20), (3, 12))],
    by_category=[("complaint", 20), ("question", 15), ("praise", 7)],
    sentiment_by_day=[(date(2026, 11, 1), -0.4), (date(2026, 11, 2), None),
                      (date(2026, 11, 3), 0.3)],
    by_hour=[0] * 9 + [5, 9, 8, 4, 3, 2, 4, 3, 2, 1, 1] + [0] * 4,
    repeat_authors=[("angry_ann", 5), ("bob", 2)],
    complaint_words=[("brakes", 9), ("delivery", 4)],
)  # fmt: skip


@needs_poppler
def test_the_pdf_has_a_cover_a_summary_charts_and_details(qapp, tmp_path):
    path = tmp_path / "report.pdf"
    pages = write_pdf(path, REPORT, prepared_by="Sam Rivera", zone="Europe/Berlin",
                      target_minutes=60, now=datetime(2026, 11, 4, tzinfo=UTC))  # fmt: skip
    assert pages == 4 and not (tmp_path / "report.pdf.part").exists()
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    cover, summary, charts, details = text.split("\f")[:4]
    assert "Ridgeway Cycles" in cover and "Sam Rivera" in cover
    assert "01 November 2026 – 03 November 2026" in cover
    assert "80%" in summary and "38m" in summary and "Europe/Berlin" in summary
    assert "busiest day was Monday 02 November" in summary
    assert "busiest hour was 10:00–11:00 (21%)" in summary
    assert "Mentions per day" in charts and "Busiest hours" in charts
    assert "@angry_ann" in details and "brakes" in details
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "page")],
                   check=True)  # fmt: skip
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == 4
    for image in images:  # every page has something drawn on it
        picture = QImage(str(image))
        assert _ink(picture) > 0.002, image.name


def _ink(picture: QImage) -> float:
    """Share of pixels that are not white, sampled."""
    dark = total = 0
    for y in range(0, picture.height(), 4):
        for x in range(0, picture.width(), 4):
            total += 1
            dark += picture.pixelColor(x, y).lightness() < 230
    return dark / total


def open_reports(window, qtbot):
    window.sidebar.select(Target("Reports"))
    panel = window.reports
    qtbot.waitUntil(lambda: panel._data is not None, timeout=20_000)
    return panel


def test_the_view_shows_the_clients_figures_and_exports_its_rows(
    make_window, qtbot, tmp_path, monkeypatch
):
    window = make_window()
    panel = open_reports(window, qtbot)
    data = panel._data
    assert data.report.client == panel.client.currentText() and data.report.total > 0
    tiles = [panel.tiles.itemAt(i).widget().accessibleName() for i in range(panel.tiles.count())]
    assert f"Mentions received: {data.report.total:,}" in tiles
    assert panel.chart_grid.count() == 4

    panel.client.setCurrentIndex(1)  # another client
    qtbot.waitUntil(lambda: panel._data.report.client == panel.client.itemText(1), timeout=20_000)

    target = tmp_path / "exports" / "rows.csv"
    target.parent.mkdir()
    offered = []

    def save_as(_parent, _title, suggested, _kind):
        offered.append(Path(suggested).parent)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    panel.csv_button.click()
    qtbot.waitUntil(lambda: "Saved" in panel.status.text(), timeout=20_000)
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == panel._data.report.total
    assert {r["mention_id"] for r in rows} == {str(r.id) for r in panel._data.rows}
    assert all(r["text"] for r in rows)  # every mention's words, not only the complaints'
    # The first time Documents is offered; the next time, the folder chosen last.
    panel.csv_button.click()
    qtbot.waitUntil(lambda: len(offered) == 2, timeout=20_000)
    documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    assert offered == [Path(documents), target.parent]


def test_the_first_report_covers_the_days_the_workspace_holds_not_thirty(make_window, qtbot):
    window = make_window()  # the demo holds a week of mentions
    panel = open_reports(window, qtbot)
    qtbot.waitUntil(lambda: panel.period.currentText() == SINCE_FIRST, timeout=20_000)
    qtbot.waitUntil(lambda: panel._data.report.start == panel.start.date().toPython())
    first_day, mentions_that_day = panel._data.report.by_day[0]
    assert first_day == panel.start.date().toPython() and mentions_that_day > 0
    assert (panel.end.date().toPython() - first_day).days < 10
    # A period the manager chooses is kept.
    panel.period.setCurrentText("Last 30 days")
    qtbot.waitUntil(lambda: (panel._data.report.end - panel._data.report.start).days == 29,
                    timeout=20_000)  # fmt: skip
    assert panel.period.currentText() == "Last 30 days"


@needs_poppler
def test_the_pdf_export_asks_for_the_name_once(make_window, qtbot, tmp_path, monkeypatch):
    window = make_window()
    panel = open_reports(window, qtbot)
    asked = []
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: asked.append(1) or ("Sam Rivera", True))  # fmt: skip
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "client"), "")
    )
    panel.pdf_button.click()
    assert (tmp_path / "client.pdf").stat().st_size > 10_000  # the suffix is added
    assert "4-page" in panel.status.text()
    panel.pdf_button.click()
    assert asked == [1] and window.controller.settings.get("agent_name") == "Sam Rivera"


def test_a_narrow_view_wraps_the_toolbar_and_says_no_timings(make_window, qtbot):
    window = make_window()
    window.resize(800, 600)
    panel = open_reports(window, qtbot)
    qtbot.waitUntil(lambda: panel.is_narrow(), timeout=5_000)
    assert panel._dates_row.indexOf(panel.dates) >= 0  # the days on a row of their own
    period = panel.period
    assert period.width() >= period.fontMetrics().horizontalAdvance(SINCE_FIRST)
    rows = {panel.tiles.getItemPosition(i)[0] for i in range(panel.tiles.count())}
    assert rows == {0, 1}  # two rows of three tiles
    assert "computed" not in panel.status.text() and "Computed" in panel.status.toolTip()
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: not panel.is_narrow(), timeout=5_000)
    assert panel._bar.indexOf(panel.dates) >= 0
    assert {panel.tiles.getItemPosition(i)[0] for i in range(panel.tiles.count())} == {0}
