"""Each family of texts issue 19 names, with worked examples: the count the networks' official
code gives. Node-free, so they run everywhere; tests/oracles checks the same code against the
official code itself on thousands of generated texts.

The expected numbers (and the Bluesky texts as posted) come from twitter-text 3.1.0's parseTweet
and from @atproto/api 0.21.0's RichText with the Bluesky app's link shortening, run under Node 20
through tests/oracles/count.mjs.
"""

import pytest

from socialdesk.core.counter import count


def x(text: str) -> int:
    return count(text, "x").weighted_length


def bluesky(text: str) -> tuple[int, str]:
    result = count(text, "bluesky")
    return result.weighted_length, result.posted_text


# -- X: links ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("bücher.de", 23),  # an internationalised domain without a scheme is still a link
        ("https://bücher.de/straße", 23),
        ("see bücher.de today", 4 + 23 + 6),
        ("xn--bcher-kva.de", 23),  # punycode
    ],
)
def test_x_internationalised_domains(text, length):
    assert x(text) == length


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("「abcdef.com」", 2 + 23 + 2),  # inside CJK brackets
        ("https://example.com日本語", 23 + 6),  # the link ends at its TLD
        ("日本語example.com", 6 + 23),  # without a scheme, the ASCII domain in the run
        ("example.com日本語", 23 + 6),
    ],
)
def test_x_links_touching_cjk(text, length):
    assert x(text) == length


@pytest.mark.parametrize(
    ("text", "length"),
    [("example.com…", 23 + 2), ("see example.com… more", 4 + 23 + 2 + 5)],  # … counts 2
)
def test_x_domain_followed_by_an_ellipsis(text, length):
    assert x(text) == length


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("\u200eexample.com\u200f", 2 + 23 + 2),  # bidi marks are past U+200D: 2 each
        ("\u200fhttps://example.com/a\u200e", 2 + 23 + 2),
        ("\u200bexample.com", 1 + 23),  # a zero-width space before a link
        ("example\u200b.com", 12),  # ... inside it: no link
        ("https://example.com/\u200bpath", 23 + 5),  # ... in its path: the link ends there
    ],
)
def test_x_bidi_marks_and_zero_width_spaces_around_and_inside_links(text, length):
    assert x(text) == length


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("https://t.co/abcdefghij/more/path", 23 + 10),  # a t.co link ends after its slug
        ("https://t.co/" + "a" * 40, 23),
        ("https://t.co/" + "a" * 41, 54),  # a slug over 40 characters: no link at all
    ],
)
def test_x_tco_links_with_long_paths(text, length):
    assert x(text) == length


@pytest.mark.parametrize("text", ["HTTPS://EXAMPLE.COM/Path", "Http://x.co"])
def test_x_upper_case_schemes(text):
    assert x(text) == 23


@pytest.mark.parametrize(
    ("text", "length"),
    [
        # JavaScript reads a character past U+FFFF as two halves; the first may stand before a
        # link that starts at the second, so a domain may start right after "$" or a letter.
        ("\U0001d11eexample.com", 25),
        ("#\U0001f600example.com", 26),
        # JavaScript never takes "ſ" for an "s" (Python's IGNORECASE would).
        ("ſexample.com", 24),
        ("https://example.com/ſ", 23),
    ],
)
def test_x_where_javascript_reads_text_otherwise_than_python(text, length):
    assert x(text) == length


# -- X: emoji ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("🇦🇧🇨", 6),  # no flag: each regional indicator weighs 2
        ("🇦🇧", 4),
        ("🇯🇵", 2),  # a flag twemoji knows: one emoji
    ],
)
def test_x_runs_of_regional_indicators(text, length):
    assert x(text) == length


@pytest.mark.parametrize(("text", "length"), [("👨‍👩‍👧‍👦", 2), ("🏳️‍🌈", 2)])
def test_x_zwj_sequences(text, length):
    assert x(text) == length


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("🧑🏽\u200d🦰", 5),  # newer than twemoji-parser 11.0.2: 2 (with its tone) + 1 + 2
        ("🫶🏼", 4),  # Unicode 14: the hands and the tone, 2 each
        ("🫠", 2),
        ("❤", 2),  # a text-style pictograph twemoji takes as an emoji unless U+FE0E follows
        ("❤\ufe0e", 4),
        ("❤️", 2),
        ("\ufe0f", 2),  # a lone VS16 is an emoji to twemoji-parser
        ("©", 1),
        ("©️", 2),
    ],
)
def test_x_emoji_data_decision_counts_as_twitter_text(text, length):
    """Decision (counter.py, where the emoji expression is loaded): count exactly as
    twitter-text does. X's servers validate with twitter-text's data; were theirs newer, they
    would count an emoji it does not know as one, less, never more, so this never promises a
    fit the server refuses."""
    assert x(text) == length


