"""Help → User guide (F1) opens docs/user-guide.md in the app, pictures and all; the guide's links
(pictures, its own headings) all lead somewhere, and the packaged app finds it too."""

import re
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QTextDocument

from socialdesk.resources import user_guide_path
from socialdesk.ui.guide import PICTURE_MAX_WIDTH, GuideDialog, slug

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "user-guide.md"
PICTURE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
ANCHOR_LINK = re.compile(r"\]\(#([^)]+)\)")


def pictures(document: QTextDocument) -> list[str]:
    names, block = [], document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return names


def test_help_user_guide_opens_the_guide_with_its_pictures(make_window, qtbot):
    window = make_window(wait_ready=False)
    guide_action = window.menus.help.guide_action
    assert guide_action.shortcut() == QKeySequence(QKeySequence.HelpContents)  # F1
    guide_action.trigger()
    guide = window.findChild(GuideDialog)
    qtbot.waitUntil(lambda: guide is not None and guide.isVisible())
    browser = guide.browser
    text = browser.toPlainText()
    assert text.startswith("SocialDesk user guide")
    assert "Where your data lives" in text and "Troubleshooting" in text
    shown = pictures(browser.document())
    assert len(shown) == len(PICTURE.findall(GUIDE.read_text(encoding="utf-8"))) >= 3
    for name in shown:
        image = browser.loadResource(QTextDocument.ImageResource, browser.source().resolved(
            QUrl(name)))  # fmt: skip
        assert not image.isNull(), name
        assert image.width() <= PICTURE_MAX_WIDTH, name  # fits the window, not 1280 px wide
    # The contents' links jump to their headings, as on GitHub.
    assert browser.verticalScrollBar().value() == 0
    guide.show_section("where-your-data-lives")
    assert browser.verticalScrollBar().value() > 0
    # F1 again brings the same window up, not a second one.
    guide_action.trigger()
    assert len(window.findChildren(GuideDialog)) == 1


def test_every_link_in_the_guide_leads_somewhere():
    text = GUIDE.read_text(encoding="utf-8")
    linked = PICTURE.findall(text)
    assert linked and all((GUIDE.parent / p).is_file() for p in linked), linked
    images = GUIDE.parent / "images"
    assert {p.name for p in images.glob("*.png")} == {Path(p).name for p in linked}
    assert sum(p.stat().st_size for p in images.glob("*.png")) < 1_500_000  # kept small
    headings = {slug(h) for h in re.findall(r"^#+ (.+)$", text, re.MULTILINE)}
    assert set(ANCHOR_LINK.findall(text)) <= headings
    assert "../" not in text and "/work/" not in text  # the repository stands alone


def test_the_packaged_app_finds_the_guide_in_its_bundle(monkeypatch, tmp_path):
    assert user_guide_path() == GUIDE
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert user_guide_path() == tmp_path / "docs" / "user-guide.md"
    spec = (GUIDE.parents[1] / "build.spec").read_text(encoding="utf-8")
    assert '"docs" / "user-guide.md"' in spec and '"docs/images"' in spec
