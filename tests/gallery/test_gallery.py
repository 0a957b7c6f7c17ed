"""The gallery command (tests/gallery/run.py) renders every view; here at one size in one theme, so
it stays quick. The whole set (3 sizes x 2 themes) is for looking at, not for CI."""

import importlib.util
import struct
import subprocess
import sys
from pathlib import Path

RUN = Path(__file__).with_name("run.py")


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_the_gallery_saves_every_view_at_one_size_and_theme(tmp_path):
    spec = importlib.util.spec_from_file_location("socialdesk_gallery", RUN)
    gallery = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gallery)
    done = subprocess.run(
        [sys.executable, str(RUN), str(tmp_path), "--sizes", "800x600", "--themes", "dark",
         "--jobs", "1"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    pictures = sorted(tmp_path.glob("*--800x600-dark.png"))
    names = {p.name.split("--")[0].split("-", 1)[1] for p in pictures}
    skipped = {line.split(": no ")[1].split(":")[0] for line in done.stdout.splitlines()
               if ": no " in line}  # fmt: skip
    assert names | skipped == set(gallery.VIEWS)
    assert {"inbox", "review", "outbox", "history", "reports", "crisis", "shortcuts"} <= names
    for picture in pictures:
        assert png_size(picture) == (800, 600), picture.name
        assert picture.stat().st_size > 10_000, f"{picture.name} looks blank"
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert all(p.name in index for p in pictures)
