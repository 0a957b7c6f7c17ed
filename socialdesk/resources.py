"""Where the files in ``resources/`` are: beside the package in a checkout, or in the PyInstaller
bundle. The user guide is found the same way, from ``docs/`` (``build.spec`` ships it)."""

from __future__ import annotations

import sys
from pathlib import Path


def _base() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else Path(__file__).resolve().parents[1]


def resources_dir() -> Path:
    return _base() / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def user_guide_path() -> Path:
    """``docs/user-guide.md``; its pictures are in ``docs/images/`` beside it."""
    return _base() / "docs" / "user-guide.md"
