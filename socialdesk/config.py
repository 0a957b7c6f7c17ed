"""Where data lives and the user's preferences — each setting declared once, with its type and
default.

Preferences are a small JSON file in the data folder, versioned so later releases can upgrade it
(Picard's pattern). Never a secret here: credentials live only in the OS keyring.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

APP_NAME = "SocialDesk"
DATA_DIR_ENV = "SOCIALDESK_DATA_DIR"
SETTINGS_FILE = "settings.json"
SCHEMA_VERSION = 1


def resolve_data_dir(cli_value: str | None = None) -> Path:
    """``--data-dir`` wins, then ``$SOCIALDESK_DATA_DIR``, then the platform's user data folder."""
    chosen = cli_value or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Setting:
    key: str
    type: type[Any]
    default: Any
    label: str
    choices: tuple[Any, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    suffix: str = ""
    hidden: bool = False  # internal state kept with the preferences, not shown in the dialog
    folder: bool = False  # a folder's path: the dialog offers Browse… beside the field

    def coerce(self, value: Any) -> Any:
        """The value if it has the declared type and range, else the default (a hand-edited file
        must never stop the app from starting)."""
        if self.type is int and isinstance(value, bool):
            return self.default
        if not isinstance(value, self.type):
            return self.default
        if self.choices and value not in self.choices:
            return self.default
        if self.minimum is not None and value < self.minimum:
            return self.minimum
        if self.maximum is not None and value > self.maximum:
            return self.maximum
        return value


SETTINGS: tuple[Setting, ...] = (
    Setting("agent_name", str, "", "Your name, used for {agent} in saved replies"),
    Setting("theme", str, "system", "Theme", choices=("system", "light", "dark")),
    Setting(
        "export_folder",
        str,
        "",
        "Save reports in (empty: Documents; the last one used)",
        folder=True,
    ),
    Setting("notifications", bool, True, "Desktop notifications for urgent and overdue mentions"),
    Setting(
        "sync_interval_seconds",
        int,
        60,
        "Check for new mentions every",
        minimum=15,
        maximum=3600,
        suffix=" s",
    ),
    Setting(
        "crisis_update_minutes",
        int,
        60,
        "In a crisis, remind me to post an update after",
        minimum=15,
        maximum=24 * 60,
        suffix=" min",
    ),
    # The user left the demo workspace on purpose: don't reopen it just because no account exists
    # yet.
    Setting("demo_dismissed", bool, False, "Demo workspace dismissed", hidden=True),
    # The first launch's choice (the demo, or setting up my clients) was made: no welcome again.
    Setting("welcome_done", bool, False, "First-launch choice made", hidden=True),
)
_BY_KEY = {s.key: s for s in SETTINGS}


class Settings:
    """Typed preferences backed by ``settings.json``; unknown keys are kept, bad values ignored."""

    def __init__(self, path: Path, values: dict[str, Any] | None = None) -> None:
        self.path = path
        self._values = dict(values or {})

    @classmethod
    def load(cls, data_dir: Path) -> Settings:
        path = data_dir / SETTINGS_FILE
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raw = {}
        except (OSError, ValueError) as exc:
            # A damaged preferences file costs the user their preferences, never the start-up.
            log.warning("Ignoring unreadable settings file %s: %s", path, exc)
            raw = {}
        if not isinstance(raw, dict):
            raw = {}
        return cls(path, _upgrade(raw))

    def get(self, key: str) -> Any:
        setting = _BY_KEY[key]
        return setting.coerce(self._values.get(key, setting.default))

    def set(self, key: str, value: Any) -> None:
        setting = _BY_KEY[key]
        if setting.coerce(value) != value:
            raise ValueError(f"{setting.label}: {value!r} is not allowed")
        self._values[key] = value

    def save(self) -> None:
        """Write atomically, so a crash mid-write leaves the old file intact."""
        payload = {"schema_version": SCHEMA_VERSION, **self._values}
        tmp = self.path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(payload, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path)


def _upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    """Bring an older settings file up to SCHEMA_VERSION. Version 1 is the first; steps go here."""
    values = {k: v for k, v in raw.items() if k != "schema_version"}
    return values
