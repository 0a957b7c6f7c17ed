"""Where the real servers' installs live, and what to do when one is missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("SOCIALDESK_REALNET_CACHE", ROOT / ".cache" / "realnet"))
STRICT = os.environ.get("SOCIALDESK_REALNET") == "1"
HOW_TO_ENABLE = "run `bash tests/realnet/setup.sh` once to test against the real servers"


def unavailable(what: str) -> None:
    """Skip (a developer's machine without the servers) or fail (CI, where they must run)."""
    message = f"{what}: {HOW_TO_ENABLE}"
    if STRICT:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