# -- Bluesky -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "length"),
    [("cafe\u0301", 4), ("L\u0301o\u0301dz\u0301", 4), ("e\u0301" * 300 + "e", 301)],
)
def test_bluesky_decomposed_text_counts_graphemes(text, length):
    assert bluesky(text) == (length, text)


@pytest.mark.parametrize(
    ("text", "length", "posted"),
    [
        ("https://example.com", 11, "example.com"),
        ("http://example.com/a", 13, "example.com/a"),
        ("HTTPS://EXAMPLE.COM/Path", 24, "HTTPS://EXAMPLE.COM/Path"),  # needs a lower-case http
        ("Http://x.co", 11, "Http://x.co"),
        ("example.com", 11, "example.com"),  # schemeless links are posted as typed
        ("ftp://example.com", 17, "ftp://example.com"),
        ("mailto:a@b.co", 13, "mailto:a@b.co"),
        ("example.notatld", 15, "example.notatld"),
    ],
)
def test_bluesky_link_schemes_and_hosts(text, length, posted):
    assert bluesky(text) == (length, posted)


@pytest.mark.parametrize(
    ("text", "length", "posted"),
    [
        ("https://[2001:db8::1]/path", 18, "[2001:db8::1]/path"),
        ("https://[2001:0db8:0:0:0:0:0:1]/", 13, "[2001:db8::1]"),  # compressed
        ("http://192.168.0.1/x", 13, "192.168.0.1/x"),
        ("http://0x7f.1/", 9, "127.0.0.1"),  # a host that ends in a number is an IPv4 address
    ],
)
def test_bluesky_ip_hosts(text, length, posted):
    assert bluesky(text) == (length, posted)


@pytest.mark.parametrize(
    ("text", "length", "posted"),
    [
        ("see https://example.com.", 16, "see example.com."),
        ("(https://example.com)", 13, "(example.com)"),
        ("https://example.com/a)", 14, "example.com/a)"),  # no "(": the ")" is not the link's
        ("https://en.wikipedia.org/wiki/A_(b)", 27, "en.wikipedia.org/wiki/A_(b)"),
    ],
)
def test_bluesky_trailing_punctuation(text, length, posted):
    assert bluesky(text) == (length, posted)


@pytest.mark.parametrize(
    ("text", "length", "posted"),
    [
        ("https://example.com/😀/x", 26, "example.com/%F0%9F%98%80/x"),
        ("https://example.com/日本語", 27, "example.com/%E6%97%A5%E6..."),
    ],
)
def test_bluesky_emoji_and_cjk_in_paths(text, length, posted):
    assert bluesky(text) == (length, posted)


@pytest.mark.parametrize(
    ("text", "length", "posted"),
    [
        ("https://example.com/a/very/long/path?x=1", 27, "example.com/a/very/long/..."),
        ("https://example.com/path?q=1&r=2#frag", 27, "example.com/path?q=1&r=2..."),
        ("https://Example.COM:443/Path", 16, "example.com/Path"),  # default port dropped
        ("https://example.com:8080/x", 18, "example.com:8080/x"),
        ("https://例え.jp", 14, "xn--r8jz45g.jp"),
        ("https://bücher.de/straße", 28, "xn--bcher-kva.de/stra%C3%9Fe"),
        ("https://ex%41mple.com/", 11, "example.com"),
        ("https://user@example.com/x", 13, "example.com/x"),
        # The app's URL parser (Node 20's) checks right-to-left labels its own way: it passes
        # "aא" and refuses "aאb", whose link is then shown as typed.
        ("https://a\u05d0.com/x", 15, "xn--a-0hc.com/x"),
        ("https://a\u05d0b.com/x", 17, "https://a\u05d0b.com/x"),
    ],
)
def test_bluesky_link_display_shortening(text, length, posted):
    assert bluesky(text) == (length, posted)


def test_bluesky_long_hosts_are_kept_whole():
    host = "a" * 60 + ".com"
    assert bluesky(f"https://{host}/" + "p" * 40) == (80, f"{host}/pppppppppppp...")
    assert bluesky("https://sub.domain.example.co.uk/a/b/c/d/e/f/g") == (
        38,
        "sub.domain.example.co.uk/a/b/c/d/e/f/g",
    )


def test_bluesky_several_links_in_one_post():
    text = "https://example.com/a https://example.org/b/c/d/e/f/g/h https://t.co/abcdefghij"
    result = count(text, "bluesky")
    assert (result.weighted_length, result.posted_text) == (
        55,
        "example.com/a example.org/b/c/d/e/f/g/h t.co/abcdefghij",
    )
    assert [f.uri for f in result.facets] == text.split()
