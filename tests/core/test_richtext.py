"""Where a Bluesky post's mentions and hashtags are, in UTF-8 bytes, by the app's own rules."""

from socialdesk.core.richtext import mentions_and_tags


def _spans(text):
    encoded = text.encode()
    return [(s.kind, s.value, encoded[s.byte_start : s.byte_end].decode())
            for s in mentions_and_tags(text)]  # fmt: skip


def test_mentions_and_tags_with_their_byte_ranges():
    text = "Sorry @Erin.bsky.social! Ünïcödé 🙏 (@bob.test) #support #日本 ＃ok"
    assert _spans(text) == [
        ("mention", "erin.bsky.social", "@Erin.bsky.social"),
        ("mention", "bob.test", "@bob.test"),
        ("tag", "support", "#support"),
        ("tag", "日本", "#日本"),
        ("tag", "ok", "＃ok"),
    ]


def test_what_is_not_a_mention_or_a_tag():
    assert _spans("mail me@example.com, @nodot, @-bad.x, x#notatag, #123, #, #️⃣") == []
    assert _spans("end of sentence @alice.test.") == [("mention", "alice.test", "@alice.test")]
    assert _spans("#great!!") == [("tag", "great", "#great")]


def test_the_apps_javascript_rules_where_python_reads_them_otherwise():
    """Checked against @atproto/api by tests/oracles; here so they hold without Node too."""
    assert _spans("$TSLA up, $aapl (and $BRK.B)") == [
        ("tag", "$TSLA", "$TSLA"), ("tag", "$AAPL", "$aapl"), ("tag", "$BRK", "$BRK"),
    ]  # fmt: skip
    assert _spans("#日本\ufeff÷more") == [("tag", "日本", "#日本")]  # U+FEFF: a space to JS
    assert _spans("#tag\x1c") == [("tag", "tag\x1c", "#tag\x1c")]  # \x1c: not a space to JS
    assert _spans("@alice.bsky @dan.example.COM") == []  # no known top-level domain
    assert _spans("@alice.testé") == [("mention", "alice.test", "@alice.test")]  # ASCII \b
    assert _spans("#١٢٣") == [("tag", "١٢٣", "#١٢٣")]  # not digits to JS
