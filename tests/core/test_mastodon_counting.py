"""Mastodon counts as its server validates (core/mastodon_text.py). The cases marked "Mastodon's
spec" are the worked examples of Mastodon's own tests (spec/validators/
status_length_validator_spec.rb, Mastodon 4.x), restated here with the numbers they imply."""

import pytest

from socialdesk.core.counter import NetworkLimits, count

LONG_DOMAIN = "b" * 30 + ".com"


def counted(text, spoiler="", limits=None):
    found = count(text, "mastodon", spoiler_text=spoiler, limits=limits)
    return found.weighted_length, found.valid


@pytest.mark.parametrize(
    ("text", "spoiler", "expected"),
    [
        # Mastodon's spec: a status over 500 is refused, whatever holds the characters.
        ("a" * 500, "", (500, True)),
        ("a" * 501, "", (501, False)),
        ("b" * 251, "a" * 250, (501, False)),  # text and content warning together
        # Mastodon's spec: a link the server would make a link counts 23, however long...
        ("a" * 476 + f" http://{LONG_DOMAIN}/example", "", (500, True)),
        # ...but glued to a word it is no link, and counts in full.
        ("a" * 476 + f"http://{LONG_DOMAIN}/example", "", (525, False)),
        # Mastodon's spec: a link over 4,096 characters is no link either.
        ("http://example.com/valid?" + "#foo?" * 1000, "", (5025, False)),
        # Mastodon's spec: a remote mention counts only its local part...
        ("a" * 493 + f" @alice@{LONG_DOMAIN}", "", (500, True)),
        # ...unless its domain is longer than a domain can be (253): then all of it counts.
        ("@alice@" + "b" * 506 + ".com", "", (517, False)),
        # Mastodon's spec: an emoji, a ZWJ sequence included, is one character.
        ("✨" * 500, "", (500, True)),
        ("🏳️‍⚧️" * 500, "", (500, True)),
    ],
)
def test_mastodons_own_worked_examples(text, spoiler, expected):
    assert counted(text, spoiler) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Mastodon's path takes any character but whitespace, parentheses and "?": CJK and
        # emoji in a path are part of the link (twitter-text, for X, stops before them).
        ("https://example.com/日本語のページ", 23),
        ("https://example.com/🙂/faq", 23),
        ("see https://example.com/a.", 4 + 23 + 1),  # a trailing full stop is not the link's
        ("(https://example.com/wiki/A_(b))", 1 + 23 + 1),  # balanced parentheses are
        ("ipfs://example.com/x", 23),  # the schemes Mastodon links besides http(s)
        ("example.com", 11),  # no scheme: the server makes no link of it
        ("https://t.co/" + "a" * 41, 13 + 41),  # a t.co slug over 40 is no link
        ("@bob@example.com@x", 18),  # followed by "@": no mention
        ("mail@bob@example.com", 20),  # inside a word: no mention
        ("@Bob_99@social.example.org hi", 10),
        ("   ", 0),  # blank counts nothing (and cannot be posted)
    ],
)
def test_links_and_mentions_as_the_server_finds_them(text, expected):
    assert counted(text)[0] == expected


def test_the_servers_own_limit_and_link_weight_are_used():
    limits = NetworkLimits(max_characters=1000, characters_reserved_per_url=30)
    text = "a" * 969 + " https://example.com"
    assert counted(text, limits=limits) == (1000, True)
    assert counted(text + "!", limits=limits) == (1001, False)


def test_a_blank_text_under_a_content_warning_counts_the_warning_alone():
    assert counted("  \n", "Spoilers") == (8, False)  # counted as the server does; no text
