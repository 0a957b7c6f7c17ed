"""Mastodon's status HTML as the plain text the person wrote: paragraphs and line breaks kept,
links as their full address (Mastodon hides parts of long URLs in "invisible" spans; their text
together is the whole URL), mentions as "@user", scripts and styles dropped, entities decoded.

Never rendered: the result is shown as plain text everywhere.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

_SKIPPED = frozenset({"script", "style", "template", "head", "title", "noscript"})
_BLOCKS = frozenset({"p", "div", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol"})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0
        self._lists: list[int | None] = []  # per open list: the next number, None for bullets

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _LISTS:
            if self.parts and not self._lists:  # a nested list goes on line by line
                self.parts.append("\n")
            self._lists.append(1 if tag == "ol" else None)
        elif tag == "li":
            self.parts.append("\n" if self.parts else "")
            self.parts.append(self._marker())
        elif tag in _BLOCKS and self.parts:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self._skipping:
            self._skipping -= 1
        elif tag in _LISTS and self._lists:
            self._lists.pop()
            if not self._lists:
                self.parts.append("\n\n")

    def _marker(self) -> str:
        """The marker of a list item: a bullet, or its number in a numbered list; nested lists
        are indented."""
        if not self._lists:
            return "• "
        indent = "  " * (len(self._lists) - 1)
        number = self._lists[-1]
        if number is None:
            return f"{indent}• "
        self._lists[-1] = number + 1
        return f"{indent}{number}. "

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


# Starts only where a run of spaces starts, and never gives back what it took: 80,000 spaces
# from a stranger are read once, not once per position.
_BLANK_RUNS = re.compile(r"(?<![ \t])[ \t]*+\n[ \t]*+\n(?:[ \t]*+\n)+")


def to_plain(html: str) -> str:
    text = _plain_paragraphs(html)
    if text is None:
        parser = _Text()
        # html.parser asserts on a broken marked section ("<![0"); a post never holds one, so
        # "<![" is read as the characters it is.
        parser.feed(html.replace("<![", "&lt;!["))
        parser.close()
        text = "".join(parser.parts)
    return _BLANK_RUNS.sub("\n\n", text).strip()


# What Mastodon's sanitiser makes of most posts: paragraphs, line breaks, links and spans, each
# attribute in double quotes. Whitespace in a tag is ASCII only, as html.parser ends a tag's name.
_SPACE = "[ \t\n\r\f]"
_SIMPLE_TAG = re.compile(
    rf"<(?:/(?:p|br|a|span){_SPACE}*+|(p|br|a|span)(?:{_SPACE}++[a-z][a-z-]*+=\"[^\"<>]*+\")*+"
    rf"{_SPACE}*+(/?))>"
)


def _plain_paragraphs(html: str) -> str | None:
    """The text ``_Text`` reads from HTML made only of those tags, found in one scan without
    html.parser (a third of a sync's parsing); None for anything else, which _Text reads. The
    same reading: each run of text between tags with its character references decoded, a line
    break for <br>, a blank line before a paragraph that follows text, nothing for the rest
    (tests/core/test_html_text.py compares the two)."""
    parts: list[str] = []
    at = 0
    while (lt := html.find("<", at)) >= 0:
        tag = _SIMPLE_TAG.match(html, lt)
        if tag is None:
            return None
        if lt > at:
            parts.append(unescape(html[at:lt]))
        opened, self_closing = tag.groups()
        if opened == "br":
            parts.append("\n")
        elif opened == "p" and parts and not self_closing:
            parts.append("\n\n")
        at = tag.end()
    if at < len(html):
        parts.append(unescape(html[at:]))
    return "".join(parts)
