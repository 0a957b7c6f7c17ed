"""A stacked widget whose pages are made when first shown or first asked for, so the window paints
without building views nobody has opened yet (Review, Outbox, History, Reports: about a third of
the main window's construction time at start-up)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStackedWidget, QWidget


class LazyStack(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._makers: dict[QWidget, Callable[[], QWidget]] = {}  # placeholder -> maker

    def add_lazy(self, make: Callable[[], QWidget]) -> int:
        """A page made by ``make`` when first shown or asked for (``page``, ``widget``)."""
        placeholder = QWidget()
        self._makers[placeholder] = make
        return self.addWidget(placeholder)

    def made(self, index: int) -> QWidget | None:
        """The page at ``index`` if it exists already, without making it."""
        widget = super().widget(index)
        return None if widget in self._makers else widget

    def page(self, index: int) -> QWidget | None:
        placeholder = super().widget(index)
        make = self._makers.pop(placeholder, None) if placeholder is not None else None
        if make is None:
            return placeholder
        real = make()
        self.insertWidget(index, real)  # before the placeholder, which is then taken out
        self.removeWidget(placeholder)
        placeholder.deleteLater()
        return real

    def widget(self, index: int) -> QWidget | None:
        return self.page(index) if 0 <= index < self.count() else super().widget(index)

    def setCurrentIndex(self, index: int) -> None:
        if 0 <= index < self.count():
            self.page(index)
        super().setCurrentIndex(index)
