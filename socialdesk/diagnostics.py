"""The log file and the "Copy diagnostics" text. Neither ever holds a secret."""

from __future__ import annotations

import logging
import platform
import re
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from socialdesk import __version__

LOG_FILE = "socialdesk.log"

# Anything that looks like a credential is masked before a log record is written, as a second line
# of defence: code should never log one in the first place.
_SECRET_PATTERNS = [
    re.compile(r"(?i)\b(bearer)(\s+)(\S+)"),
    re.compile(
        r"(?i)\b(authorization|access_?token|refresh_?token|access_?jwt|refresh_?jwt"
        r"|password|app_?password|client_?secret|code_?verifier)\b(\s*[:=]\s*|\s+)(\S+)"
    ),
]


def redact(text: str) -> str:
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(lambda m: f"{m.group(1)}{m.group(2)}[redacted]", text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    """Rotate at 1 MB, keep 3 old files: enough to diagnose, small enough to attach to an email."""
    path = data_dir / LOG_FILE
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    # A log that cannot be written (a full disk) must not print tracebacks over what the app
    # says: the failure that matters is reported in words by whoever hit it.
    logging.raiseExceptions = False
    return path


def diagnostics_text(data_dir: Path, extra: dict[str, str] | None = None) -> str:
    """Plain text a user can paste into a support request."""
    lines = [
        f"SocialDesk {__version__}",
        f"Python {sys.version.split()[0]} on {platform.platform()}",
        f"Frozen: {getattr(sys, 'frozen', False)}",
        f"Data folder: {data_dir}",
    ]
    lines += [f"{key}: {value}" for key, value in (extra or {}).items()]
    return redact("\n".join(lines))
