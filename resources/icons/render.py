"""Render socialdesk.svg into the raster icons packages need: PNGs for Linux, .ico for Windows,
.icns for macOS. Run after editing the SVG: ``uv run python resources/icons/render.py``.

Both container formats are small enough to write by hand (PNG images in a header of sizes), so no
image library is needed beyond Qt.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SVG = HERE / "socialdesk.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def render(size: int) -> bytes:
    image = QImage(size, size, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico(pngs: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in pngs.items():
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
        blobs += png
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    chunks = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", len(png) + 8) + png for size, png in pngs.items()
    )
    return b"icns" + struct.pack(">I", len(chunks) + 8) + chunks


def main() -> None:
    QGuiApplication(sys.argv[:1])
    (HERE / "socialdesk.png").write_bytes(render(256))
    (HERE / "socialdesk.ico").write_bytes(ico({s: render(s) for s in ICO_SIZES}))
    (HERE / "socialdesk.icns").write_bytes(icns({s: render(s) for s in ICNS_TYPES}))


if __name__ == "__main__":
    main()
