"""Paints one mention card. One painted delegate for the whole list — never a widget per row — so
the feed scrolls smoothly through thousands of mentions. Text is drawn as plain text: a mention
containing ``<b>`` shows those characters."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from socialdesk.app.view_models import MentionRow
from socialdesk.core.models import MentionStatus, Priority
from socialdesk.core.search import find_spans
from socialdesk.core.sla import ClockState, ResponseClock
from socialdesk.ui import theme
from socialdesk.ui.feed.model import DRAFT_CHIP, HighlightRole, RowRole
from socialdesk.ui.format import card_text, clock_text, relative_time

TEXT_LINES = 2
# Combined once: or-ing Qt's flags is a Python enum operation, a few microseconds each time, and a
# card is drawn with a dozen of them (bench_inbox pages cards in during the scroll's frame).
LEFT = Qt.AlignLeft | Qt.AlignVCenter
RIGHT = Qt.AlignRight | Qt.AlignVCenter
ONE_LINE = Qt.AlignLeft | Qt.AlignVCenter | Qt.TextSingleLine
CARD_PICTURES = 48  # drawn cards kept: a few screens' worth (~10 MB at 1280 px)


class CardDelegate(QStyledItemDelegate):
    def __init__(
        self,
        now: Callable[[], datetime],
        clock_for: Callable[[MentionRow], ResponseClock],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._clock_for = clock_for
        self._pictures: dict[tuple, QPixmap] = {}  # drawn cards, least recently painted first

    # Every card has the same height (uniformItemSizes), derived from the font so it scales.
    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        line = QFontMetrics(option.font).lineSpacing()
        pad = line // 2
        return QSize(320, pad * 2 + line * (2 + TEXT_LINES) + pad)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        """A card is measured and drawn once into a picture, kept for as long as what it shows
        is the same (the row, its clock and age, the size, selection, focus, search, theme): the
        view paints the same cards many times while it scrolls."""
        row = index.data(RowRole)
        if row is None:
            return
        rect = option.rect
        clock = self._clock_for(row)
        when = relative_time(row.created_at, self._now())
        highlights = index.data(HighlightRole) or ()
        state = (
            bool(option.state & QStyle.State_Selected),
            bool(option.state & QStyle.State_HasFocus),
        )
        ratio = painter.device().devicePixelRatioF()
        size = (rect.width(), rect.height())
        key = (row, clock, when, size, state, highlights, id(theme.colours()), option.font.key())
        key += (ratio,)
        picture = self._pictures.pop(key, None)
        if picture is None:
            picture = QPixmap(QSize(*size) * ratio)
            picture.setDevicePixelRatio(ratio)
            card = QPainter(picture)
            self._draw(card, QRect(0, 0, *size), option, row, clock, when, highlights)
            card.end()
            if len(self._pictures) >= CARD_PICTURES:
                del self._pictures[next(iter(self._pictures))]  # the least recently painted
        self._pictures[key] = picture
        painter.drawPixmap(rect.topLeft(), picture)

    def _draw(
        self,
        painter: QPainter,
        rect: QRect,
        option: QStyleOptionViewItem,
        row: MentionRow,
        clock: ResponseClock,
        when: str,
        highlights: tuple[str, ...],
    ) -> None:
        c = theme.colours()
        painter.save()
        selected = bool(option.state & QStyle.State_Selected)
        painter.fillRect(rect, QColor(c.card_selected if selected else c.base))
        painter.setPen(QPen(QColor(c.border)))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())  # crisp, and cheap, unsmoothed
        painter.setRenderHint(QPainter.Antialiasing)
        if option.state & QStyle.State_HasFocus:
            painter.setPen(QPen(QColor(c.highlight), 2))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        # Client colour strip on the left edge.
        painter.fillRect(
            QRect(rect.left(), rect.top(), 4, rect.height()), QColor(row.client_colour)
        )

        font = QFont(option.font)
        fm = QFontMetrics(font)
        line = fm.lineSpacing()
        pad = line // 2
        left = rect.left() + 4 + pad
        right = rect.right() - pad
        top = rect.top() + pad

        # Line 1: network badge, author, handle, time, clock.
        badge = line
        self._badge(painter, QRect(left, top, badge, badge), row.network, font)
        x = left + badge + pad // 2
        bold = QFont(font)  # unread (new) mentions stand out like unread mail
        bold.setWeight(QFont.Bold if row.status == MentionStatus.NEW else QFont.DemiBold)
        clock_label = clock_text(clock)
        right_text = f"{when}"
        rfm = fm
        clock_w = self._clock_width(rfm, clock_label, pad)
        when_w = rfm.horizontalAdvance(right_text)
        name_room = right - x - clock_w - when_w - pad * 2
        painter.setFont(bold)
        painter.setPen(QColor(c.text))
        bold_fm = QFontMetrics(bold)
        name = bold_fm.elidedText(
            row.author_name or row.author_handle, Qt.ElideRight, max(0, name_room // 2)
        )
        painter.drawText(QRect(x, top, name_room, line), LEFT, name)
        x += bold_fm.horizontalAdvance(name) + pad // 2
        painter.setFont(font)
        painter.setPen(QColor(c.muted))
        handle = rfm.elidedText(
            f"@{row.author_handle}", Qt.ElideRight, max(0, right - x - clock_w - when_w - pad * 2)
        )
        painter.drawText(QRect(x, top, right - x, line), LEFT, handle)
        painter.drawText(
            QRect(right - clock_w - when_w - pad, top, when_w, line),
            RIGHT,
            right_text,
        )
        if clock_label:
            self._clock_pill(
                painter, QRect(right - clock_w, top, clock_w, line), clock.state, clock_label, font
            )

        # Lines 2-3: the text, wrapped and elided, plain.
        text_top = top + line + pad // 3
        self._text(
            painter,
            QRectF(left, text_top, right - left, line * TEXT_LINES),
            card_text(row.text),
            font,
            QColor(c.text),
            highlights,
        )

        # Last line: client · account, status and category chips.
        meta_top = text_top + line * TEXT_LINES + pad // 3
        painter.setPen(QColor(c.muted))
        meta = f"{row.client_name} · @{row.account_handle}"
        chips: list[tuple[str, str | None, bool]] = [(row.status, None, False)]
        if row.category:
            label, check = category_chip(row)
            chips.insert(0, (label, None, check))
        if row.priority in (Priority.URGENT, Priority.HIGH):
            colour = c.danger if row.priority == Priority.URGENT else c.warning
            chips.insert(0, (row.priority, colour, False))
        if row.draft:  # leftmost: a reply is under way, don't start another
            chips.append((DRAFT_CHIP[row.draft], c.highlight, False))
        chip_x = right
        for chip, colour, check in chips:
            w = rfm.horizontalAdvance(chip) + pad + (pad // 2 if check else 0)  # room for dashes
            chip_x -= w
            chip_rect = QRect(chip_x, meta_top, w, line)
            if check:
                self._check_chip(painter, chip_rect, chip, font)
            else:
                self._chip(painter, chip_rect, chip, font, colour)
            chip_x -= pad // 2
        painter.setPen(QColor(c.muted))
        painter.drawText(
            QRect(left, meta_top, chip_x - left - pad, line),
            LEFT,
            rfm.elidedText(meta, Qt.ElideRight, max(0, chip_x - left - pad)),
        )
        painter.restore()

    # -- pieces ----------------------------------------------------------------------------------
    def _badge(self, painter: QPainter, r: QRect, network: str, font: QFont) -> None:
        letter, colour = theme.NETWORK_BADGES.get(network, ("?", "#888888"))
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(r.adjusted(1, 1, -1, -1))
        small = QFont(font)
        small.setBold(True)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.7))
        painter.setFont(small)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(r, Qt.AlignCenter, letter)

    def _clock_width(self, fm: QFontMetrics, label: str, pad: int) -> int:
        return fm.horizontalAdvance(label) + pad if label else 0

    def _clock_pill(self, painter, r: QRect, state: ClockState, label: str, font: QFont) -> None:
        c = theme.colours()
        colour = {
            ClockState.OVERDUE: c.danger,
            ClockState.DUE_SOON: c.warning,
            ClockState.ANSWERED: c.ok,
        }.get(state, c.muted)
        path = QPainterPath()
        path.addRoundedRect(QRectF(r), r.height() / 2, r.height() / 2)
        fill = QColor(colour)
        fill.setAlpha(40)
        painter.fillPath(path, fill)
        painter.setFont(font)
        painter.setPen(QColor(colour))
        painter.drawText(r, Qt.AlignCenter, label)

    def _chip(self, painter, r: QRect, label: str, font: QFont, colour: str | None) -> None:
        c = theme.colours()
        path = QPainterPath()
        path.addRoundedRect(QRectF(r), 4, 4)
        fill = QColor(colour or c.chip)
        if colour:
            fill.setAlpha(40)
        painter.fillPath(path, fill)
        painter.setPen(QColor(colour or c.muted))
        painter.setFont(font)
        painter.drawText(r, Qt.AlignCenter, label)

    def _check_chip(self, painter, r: QRect, label: str, font: QFont) -> None:
        """A category triage was not sure of: a dashed amber outline, empty inside, its label in
        the text colour (readable on either theme; the outline needs only 3:1)."""
        c = theme.colours()
        path = QPainterPath()
        path.addRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        pen = QPen(QColor(c.warning), 1.0, Qt.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(path)
        painter.setPen(QColor(c.text))
        painter.setFont(font)
        painter.drawText(r, Qt.AlignCenter, label)

    def _text(
        self, painter, r: QRectF, text: str, font: QFont, colour: QColor, terms: tuple[str, ...]
    ) -> None:
        """The text in plain characters; where the search found its terms, a marker behind them
        (per line: a phrase broken across two lines is not marked)."""
        fm = QFontMetrics(font)
        marker = QColor(theme.colours().warning)
        marker.setAlpha(70)
        painter.setFont(font)
        for n, piece in enumerate(card_lines(text, font, r.width())):
            box = QRectF(r.left(), r.top() + n * fm.lineSpacing(), r.width(), fm.lineSpacing())
            # Offsets measured from the left are wrong in right-to-left text: no marker there.
            marked = () if _right_to_left(piece) else find_spans(piece, terms)
            for start, end in marked:
                x = fm.horizontalAdvance(piece[:start])
                width = fm.horizontalAdvance(piece[start:end])
                painter.fillRect(QRectF(box.left() + x, box.top(), width, box.height()), marker)
            painter.setPen(colour)
            painter.drawText(box, ONE_LINE, piece)


def category_chip(row: MentionRow) -> tuple[str, bool]:
    """The category as the card shows it, and whether it is a call to check: "praise*" when the
    manager filed it, "praise?" (drawn dashed) when triage was not sure."""
    if not row.category:
        return "", False
    if row.category_overridden:
        return f"{row.category}*", False
    if not row.triage_sure:
        return f"{row.category}?", True
    return row.category, False


def card_lines(text: str, font: QFont, width: float, lines: int = TEXT_LINES) -> list[str]:
    """``text`` wrapped into at most ``lines`` lines of ``width``, the last one elided. Plain
    text: whatever the characters are (tags, RTL, emoji), they are what is drawn."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    fm = QFontMetrics(font)
    # QTextLayout counts UTF-16 units; slice the same units so emoji never split the line.
    units = text.encode("utf-16-le", "surrogatepass")
    result = []
    layout.beginLayout()
    for n in range(lines):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, end = line.textStart(), line.textStart() + line.textLength()
        last = n == lines - 1 and end < len(units) // 2
        piece = _decode(units[start * 2 :] if last else units[start * 2 : end * 2])
        result.append(fm.elidedText(piece, Qt.ElideRight, int(width)) if last else piece)
    layout.endLayout()
    return result


def _right_to_left(text: str) -> bool:
    if text.isascii():  # most cards: no character to look up
        return False
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def _decode(utf16: bytes) -> str:
    return utf16.decode("utf-16-le", "surrogatepass")
