"""A link read as the Bluesky app's URL parser reads it: the WHATWG URL standard's basic parser
for http(s) URLs, as Node 20's (Ada 2.9) applies it — host (IPv6, IPv4 in any of its spellings,
a domain through UTS #46 with Ada's own tables and quirks), path with its dot segments, query and
fragment, each percent-encoded as that parser does. The counter shortens links with it
(``counter.shorten_link``), so the count is the app's to the character."""

from __future__ import annotations

import bisect
import functools
import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from importlib.resources import files

# The WHATWG URL parser's percent-encode sets (beyond C0 controls and everything past "~") for a
# special URL's path, query and fragment, as Node 20's parser (Ada 2.9) applies them.
_PATH_ESCAPE = frozenset(' "#<>?`{}')
_QUERY_ESCAPE = frozenset(" \"#<>'")
_FRAGMENT_ESCAPE = frozenset(' "<>`')
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
# What each set escapes: the characters named, and any but the printable ASCII ones.
_ESCAPES = {
    chars: re.compile("[^!-~]|[" + "".join(map(re.escape, sorted(chars - {" "}))) + "]")
    for chars in (_PATH_ESCAPE, _QUERY_ESCAPE, _FRAGMENT_ESCAPE)
}
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+\-.]*):")
_AUTHORITY_END = re.compile(r"[/?#\\]")
_SINGLE_DOT = frozenset({".", "%2e"})
_DOUBLE_DOT = frozenset({"..", ".%2e", "%2e.", "%2e%2e"})
_DEFAULT_PORT = {"http": 80, "https": 443}


def parse_http_url(link: str) -> tuple[str, str, str | None, str | None] | None:
    """The serialised host (with a port that is not the default), path, query and fragment of an
    http(s) URL, read as the WHATWG URL standard's basic parser reads it; None where it fails
    or the scheme is another."""
    link = _TAB_OR_NEWLINE.sub("", link.strip(_C0_AND_SPACE))
    scheme = _SCHEME.match(link)
    if not scheme or scheme[1].lower() not in _DEFAULT_PORT:
        return None
    rest = link[scheme.end() :].lstrip("/\\")  # special authority (ignore) slashes states
    end = _AUTHORITY_END.search(rest)
    authority, rest = (rest[: end.start()], rest[end.start() :]) if end else (rest, "")
    if "@" in authority:
        authority = authority.rpartition("@")[2]
        if not authority:
            return None
    host, port = _split_port(authority)
    if host is None:
        return None
    host = _parse_host(host)
    if host is None or (port is not None and port > 65535):
        return None
    if port is not None and port != _DEFAULT_PORT[scheme[1].lower()]:
        host = f"{host}:{port}"
    rest, _, fragment = rest.partition("#") if "#" in rest else (rest, "", None)
    path, _, query = rest.partition("?") if "?" in rest else (rest, "", None)
    return (
        host,
        _path(path),
        None if query is None else _escape(query, _QUERY_ESCAPE),
        None if fragment is None else _escape(fragment, _FRAGMENT_ESCAPE),
    )


def _split_port(authority: str) -> tuple[str | None, int | None]:
    """The host state: a ":" outside brackets starts the port (digits only, may be empty)."""
    depth, cut = False, -1
    for i, ch in enumerate(authority):
        if ch == "[":
            depth = True
        elif ch == "]":
            depth = False
        elif ch == ":" and not depth:
            cut = i
            break
    if cut < 0:
        return (authority or None), None
    host, port = authority[:cut], authority[cut + 1 :]
    if not host or (port and not (port.isascii() and port.isdigit())):
        return None, None
    return host, int(port) if port else None


def _path(path: str) -> str:
    """The path state: segments split at "/" and "\\", escaped, dot segments resolved."""
    segments = re.split(r"[/\\]", path)
    if segments and segments[0] == "":
        segments = segments[1:]
    kept: list[str] = []
    for n, raw in enumerate(segments):
        segment = _escape(raw, _PATH_ESCAPE)
        last = n == len(segments) - 1
        if segment.lower() in _DOUBLE_DOT:
            if kept:
                kept.pop()
            if last:
                kept.append("")
        elif segment.lower() in _SINGLE_DOT:
            if last:
                kept.append("")
        else:
            kept.append(segment)
    return "/" + "/".join(kept)


