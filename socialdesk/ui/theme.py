"""Light and dark palettes that follow the system unless the user picked one in Preferences.

Colours are chosen here once; widgets and delegates read them from the palette or from
``colours()``, so both themes stay readable. Fonts are never sized in pixels: everything scales
with the system font.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from socialdesk.ui.style import ThemeStyle


@dataclass(frozen=True)
class Colours:
    window: str
    base: str
    alternate: str
    text: str
    muted: str
    border: str
    highlight: str
    highlight_text: str
    card_selected: str
    danger: str
    warning: str
    ok: str
    chip: str
    sidebar: str
    notice: str  # the demo and undo banners, the reviewer's note
    notice_border: str
    note_border: str
    alarm: str  # the crisis banner
    alarm_border: str
    field_border: str  # text fields on the dark theme, lists and tables in dialogs


LIGHT = Colours(
    "#f4f5f7",
    "#ffffff",
    "#f0f2f5",
    "#1d2129",
    "#5f6673",
    "#dfe3e8",
    "#2f6fed",
    "#ffffff",
    "#e6efff",
    "#c62828",
    "#b26a00",
    "#2e7d32",
    "#eceff3",
    "#eceff3",
    "#fff4d6",
    "#f0d58a",
    "#f0d58a",
    "#fde8e8",
    "#f0b4b4",
    "#c9ced6",
)
DARK = Colours(
    "#1c1f24",
    "#15171b",
    "#22262c",
    "#e6e8eb",
    "#a0a7b2",
    "#333842",
    "#4c8dff",
    "#ffffff",
    "#22324f",
    "#ff6b6b",
    "#f0a83a",
    "#66bb6a",
    "#2a2f37",
    "#181b20",
    "#3a3220",
    "#5a4b25",
    "#6b5a2a",
    "#3b2222",
    "#6e3131",
    "#4a505c",
)

X_BADGE_LIGHT, X_BADGE_DARK = "#111111", "#5a616d"
NETWORK_BADGES = {  # letter and colour of the small network badge on cards and in the sidebar
    "x": ("X", X_BADGE_LIGHT),
    "mastodon": ("M", "#6364ff"),
    "bluesky": ("B", "#1185fe"),
}

_current = LIGHT
_style: ThemeStyle | None = None


def colours() -> Colours:
    return _current


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def apply(app: QApplication, preference: str) -> None:
    """``preference`` is "system", "light" or "dark"."""
    global _current, _style
    dark = system_prefers_dark() if preference == "system" else preference == "dark"
    _current = DARK if dark else LIGHT
    # X's black badge vanished into the dark theme's cards: a lighter grey there, same white X.
    NETWORK_BADGES["x"] = ("X", X_BADGE_DARK if dark else X_BADGE_LIGHT)
    _style = ThemeStyle(_current, dark=dark)  # the application does not keep it alive
    app.setStyle(_style)
    app.setPalette(_palette(_current))


def follow_system(app: QApplication, preference_getter) -> None:
    """Re-apply when the desktop switches between light and dark, if the user follows the system."""

    def changed(_scheme):
        if preference_getter() == "system":
            apply(app, "system")

    QGuiApplication.styleHints().colorSchemeChanged.connect(changed)


def _palette(c: Colours) -> QPalette:
    p = QPalette()
    roles = {
        QPalette.Window: c.window,
        QPalette.WindowText: c.text,
        QPalette.Base: c.base,
        QPalette.AlternateBase: c.alternate,
        QPalette.Text: c.text,
        QPalette.Button: c.window,
        QPalette.ButtonText: c.text,
        QPalette.ToolTipBase: c.base,
        QPalette.ToolTipText: c.text,
        QPalette.PlaceholderText: c.muted,
        QPalette.Highlight: c.highlight,
        QPalette.HighlightedText: c.highlight_text,
        QPalette.Link: c.highlight,
        QPalette.Mid: c.border,
        QPalette.Midlight: c.alternate,
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.Text, QPalette.WindowText, QPalette.ButtonText):
        p.setColor(QPalette.Disabled, role, QColor(c.muted))
    return p
