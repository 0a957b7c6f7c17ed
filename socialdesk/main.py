"""Composition root (placeholder until the main window lands): parses arguments, shows a window."""

from __future__ import annotations

import argparse
import sys

from socialdesk import __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="socialdesk")
    parser.add_argument("--version", action="version", version=f"SocialDesk {__version__}")
    parser.add_argument("--smoke", metavar="PATH.png")
    parser.add_argument("--size", default="1280x800")
    args = parser.parse_args(argv)
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    win = QMainWindow()
    win.setWindowTitle("SocialDesk")
    win.setCentralWidget(QLabel("SocialDesk"))
    w, h = (int(v) for v in args.size.split("x"))
    win.resize(w, h)
    win.show()
    if args.smoke:
        app.processEvents()
        return 0 if win.grab().save(args.smoke) else 1
    return app.exec()
