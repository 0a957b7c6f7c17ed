"""The counter against each network's rules (network-rules.md), case by case."""

import unicodedata

import pytest

from socialdesk.core.counter import NetworkLimits, count, qt_position


def x(text):
    return count(text, "x")


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("hello", 5),
        ("https://example.com/a/very/long/path/that/goes/on?and=on#forever", 23),
        ("see example.com today", 4 + 23 + 6),  # no scheme, known TLD: still a link
        ("see example.notatld today", 25),  # unknown TLD: plain text
        ("visit https://example.com.", 6 + 23 + 1),  # trailing full stop is not the link's
        ("(https://example.com/path)", 1 + 23 + 1),  # closing parenthesis is not the link's
        ("https://en.wikipedia.org/wiki/Bracket_(disambiguation)", 23),  # balanced one is
        ("http://münchen.de/stadt", 23),  # IDN domain
        ("日本語", 6),  # CJK counts 2
        ("한국어", 6),  # Hangul counts 2
        ("Ελληνικά", 8),  # Greek counts 1
        ("👍🏽", 2),  # skin tone: one emoji
        ("👩‍💻", 2),  # ZWJ sequence
        ("🇩🇪🇫🇷", 4),  # two flags
        ("#️⃣", 2),  # keycap
        ("©", 1),  # text-style, in the light range
        ("©️", 2),  # with VS16 it is an emoji
        ("e\u0301", 1),  # NFD accent composes to one character
        ("a\r\nb", 4),
        ("—", 1),  # general punctuation counts 1
    ],
)
def test_x_weights(text, length):
    assert x(text).weighted_length == length


def test_x_boundary_280_281():
    assert x("a" * 280).valid and x("a" * 280).remaining == 0
    over = x("a" * 281)
    assert not over.valid and over.overflow_start == 280 and over.remaining == -1
    assert x("日" * 140).valid and not x("日" * 141).valid


def test_x_invalid_characters_and_empty_text():
    assert not x("hello\ufffe").valid
    assert not x("").valid
    assert x("\u202adirectional\u202c").valid  # allowed by X's own conformance cases


def test_x_overflow_inside_a_link_points_at_the_link():
    text = "a" * 270 + " https://example.com"
    result = x(text)
    assert result.weighted_length == 294 and result.overflow_start == 271


def test_x_entities_carry_their_spans():
    result = x("read https://example.com/x now")
    (url,) = result.entities
    assert (url.start, url.end, url.text) == (5, 26, "https://example.com/x")


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("Hello, world!", 13),
        ("Check https://example.com/a/very/long/path?with=query&and=more#fragment", 29),
        ("https://t.co/x https://example.org", 47),
        ("@alice@mastodon.social hi", 9),
        ("example.com", 11),
        ("👨‍👩‍👧‍👦", 1),
        ("cafe\u0301", 4),
        ("🇯🇵🇺🇸", 2),
        ("a\r\nb", 3),
        ("   \n ", 0),
        ("@bob hi", 7),
        ("mail me: someone@example.com", 28),  # an address is not a mention
    ],
)
def test_mastodon_worked_examples(text, length):
    assert count(text, "mastodon").weighted_length == length


def test_mastodon_content_warning_and_server_limits():
    assert count("x", "mastodon", spoiler_text="CW: spoilers").weighted_length == 13
    server = NetworkLimits(max_characters=1000, characters_reserved_per_url=30)
    result = count("https://a.io/b", "mastodon", limits=server)
    assert (result.weighted_length, result.limit) == (30, 1000)
    warned = count("a" * 10, "mastodon", spoiler_text="w" * 495)
    assert not warned.valid and warned.overflow_start == 5


@pytest.mark.parametrize(
    ("text", "length", "posted"),
    [
        ("https://example.com/a/very/long/path?x=1", 27, "example.com/a/very/long/..."),
        ("https://example.com/", 11, "example.com"),
        ("https://example.com/abc", 15, "example.com/abc"),
        ("example.com/some/long/path/here", 31, "example.com/some/long/path/here"),
        ("https://Example.COM:443/Path", 16, "example.com/Path"),
        ("see https://example.com.", 16, "see example.com."),
        ("👨‍👩‍👧‍👦", 1, "👨‍👩‍👧‍👦"),
        ("🇯🇵", 1, "🇯🇵"),
        ("a\r\nb", 3, "a\r\nb"),
        ("http://example.com:8080/x", 18, "example.com:8080/x"),
    ],
)
def test_bluesky_worked_examples(text, length, posted):
    result = count(text, "bluesky")
    assert (result.weighted_length, result.posted_text) == (length, posted)


