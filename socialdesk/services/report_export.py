"""A client report's underlying rows as CSV: one line per mention, in the client's time zone, so
the client can check every figure in a spreadsheet. Knows nothing of Qt."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from socialdesk.core.report import ClientTerms, Report, ReportRow, as_datetime

COLUMNS = (
    "mention_id", "received_local", "network", "account", "author", "category", "sentiment",
    "status", "first_response_local", "first_response_service_minutes", "within_target", "text",
)  # fmt: skip


def write_csv(path: Path, rows: Sequence[ReportRow], report: Report, terms: ClientTerms) -> int:
    """Write the rows; returns how many. Written to a temporary file first, so a failed export
    never leaves half a file where the last good one was."""
    zone = _zone(terms.timezone)
    partial = path.with_name(path.name + ".part")
    with partial.open("w", newline="", encoding="utf-8-sig") as out:  # BOM: Excel reads UTF-8
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for row in rows:
            minutes = report.response_minutes.get(row.id)
            writer.writerow((
                row.id,
                _local(row.created_ms, zone),
                row.network, f"@{row.account_handle}", f"@{row.author_handle}",
                row.category or "", "" if row.sentiment is None else f"{row.sentiment:.2f}",
                row.status,
                "" if row.first_response_ms is None else _local(row.first_response_ms, zone),
                "" if minutes is None else f"{minutes:.0f}",
                "" if minutes is None else ("yes" if minutes <= terms.response_target_minutes
                                            else "no"),
                _cell(row.text),
            ))  # fmt: skip
    partial.replace(path)
    return len(rows)


def _local(ms: int, zone: ZoneInfo) -> str:
    """A row's moment (ms since the epoch) in the client's zone, to the minute."""
    return as_datetime(ms).astimezone(zone).isoformat(timespec="minutes")


def _cell(text: str) -> str:
    """A spreadsheet runs a cell starting with = + - @ as a formula: such text gets a quote
    first (OWASP's CSV injection advice)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")