def _escape(part: str, escaped: frozenset[str]) -> str:
    if _ESCAPES[escaped].search(part) is None:
        return part
    return "".join(
        "".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
        if ch in escaped or not " " < ch <= "~"
        else ch
        for ch in part
    )


def _parse_host(text: str) -> str | None:
    """The host parser for a special URL: an IPv6 address in brackets, else a domain run through
    domain-to-ASCII (UTS #46), refused if it holds a forbidden character, read as IPv4 when it
    ends in a number."""
    if text.startswith("["):
        if not text.endswith("]"):
            return None
        try:
            return f"[{ipaddress.IPv6Address(text[1:-1]).compressed}]"
        except ValueError:
            return None
    domain = _percent_decode(text)
    ascii_domain = _domain_to_ascii(domain) if domain else None
    if not ascii_domain or _FORBIDDEN_IN_DOMAIN.search(ascii_domain):
        return None
    if _ends_in_a_number(ascii_domain):
        return _ipv4(ascii_domain)
    return ascii_domain


_FORBIDDEN_IN_DOMAIN = re.compile(r"[\x00-\x20#/:<>?@\[\\\]^|%\x7f]")
_PERCENT = re.compile(rb"%([0-9A-Fa-f]{2})")


def _percent_decode(text: str) -> str | None:
    """The host percent-decoded; bytes that are no UTF-8 make it no host (as Ada has it)."""
    if "%" not in text:
        return text
    raw = _PERCENT.sub(lambda m: bytes([int(m[1], 16)]), text.encode("utf-8", "surrogatepass"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _ends_in_a_number(domain: str) -> bool:
    labels = domain.split(".")
    if labels[-1] == "" and len(labels) > 1:
        labels.pop()
    last = labels[-1]
    if last and last.isascii() and last.isdigit():
        return True
    return bool(re.fullmatch(r"0[xX][0-9a-fA-F]*", last))


def _ipv4(domain: str) -> str | None:
    parts = domain.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    if len(parts) > 4:
        return None
    numbers = []
    for part in parts:
        number = _ipv4_number(part)
        if number is None:
            return None
        numbers.append(number)
    if any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        return None
    address = numbers[-1] + sum(n * 256 ** (3 - i) for i, n in enumerate(numbers[:-1]))
    return ".".join(str((address >> shift) & 255) for shift in (24, 16, 8, 0))


def _ipv4_number(part: str) -> int | None:
    if not part:
        return None
    base = 10
    if part[:2] in ("0x", "0X"):
        part, base = part[2:], 16
    elif len(part) > 1 and part[0] == "0":
        part, base = part[1:], 8
    if not part:
        return 0
    digits = {10: "0123456789", 16: "0123456789abcdefABCDEF", 8: "01234567"}[base]
    if not all(ch in digits for ch in part):
        return None
    return int(part, base)


def _domain_to_ascii(domain: str) -> str | None:
    """UTS #46 ToASCII as Node 20's URL parser (Ada 2.9.2) runs it for a host, with its own
    tables (data/url_idna.txt) and its own checks, quirks included: a label is checked up to
    its first joiner only; the bidi rule looks at labels with right-to-left characters only,
    and in a left-to-right one not at the last character."""
    if domain.isascii():
        domain = domain.lower()
        if "xn--" in domain and not all(
            _punycode_label_fits(label[4:]) for label in domain.split(".") if label[:4] == "xn--"
        ):
            return None
        return domain
    table = _idna()
    mapped = _idna_map(domain, table)
    if mapped is None:
        return None
    labels = unicodedata.normalize("NFC", mapped).split(".")
    out = []
    for label in labels:
        if label[:4] == "xn--":
            if not label.isascii() or not _punycode_label_fits(label[4:]):
                return None
            out.append(label)
        elif label.isascii():
            out.append(label)
        elif not _label_valid(label, table):
            return None
        else:
            out.append("xn--" + label.encode("punycode").decode("ascii"))
    return ".".join(out)


def _punycode_label_fits(encoded: str) -> bool:
    """An "xn--" label must decode to characters that map to themselves, in NFC, and pass the
    label checks."""
    try:
        label = encoded.encode("ascii").decode("punycode")
    except (UnicodeError, ValueError, IndexError, OverflowError):
        return False
    table = _idna()
    return (
        bool(label)
        and _idna_map(label, table) == label
        and unicodedata.normalize("NFC", label) == label
        and _label_valid(label, table)
    )


def _idna_map(text: str, table: _IdnaTables) -> str | None:
    out = []
    for ch in text:
        i = bisect.bisect_right(table.starts, ord(ch)) - 1
        status = table.statuses[i]
        if status == "V":
            out.append(ch)
        elif status == "M":
            out.append(table.mappings[i])
        elif status == "X":
            return None  # disallowed
    return "".join(out)


_L_ALLOWED = frozenset({"L", "EN", "ES", "CS", "ET", "ON", "BN", "NSM"})
_R_ALLOWED = frozenset({"R", "AL", "AN", "EN", "ES", "CS", "ET", "ON", "BN", "NSM"})


def _label_valid(label: str, table: _IdnaTables) -> bool:
    if ord(label[0]) in table.combining:
        return False
    for i, ch in enumerate(label):
        if ch == "\u200c":  # ZWNJ
            if i > 0 and ord(label[i - 1]) in table.virama:
                return True
            if i == 0 or i + 1 >= len(label):
                return False
            return any(ord(c) in table.joins_left for c in label[:i]) and any(
                ord(c) in table.joins_right for c in label[i + 1 :]
            )
        if ch == "\u200d":  # ZWJ
            return i > 0 and ord(label[i - 1]) in table.virama
    classes = [table.direction(ord(ch)) for ch in label]
    last = next((i for i in range(len(label) - 1, -1, -1) if classes[i] != "NSM"), None)
    if last is None:
        return False
    if not any(c in ("R", "AL", "AN") for c in classes):
        return True
    if classes[0] == "L":
        return all(c in _L_ALLOWED for c in classes[:last])
    has_en = has_an = False
    for i, c in enumerate(classes[: last + 1]):
        if c == "EN":
            has_en = True
            if has_an:
                return False
        elif c == "AN":
            has_an = True
            if has_en:
                return False
        if c not in _R_ALLOWED or (i == last and c not in ("R", "AL", "AN", "EN")):
            return False
    return True


@dataclass(frozen=True)
class _IdnaTables:
    starts: list[int]
    statuses: list[str]
    mappings: list[str]
    bidi_ends: list[int]
    bidi: list[tuple[int, str]]
    combining: frozenset[int]
    virama: frozenset[int]
    joins_left: frozenset[int]  # joining type L or D
    joins_right: frozenset[int]  # joining type R or D

    def direction(self, cp: int) -> str:
        i = bisect.bisect_left(self.bidi_ends, cp)
        if i == len(self.bidi) or cp < self.bidi[i][0]:
            return "NONE"
        return self.bidi[i][1]


@functools.cache
def _idna() -> _IdnaTables:
    sections: dict[str, list[list[str]]] = {}
    current: list[list[str]] = []
    data = files("socialdesk.core.data") / "url_idna.txt"
    for line in data.read_text(encoding="ascii").splitlines():
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), [])
        elif line and not line.startswith("#"):
            current.append(line.split())
    codes = {name: frozenset(int(c, 16) for row in rows for c in row)
             for name, rows in sections.items() if name != "map" and name != "bidi"}  # fmt: skip
    bidi = [(int(a, 16), int(b, 16), kind) for a, b, kind in sections["bidi"]]
    return _IdnaTables(
        starts=[int(row[0], 16) for row in sections["map"]],
        statuses=[row[1] for row in sections["map"]],
        mappings=["".join(chr(int(c, 16)) for c in row[2:]) for row in sections["map"]],
        bidi_ends=[end for _, end, _ in bidi],
        bidi=[(start, kind) for start, _, kind in bidi],
        combining=codes["combining"],
        virama=codes["virama"],
        joins_left=codes["joining-l"] | codes["joining-d"],
        joins_right=codes["joining-r"] | codes["joining-d"],
    )
