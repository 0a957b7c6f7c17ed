"""Check the ICU data build.spec ships (cut to what Qt reads) against what Qt does with it.

    LD_PRELOAD=dist/SocialDesk/_internal/PySide6/Qt/lib/libicudata.so.73 \\
        uv run python resources/packaging/check_icu.py

The venv's PySide6 comes from the same wheel as the build's, so with the build's libicudata
preloaded it runs on exactly the data the packaged app gets. Exits non-zero, saying what, when
collation (each language's own order), upper and lower case or time zones stopped working.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main() -> int:
    from PySide6.QtCore import QCollator, QDateTime, QLocale, QTimeZone

    maps = Path("/proc/self/maps").read_text().splitlines()
    loaded = {line.split()[-1] for line in maps if "libicudata" in line}
    wanted = {str(Path(p).resolve()) for p in os.environ.get("LD_PRELOAD", "").split() if p}
    problems = []
    if not loaded or not loaded <= wanted:
        problems.append(f"runs on {sorted(loaded)}, not the preloaded {sorted(wanted)}")
    orders = {
        "de_DE": (["zebra", "Öl", "apfel", "ob", "Äpfel"], ["apfel", "Äpfel", "ob", "Öl", "zebra"]),
        "sv_SE": (["öl", "zebra", "ärta", "apa"], ["apa", "zebra", "ärta", "öl"]),
        "en_US": (["file10", "File1", "file2"], ["File1", "file2", "file10"]),
    }
    for locale, (words, expected) in orders.items():
        collator = QCollator(QLocale(locale))
        collator.setNumericMode(True)
        if sorted(words, key=collator.sortKey) != expected:
            problems.append(f"collation for {locale}: {sorted(words, key=collator.sortKey)}")
    if QLocale("tr_TR").toUpper("istanbul") != "İSTANBUL":
        problems.append("Turkish upper case")
    berlin = QTimeZone(b"Europe/Berlin")
    summer = QDateTime.fromSecsSinceEpoch(1_780_000_000)  # June 2026
    if not berlin.isValid() or berlin.offsetFromUtc(summer) != 7200:
        problems.append("time zone Europe/Berlin")
    for problem in problems:
        print(f"ICU data: {problem}", file=sys.stderr)
    if not problems:
        print(f"ICU data works for Qt: {', '.join(sorted(loaded))}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
