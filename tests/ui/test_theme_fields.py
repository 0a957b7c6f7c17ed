"""Text fields show where they are in either theme: their frame stands out from the pane."""

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from socialdesk.ui import theme


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("preference", ["light", "dark"])
@pytest.mark.parametrize("kind", [QLineEdit, QPlainTextEdit])
def test_a_text_fields_frame_stands_out_from_the_pane(qtbot, preference, kind):
    app = QApplication.instance()
    theme.apply(app, preference)
    try:
        pane = QWidget()
        pane.setObjectName("detail")
        QVBoxLayout(pane).addWidget(field := kind())
        qtbot.addWidget(pane)
        pane.resize(300, 120)
        pane.show()
        qtbot.waitExposed(pane)
        image = pane.grab().toImage()
        top = field.geometry().top()
        middle = field.geometry().center().x()
        outside, frame = image.pixelColor(middle, top - 2), image.pixelColor(middle, top)
        assert _contrast(outside, frame) >= 1.3, (preference, outside.name(), frame.name())
    finally:
        theme.apply(app, "light")
