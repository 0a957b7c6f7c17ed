"""The composer's tone findings are shown whole, not squeezed behind a scroll bar while the editor
stands half empty (seen at 1280x800 in the gallery: two of three findings, cut)."""

from tests.ui.test_composer import reply_to_first, settled

DRAFT = "Calm down. You must have entered the wrong address, that is not our fault."


def test_every_finding_shows_without_scrolling_and_the_editor_gives_way(make_window, qtbot):
    window = make_window(size=(1280, 800))
    reply_to_first(window, qtbot)
    composer = window.composer
    with qtbot.waitSignal(composer.updated, timeout=5_000):
        composer.editor.insertPlainText(DRAFT)
    settled(window, qtbot)
    findings = composer.findings_list
    qtbot.waitUntil(lambda: findings.count() >= 2)
    qtbot.waitUntil(lambda: findings.height() >= findings.sizeHint().height())
    if findings.sizeHint().height() < findings.MAX_LINES * findings.fontMetrics().lineSpacing():
        assert not findings.verticalScrollBar().isVisible()  # all of them, whole
    assert composer.editor.height() >= 5 * composer.fontMetrics().lineSpacing()
