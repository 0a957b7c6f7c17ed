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
