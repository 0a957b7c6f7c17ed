"""Help → User guide (F1): ``docs/user-guide.md`` shown in a window of its own, with its pictures.

The guide is read from the checkout or from the packaged app (``build.spec`` ships it), and shown
by Qt's own Markdown reader: it works offline and needs no browser. Links to the web open in the
browser; the table of contents' ``#links`` jump to the headings, which get GitHub's anchor names.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialogButtonBox, QTextBrowser, QVBoxLayout

from socialdesk.resources import user_guide_path
from socialdesk.ui.dialogs import RememberedDialog

PICTURE_MAX_WIDTH = 900  # pictures wider than this, or than the window, are shown smaller


class GuideBrowser(QTextBrowser):
    """A QTextBrowser whose pictures fit its width."""

    def loadResource(self, kind: int, name: QUrl | str):
        url = QUrl(name)
        if kind == QTextDocument.ImageResource:
            image = QImage(url.toLocalFile()) if url.isLocalFile() else QImage()
            if not image.isNull():
                width = min(PICTURE_MAX_WIDTH, max(200, self.viewport().width() - 40))
                if image.width() > width:
                    image = image.scaledToWidth(width, Qt.SmoothTransformation)
                return image
        return super().loadResource(kind, name)


class GuideDialog(RememberedDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("SocialDesk user guide")
        self.setAccessibleName("User guide")
        self.setWindowFlag(Qt.WindowMaximizeButtonHint, True)
        self.browser = GuideBrowser()
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenExternalLinks(True)  # the web in the browser, the guide's links here
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 160, metrics.height() * 50)  # the screen limits it
        self.path = user_guide_path()
        if self.path.exists():
            self.browser.setSource(
                QUrl.fromLocalFile(str(self.path)), QTextDocument.MarkdownResource
            )
            name_headings(self.browser.document())
        else:
            self.browser.setPlainText(
                f"The user guide is not where SocialDesk looks for it ({self.path}). It is "
                "docs/user-guide.md in SocialDesk's source."
            )

    def show_section(self, anchor: str) -> None:
        self.browser.scrollToAnchor(anchor)


def name_headings(document: QTextDocument) -> None:
    """Give each heading its GitHub anchor ("Where your data lives" → #where-your-data-lives), so
    links written for the repository work here too."""
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + block.length() - 1, QTextCursor.KeepAnchor)
            anchor = QTextCharFormat()
            anchor.setAnchor(True)
            anchor.setAnchorNames([slug(block.text())])
            cursor.mergeCharFormat(anchor)
        block = block.next()


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
