"""Issue 21's habit: a module past 500 lines is split along its seams before it grows further
(docs/architecture.md lists where each part lives)."""

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "socialdesk"
MOST_LINES = 500


def test_no_module_is_over_500_lines():
    sizes = {p.relative_to(PACKAGE).as_posix(): len(p.read_text().splitlines())
             for p in PACKAGE.rglob("*.py")}  # fmt: skip
    assert {name: n for name, n in sizes.items() if n > MOST_LINES} == {}
