"""What the network's count of a reply says, shown beside the composer's editor: the characters
left (amber from nine tenths of the limit, red past it) and the text as it will be posted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from socialdesk.core.models import network_label

if TYPE_CHECKING:
    from socialdesk.core.counter import Count

PREVIEW_CHARS = 2_000  # a preview is read, not scrolled: longer text is cut


def show_count(label: QLabel, count: Count, network: str) -> None:
    remaining, limit = count.remaining, count.limit
    level = "over" if remaining < 0 else "warn" if count.weighted_length >= 0.9 * limit else ""
    label.setText(f"{remaining:,} left" if remaining >= 0 else f"{-remaining:,} over")
    label.setToolTip(
        f"{count.weighted_length:,} of {limit:,} characters, counted the way "
        f"{network_label(network)} counts them"
    )
    if label.property("level") != level:  # ui/style.py colours by level: polish again
        label.setProperty("level", level)
        label.style().unpolish(label)
        label.style().polish(label)


def show_preview(label: QLabel, count: Count, text: str, network: str) -> None:
    """``text`` as ``network`` will post it (hidden while there is nothing to post)."""
    posted = count.posted_text if count.posted_text is not None else text
    shown = posted if len(posted) <= PREVIEW_CHARS else posted[:PREVIEW_CHARS] + "…"
    label.setText(
        f"As it will be posted on {network_label(network)}:\n{shown}" if posted.strip() else ""
    )
    label.setVisible(bool(posted.strip()))
