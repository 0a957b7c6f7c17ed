"""Texts built from a grammar of the pieces counters get wrong: links in every shape (schemes in
any case, internationalised and long hosts, t.co, paths with CJK and emoji, IPv6, trailing
punctuation, links touching CJK or inside CJK brackets, a domain followed by …), CJK, emoji
sequences old and new, bidi and zero-width characters, combining marks (NFD), mentions, tags,
newlines — and lengths around the limits."""

from hypothesis import strategies as st

LINKS = [
    "https://example.com", "http://example.com/a", "HTTPS://EXAMPLE.COM/Path", "Http://x.co",
    "example.com", "www.example.com", "bücher.de", "https://bücher.de/straße", "xn--bcher-kva.de",
    "https://t.co/abcdefghij", "https://t.co/" + "a" * 40, "t.co/x", "https://example.com/日本語",
    "https://example.com/😀/x", "https://[2001:db8::1]/path", "http://192.168.0.1/x",
    "https://example.com/path?q=1&r=2#frag", "https://sub.domain.example.co.uk/a/b/c/d/e/f/g",
    "https://" + "a" * 60 + ".com/" + "p" * 40, "example.com.", "example.com,", "(example.com)",
    "example.com…", "https://example.com/a.", "https://example.com/a)", "mailto:a@b.co",
    "ftp://example.com", "https://例え.jp", "abcdef.com", "foo.bar", "a.b.c.d.museum",
    "https://example.com:8080/x", "https://user@example.com", "bsky.app/profile/x",
]  # fmt: skip
PIECES = [
    "a", "hello", "Sorry", " ", "  ", "\n", "\n\n", "\t", ".", ",", "!", "?", "…", ":", "-",
    "「", "」", "（", "）", "日本語", "中文", "한국어", "ไทย", "עברית", "مرحبا", "Ελλάδα",
    "e\u0301", "Łódź", "L\u0301o\u0301dz\u0301", "n\u0303", "\u0301",
    "😀", "👍🏽", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇦🇧", "🇦🇧🇨", "🇦", "1️⃣", "#️⃣", "❤", "❤️", "☺", "©",
    "🫠", "🫶🏼", "🧑🏽‍🦰", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "\u200d", "\ufe0f",
    "\u200b", "\u200c", "\u200e", "\u200f", "\u202a", "\u202c", "\u2066", "\u2069", "\ufeff",
    "@alice", "@alice.bsky.social", "@Bob_99", "@user@social.example", "#tag", "#日本", "#123",
    "$TSLA", "＠alice", "＃tag",
]  # fmt: skip

piece = st.sampled_from(PIECES) | st.sampled_from(LINKS) | st.text(max_size=4)
# A link touches what is around it as often as it stands apart.
texts = st.lists(piece, max_size=40).map("".join)
long_texts = st.tuples(st.integers(250, 320), texts).map(lambda nt: "a" * nt[0] + nt[1])
hard_texts = texts | long_texts
