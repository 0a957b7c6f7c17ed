"""Text the way strangers send it: a grammar of hard pieces (links, mentions, emoji sequences,
combining marks, right-to-left and zero-width characters, HTML, long runs) mixed with anything
Unicode has."""

from hypothesis import strategies as st

PIECES = [
    "a", "-", ".", "@", " ", "\n", "\t", "#", ":", "/", "?", "!", "…", "«", "»", "「", "」",
    "http://", "https://", "www.", "example.com", "t.co/", "bücher.de", "x.io/", "@user",
    "@user@social.example", "#tag", "😀", "👍🏽", "🇦🇧🇨", "👨‍👩‍👧", "❤️", "e\u0301", "\u200b",
    "\u200e", "\u200f", "\u202e", "\ufeff", "שלום", "مرحبا", "订单", "日本語", "ÄÖÜ", "ß",
    "<p>", "</p>", "<br>", "<a href=\"https://e.com\">", "</a>", "&amp;", "&lt;", "&#x1F600;",
    "<script>", "SORRY", "refund", "thanks for nothing", "{first_name}", "\x00", "\r\n",
]  # fmt: skip

piece_runs = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=60).map("".join)
texts = st.one_of(st.text(max_size=400), piece_runs)

# Inputs that made a function slower than linear before (issue 18), and their neighbours: the
# linear-growth checks repeat each of these to a given length.
HARD_RUNS = [
    "a-", "a.", "a ", " ", "@", "@a", "a@", ":)", "!", "😀", "e\u0301", "1.", "#a", "<b>",
    "&amp;", "..", "a.b", "www.", "x.io/", "NO ", "e\u0301 https://example.com/a ",
    "<p> </p>", "<a href='x'>", "\u200b", "http://", "sorry ", "😭 ",
]  # fmt: skip