def test_bluesky_facets_are_utf8_byte_ranges_of_the_posted_text():
    result = count("café → https://example.com/a/very/long/path?x=1 ok", "bluesky")
    (facet,) = result.facets
    posted = result.posted_text.encode("utf-8")
    assert posted[facet.byte_start : facet.byte_end].decode() == "example.com/a/very/long/..."
    assert facet.uri == "https://example.com/a/very/long/path?x=1"


def test_bluesky_byte_cap():
    heavy = "🏳️‍🌈" * 250  # 250 graphemes (under 300), 14 bytes each (over 3,000)
    result = count(heavy, "bluesky")
    assert result.weighted_length == 250 and not result.valid
    assert result.overflow_start is not None


def test_unknown_network_and_wrong_types_are_refused_plainly():
    with pytest.raises(ValueError, match="x, mastodon, bluesky"):
        count("hi", "myspace")
    with pytest.raises(TypeError, match="must be a str"):
        count(b"hi", "x")
    with pytest.raises(TypeError, match="spoiler_text"):
        count("hi", "mastodon", spoiler_text=None)


def test_qt_position_counts_utf16_units():
    text = "a😀b"
    assert [qt_position(text, i) for i in range(4)] == [0, 1, 3, 4]


def test_x_link_spans_point_into_the_text_as_typed_even_with_decomposed_accents():
    import unicodedata

    typed = unicodedata.normalize("NFD", "café é see https://example.com/x ok")
    [link] = count(typed, "x").entities
    assert typed[link.start : link.end] == link.text == "https://example.com/x"


@pytest.mark.parametrize("network", ["bluesky", "mastodon"])
def test_decomposed_text_counts_each_letter_with_its_marks_once(network):
    """Typed on a keyboard that decomposes (NFD), an accented letter is one grapheme, as the
    Bluesky app and Mastodon count it."""
    assert count("e\u0301" * 300, network).weighted_length == 300
    assert count(unicodedata.normalize("NFD", "Łódź"), network).weighted_length == 4
    assert count("x\r\ne\u0301\u0301\r\n😀", network).weighted_length == 5


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("https://example.com/日本語", 27),  # the app's URL parser escapes it: .../%E6%97%A5%E6...
        ("HTTPS://EXAMPLE.COM/Path", 24),  # no link to the app: its scheme is not "http"
        ("EXAMPLE.COM/x", 13),  # nor a bare domain whose TLD is not written in lower case
        ("https://example.com\x1f", 11),  # the parser drops controls around a URL
        ("https://[2001:db8::1]/path", 18),  # an IPv6 host keeps its brackets
        ("https://example.com<", 20),  # no host may hold "<": the parser refuses, shown as typed
        ("https://example.com…", 20),  # "…" maps to "...": empty labels, refused, as typed
        ("https://example.com/a/./b/../c", 15),  # dots resolved: example.com/a/c
        ("https://example.com\\a\\b", 15),  # a backslash is a slash: example.com/a/b
    ],
)
def test_bluesky_links_are_shown_as_the_apps_url_parser_reads_them(text, length):
    """Checked against @atproto/api and Node's URL by tests/oracles; here so they hold without
    Node too."""
    assert count(text, "bluesky").weighted_length == length


def test_x_links_a_bare_ascii_domain_inside_a_non_ascii_run():
    """twitter-text: without a scheme, the ASCII domains inside a host are links; a host ends
    at its TLD when characters no TLD has follow."""
    assert count("「example.com", "x").weighted_length == 25
    assert count("https://example.com「", "x").weighted_length == 25
    assert count("https://example.com「foo.com", "x").weighted_length == 23
    assert count("see https://example.co.jp「ok」", "x").weighted_length == 33
