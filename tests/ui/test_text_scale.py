"""At 150% text (the application font's point size × 1.5, as a user with large text has it) no
button, label or column title is cut off at 1280x800: in the main window (every view, the
composer open, the crisis banner shown), on every page of the setup, and in the setup's dialogs
(a new client, its brand voice, an account). A label elided on purpose (``ElidedLabel``: its whole
text in the tooltip) may be narrower than its text; a widget running past the edge of the
scrolled view it sits in counts as cut off."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
)

from socialdesk.store import clients as store_clients
from socialdesk.ui import theme
from socialdesk.ui.sidebar import Target
from tests.ui.conftest import leave_demo
from tests.ui.test_composer import reply_to_first, settled, typed
from tests.ui.test_crisis_view import simulated

SCALE = 1.5
FIELD_PADDING = 12  # a line edit's frame and text margins, both sides


@pytest.fixture
def large_text(qapp):
    """The light theme (as the app starts) with the font half as big again; put back after."""
    font, sheet, palette = QFont(qapp.font()), qapp.styleSheet(), qapp.palette()
    theme.apply(qapp, "light")
    bigger = QFont(font)
    bigger.setPointSizeF(font.pointSizeF() * SCALE)
    qapp.setFont(bigger)
    yield bigger
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


def _outside_its_view(widget) -> bool:
    """Wider than the scrolled view it is in: its right end is out of sight (no sideways
    scrolling there)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is None or parent.horizontalScrollBar().isVisible():
        return False
    right = widget.mapTo(parent.viewport(), widget.rect().topRight()).x()
    return right > parent.viewport().width() + 1


def cut_off(top) -> list[str]:
    """The buttons and labels shown in ``top`` whose text does not fit them."""
    found = []
    for widget in top.findChildren(QAbstractButton) + top.findChildren(QLabel):
        if not widget.isVisibleTo(top) or not widget.text() or widget.property("elided"):
            continue
        name = f"{type(widget).__name__} {widget.text()[:50]!r}"
        if _outside_its_view(widget):
            found.append(f"{name}: runs past the right edge of its view")
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + 1:
                found.append(f"{name}: {widget.height()} px tall, needs {need}")
            continue
        hint = widget.sizeHint()
        if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
            found.append(f"{name}: {widget.width()}x{widget.height()}, needs {hint.toTuple()}")
    for field in top.findChildren(QLineEdit):  # an empty field's hint says what it is for
        hint = field.placeholderText()
        room = field.width() - FIELD_PADDING
        if field.isVisibleTo(top) and hint and field.fontMetrics().horizontalAdvance(hint) > room:
            found.append(f"field {hint!r}: {field.width()} px, its hint cut off")
    for header in top.findChildren(QHeaderView):  # a table's column titles are text too
        if header.isVisibleTo(top) and header.orientation() == Qt.Horizontal:
            found += _cut_titles(header)
    return found


def _cut_titles(header: QHeaderView) -> list[str]:
    model, found = header.model(), []
    margin = header.style().pixelMetric(QStyle.PM_HeaderMargin, None, header)
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        title = str(model.headerData(section, Qt.Horizontal) or "")
        need = header.fontMetrics().horizontalAdvance(title) + 2 * margin
        if title and header.sectionSize(section) + 1 < need:
            found.append(f"column {title!r}: {header.sectionSize(section)} px, needs {need}")
    return found


def _laid_out(qtbot, widget) -> None:
    QApplication.processEvents()
    qtbot.waitUntil(lambda: widget.isVisible())
    QApplication.processEvents()


def test_the_window_and_the_composer_at_large_text(large_text, make_window, qtbot, monkeypatch):
    window = make_window(size=(1280, 800))
    assert window.font().pointSizeF() == large_text.pointSizeF()
    simulated(window, qtbot, monkeypatch)  # the crisis banner too
    reply_to_first(window, qtbot)
    typed(window, qtbot, "Calm down, you must have typed the wrong address")  # findings
    window.composer.mark_ready()  # and the Review view has a draft to show
    settled(window, qtbot)
    reply_to_first(window, qtbot, 1)
    typed(window, qtbot, "Sorry! Please send us your order number by DM")
    settled(window, qtbot)
    _laid_out(qtbot, window.composer)
    assert cut_off(window) == [], "\n".join(cut_off(window))
    for view in ("Review", "Outbox", "History", "Reports"):
        window.sidebar.select(Target(view))
        settled(window, qtbot)
        _laid_out(qtbot, window.views.currentWidget())
        assert cut_off(window) == [], view


@pytest.fixture
def own_window(make_window, data_dir, qtbot):
    """The user's own workspace, with one client and no account yet: the setup's own ground."""
    leave_demo(data_dir)
    window = make_window(size=(1280, 800))
    store_clients.add_client(window.controller.workspace.db, "Acme")
    window.controller.refresh_clients()
    qtbot.waitUntil(lambda: len(window.controller.clients) == 1, timeout=10_000)
    return window


def test_every_setup_page_at_large_text(large_text, own_window, qtbot):
    window = own_window
    onboarding = window.onboarding
    onboarding.show_setup("client")
    setup = onboarding.setup
    [client] = window.controller.clients
    for show in (
        setup.show_welcome,
        setup.show_client,
        lambda: setup.show_accounts(client.id),
        setup.show_sync,
    ):
        show()
        _laid_out(qtbot, setup.pages.currentWidget())
        assert cut_off(window) == [], setup.pages.currentWidget().objectName()


def test_the_setup_dialogs_at_large_text(large_text, own_window, qtbot):
    from socialdesk.ui.brand_voice import BrandVoiceDialog
    from socialdesk.ui.client_editor import ClientEditorDialog

    window = own_window
    editor = ClientEditorDialog(window.controller.client_admin, None, window)
    voice = BrandVoiceDialog("Acme", (), (), window)
    for dialog, name in ((editor, "client-editor"), (voice, "brand-voice")):
        qtbot.addWidget(dialog)
        dialog.show()
        _laid_out(qtbot, dialog)
        assert cut_off(dialog) == [], name

    account = window.onboarding.account_dialog("mastodon", "Acme")
    qtbot.addWidget(account)
    account.show()
    for network in ("mastodon", "bluesky", "x"):
        account.network.setCurrentIndex(account.network.findData(network))
        _laid_out(qtbot, account)
        assert cut_off(account) == [], network


def test_the_check_finds_a_cut_button_a_short_label_and_one_past_its_view(large_text, qtbot):
    """The walk above would notice: a button narrower than its words, a wrapped label shorter
    than its lines, a button running out of the scrolled view it sits in."""
    from PySide6.QtWidgets import QPushButton, QScrollArea, QVBoxLayout, QWidget

    top = QWidget()
    qtbot.addWidget(top)
    button = QPushButton("Add client and continue", top)
    button.setGeometry(0, 0, 40, 30)
    label = QLabel("A client is a brand you answer for, " * 6, top)
    label.setWordWrap(True)
    label.setGeometry(0, 40, 120, 20)
    area = QScrollArea(top)
    area.setGeometry(0, 80, 100, 60)
    inside = QWidget()
    QVBoxLayout(inside).addWidget(QPushButton("Ready for review"))
    inside.setMinimumWidth(300)
    area.setWidget(inside)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    top.show()
    _laid_out(qtbot, top)
    found = cut_off(top)
    assert len(found) == 3 and any("past the right edge" in f for f in found)
