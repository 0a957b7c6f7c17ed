"""X's emoji: exactly twitter-text's. twitter-text 3.1.0 counts an emoji as one (weight 200) only
where twemoji-parser 11.0.2's regular expression matches the NFC text; anything else is weighed
character by character (so "🫶🏼", newer than that data, is 2 + 2).

Decision: count as twitter-text does, not as newer Unicode data would. X's servers validate with
twitter-text's data; were theirs newer, they would count an emoji it does not know as one (less),
never as more, so counting as twitter-text never promises a fit the server refuses. The expression
ships verbatim in data/twemoji_regex.txt (MIT, Twitter Inc.); it also matches a lone U+FE0F, and a
text-style pictograph ("❤") not followed by U+FE0E, as twitter-text then counts them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib.resources import files

_LOW = r"\\u[dD][c-fC-F][0-9a-fA-F]{2}"
_SURROGATE_PAIR = re.compile(
    rf"\\u(?P<high>[dD][89abAB][0-9a-fA-F]{{2}})"
    rf"(?:\\u(?P<low>[dD][c-fC-F][0-9a-fA-F]{{2}})|\[(?P<lows>(?:{_LOW}(?:-{_LOW})?)+)\])"
)
_LOW_RANGE = re.compile(r"\\u([dD][c-fC-F][0-9a-fA-F]{2})(?:-\\u([dD][c-fC-F][0-9a-fA-F]{2}))?")
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _twemoji_pattern() -> str:
    """twemoji-parser's JavaScript expression as a Python one. JavaScript matches UTF-16 code
    units, so every astral code point in it is a high-surrogate literal followed by a low
    surrogate, or by a class of them; Python matches code points, so each such pair becomes the
    code point, and each high surrogate + class a class of code points."""
    data = files("socialdesk.core.data") / "twemoji_regex.txt"
    lines = data.read_text(encoding="utf-8").splitlines()
    (source,) = [line for line in lines if line and not line.startswith("//")]
    body = source[1 : source.rindex("/")]  # /…/g

    def astral(high: int, low: str) -> str:
        return f"\\U{0x10000 + ((high - 0xD800) << 10) + (int(low, 16) - 0xDC00):08x}"

    def pair(m: re.Match[str]) -> str:
        high = int(m["high"], 16)
        if m["low"]:
            return astral(high, m["low"])
        ranges = _LOW_RANGE.findall(m["lows"])
        return "[" + "".join(astral(high, lo) + (f"-{astral(high, hi)}" if hi else "")
                             for lo, hi in ranges) + "]"  # fmt: skip

    pattern = _SURROGATE_PAIR.sub(pair, body)
    if _SURROGATE.search(pattern):
        raise ValueError("twemoji_regex.txt: a surrogate that is not part of a pair")
    return pattern


EMOJI = re.compile(_twemoji_pattern())


def _emoji_run(pattern: str) -> re.Pattern[str]:
    """Runs of the non-ASCII characters the expression names: an emoji is made of them only
    (bar a keycap's leading "#", "*" or digit), so the expression, slow to try at every
    character, runs only around them. Beyond U+FFFF the class is widened to whole blocks of
    4,096 (a class of many astral ranges is tried range by range, ten times slower)."""
    escaped = r"\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}"
    named = [(int(lo[2:], 16), int((hi or lo)[2:], 16))
             for lo, hi in re.findall(rf"({escaped})(?:-({escaped}))?", pattern)]  # fmt: skip
    named += [(ord(ch), ord(ch)) for ch in pattern if not ch.isascii()]  # "©" and "®" as typed
    spans: list[list[int]] = []
    for lo, hi in sorted((lo, hi) if hi < 0x10000 else (lo & ~0xFFF, hi | 0xFFF)
                         for lo, hi in named):  # fmt: skip
        if spans and lo <= spans[-1][1] + 1:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    members = "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in spans)
    return re.compile(f"[{members}]+")


_EMOJI_RUN = _emoji_run(EMOJI.pattern)
_KEYCAP_LEADS = frozenset("#*0123456789")


def emoji_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``EMOJI.finditer(text)`` finds, the expression tried only around emoji characters."""
    pos = 0
    for run in _EMOJI_RUN.finditer(text):
        start = run.start()
        if start and text[start - 1] in _KEYCAP_LEADS:  # a keycap's "#", "*" or digit
            start -= 1  # (trying the expression where none can start costs as much as a match)
        for match in EMOJI.finditer(text, max(pos, start), run.end() + 1):  # +1: look-ahead
            yield match
            pos = match.end()
