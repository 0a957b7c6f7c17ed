"""Mastodon's status HTML as the plain text the person wrote: paragraphs and line breaks kept,
links as their full address (Mastodon hides parts of long URLs in "invisible" spans; their text
together is the whole URL), mentions as "@user", scripts and styles dropped, entities decoded.

Never rendered: the result is shown as plain text everywhere.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIPPED = frozenset({"script", "style", "template", "head", "title", "noscript"})
_BLOCKS = frozenset({"p", "div", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6"})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS and self.parts:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


_BLANK_RUNS = re.compile(r"[ \t]*\n[ \t]*\n(?:[ \t]*\n)+")


def to_plain(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return _BLANK_RUNS.sub("\n\n", "".join(parser.parts)).strip()
