"""The report's CSV reads back as written: every row, in the client's time zone, text with
quotes, line breaks, emoji and right-to-left script intact, formulas defused."""

import csv
from datetime import UTC, date, datetime

from socialdesk.core.report import ClientTerms, Report, ReportRow, as_ms
from socialdesk.services.report_export import COLUMNS, write_csv

TEXTS = ['He said "refund", then\nleft 😡', "שלום, ההזמנה שלי לא הגיעה", '=HYPERLINK("x")', ""]


def test_rows_round_trip(tmp_path):
    rows = [
        ReportRow(i + 1, as_ms(datetime(2026, 11, 2, 22, 30 + i, tzinfo=UTC)), "x", "brand",
                  f"p{i}", "complaint", -0.5, "replied",
                  as_ms(datetime(2026, 11, 2, 23, 40, tzinfo=UTC)) if i % 2 == 0 else None, text)
        for i, text in enumerate(TEXTS)
    ]  # fmt: skip
    report = Report("Acme", date(2026, 11, 2), date(2026, 11, 3), 4, 2, 50.0, 70.0, 1, 0.5, 1,
                    response_minutes={1: 70.0, 3: 40.0})  # fmt: skip
    terms = ClientTerms("Acme", 60, "Europe/Berlin")
    path = tmp_path / "acme.csv"
    assert write_csv(path, rows, report, terms) == 4
    with path.open(encoding="utf-8-sig", newline="") as f:
        back = list(csv.reader(f))
    assert tuple(back[0]) == COLUMNS
    assert [r[-1] for r in back[1:]] == [TEXTS[0], TEXTS[1], "'" + TEXTS[2], ""]
    assert back[1][1] == "2026-11-02T23:30+01:00"  # Berlin's evening, not UTC's
    assert back[1][9:11] == ["70", "no"] and back[3][9:11] == ["40", "yes"]
    assert back[2][8:11] == ["", "", ""]  # not answered
    assert not (tmp_path / "acme.csv.part").exists()
