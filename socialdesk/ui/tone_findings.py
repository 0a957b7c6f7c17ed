"""The tone checks' findings under the composer's editor: one row each, with its severity's icon
and its suggestion in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QScrollArea, QSizePolicy, QStyle

from socialdesk.core import tone

SEVERITY_ICONS = {
    "block": QStyle.SP_MessageBoxCritical,
    "warning": QStyle.SP_MessageBoxWarning,
    "info": QStyle.SP_MessageBoxInformation,
}
FindingRole = Qt.UserRole + 1


class FindingsList(QListWidget):
    """The tone findings, as tall as what they say (up to MAX_LINES lines): the findings are why
    the composer is there, so they are not squeezed behind a scroll bar while the editor below
    them stands half empty; the editor takes what room is left."""

    MAX_LINES = 16

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        self._width = 0

    def show_findings(self, findings: list[tone.Finding]) -> None:
        """List ``findings`` (hidden when there are none) without signalling a change of choice."""
        chosen = self.chosen()
        self.blockSignals(True)
        self.clear()
        for finding in findings:
            self.addItem(self._item(finding))
        # The same finding stays chosen (by what it says, not its row), or none: Apply must
        # never take another finding's suggestion.
        for row, finding in enumerate(findings):
            if chosen is not None and (finding.code, finding.span) == (chosen.code, chosen.span):
                self.setCurrentRow(row)
        self.blockSignals(False)
        self.setVisible(bool(findings))
        self.updateGeometry()  # as tall as its findings

    def _item(self, finding: tone.Finding) -> QListWidgetItem:
        icon = self.style().standardIcon(SEVERITY_ICONS[finding.severity])
        item = QListWidgetItem(icon, finding.message)
        item.setData(FindingRole, finding)
        tip = f"{finding.code} ({finding.severity})"
        if finding.suggestion is not None:
            tip += f" — suggestion: {finding.suggestion or '(remove)'}"
        item.setToolTip(tip)
        item.setData(Qt.AccessibleTextRole, f"{finding.severity}: {finding.message}")
        return item

    def chosen(self) -> tone.Finding | None:
        return self.finding(self.currentItem())

    @staticmethod
    def finding(item: QListWidgetItem | None) -> tone.Finding | None:
        return item.data(FindingRole) if item else None

    def sizeHint(self) -> QSize:
        lines = self.fontMetrics().lineSpacing()
        height = min(self._rows_height() + 2 * self.frameWidth() + 2, lines * self.MAX_LINES)
        return QSize(super().sizeHint().width(), max(height, 2 * lines))

    def _rows_height(self) -> int:
        """The rows' height wrapped at the list's width (the item delegate's own size hints
        are those of one long line)."""
        metrics = self.fontMetrics()
        icon = self.style().pixelMetric(QStyle.PM_ListViewIconSize, None, self)
        # The list's own width less a scroll bar's, whether one shows or not: measured from the
        # viewport, the height would move the scroll bar, which moves the width, which moves
        # the height… without end.
        scroll_bar = self.style().pixelMetric(QStyle.PM_ScrollBarExtent, None, self)
        inner = self.width() - 2 * self.frameWidth() - scroll_bar
        width = max(50, inner - icon - 40)  # the icon and the item's margins
        total = 0
        for i in range(self.count()):
            text = self.item(i).text()
            box = metrics.boundingRect(QRect(0, 0, width, 1_000_000), Qt.TextWordWrap, text)
            total += max(box.height(), icon) + 6
        return total

    def minimumSizeHint(self) -> QSize:
        # In a pane that scrolls (the inbox's), the findings are not squeezed: the pane scrolls
        # instead. Elsewhere (Review, the statement) they may shrink to two lines, so as not to
        # make the window taller than a small screen.
        lines = self.fontMetrics().lineSpacing()
        height = self.sizeHint().height() if self._in_scroll_area() else 2 * lines
        return QSize(super().minimumSizeHint().width(), height)

    def _in_scroll_area(self) -> bool:
        parent = self.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                return True
            parent = parent.parentWidget()
        return False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._width:  # wrapped anew: another height
            self._width = event.size().width()
            self.updateGeometry()
