"""The Qt face of client reports: rows are read and figures computed on the task runner; exports
are written off the UI thread except the PDF, whose charts are Qt graphics items."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from datetime import time as day_start
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QObject

from socialdesk.app.context import AppContext
from socialdesk.core import report as reporting
from socialdesk.core.report import ClientTerms, Report, ReportRows
from socialdesk.services import report_export
from socialdesk.store import reports


@dataclass(frozen=True)
class ReportData:
    report: Report
    rows: ReportRows  # read lazily: a year of a busy client is 100,000 of them
    terms: ClientTerms
    client_id: int
    seconds: float  # how long it took to read and compute
    first_day: date | None  # of the client's oldest mention, in its time zone (None: none yet)


class ReportsController(QObject):
    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = context

    def build(
        self,
        client_id: int,
        start: date,
        end: date,
        done: Callable[[ReportData], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        db, now = self.ctx.db, self.ctx.clock()

        def work() -> ReportData:
            began = time.perf_counter()
            terms = reports.client_terms(db, client_id)
            first, after = period_bounds(terms.timezone, start, end)
            rows = reports.report_rows(db, client_id, first, after)
            made = reporting.build(rows, terms, start, end, now)
            oldest = reports.first_mention_at(db, client_id)
            first_day = oldest.astimezone(_zone(terms.timezone)).date() if oldest else None
            return ReportData(made, rows, terms, client_id, time.perf_counter() - began, first_day)

        self.ctx.run(work, done, failed)

    def export_csv(
        self,
        data: ReportData,
        path: Path,
        done: Callable[[int], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """The report's rows again, this time with every mention's text (the figures only
        needed the complaints')."""
        db, report = self.ctx.db, data.report

        def work() -> int:
            first, after = period_bounds(data.terms.timezone, report.start, report.end)
            rows = reports.report_rows(db, data.client_id, first, after, every_text=True)
            return report_export.write_csv(path, rows, report, data.terms)

        self.ctx.run(work, done, failed)


def period_bounds(zone: str, start: date, end: date) -> tuple[datetime, datetime]:
    """The UTC instants of ``start`` 00:00 and the day after ``end`` 00:00 in ``zone``."""
    tz = _zone(zone)
    first = datetime.combine(start, day_start(), tz)
    after = datetime.combine(end + timedelta(days=1), day_start(), tz)
    return first.astimezone(UTC), after.astimezone(UTC)


def _zone(zone: str) -> tzinfo:
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC
