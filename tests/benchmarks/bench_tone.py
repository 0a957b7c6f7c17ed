"""Tone checks run on every keystroke: median and p99 of ``check`` on a 280-character draft with a
full context (targets 1 ms and 5 ms), beside the counter alone on the same draft (the floor every
check pays), and the one-off cost of loading the word lists and VADER."""

from __future__ import annotations

import time

from harness import median, percentile, time_calls

from socialdesk.core.tone import BannedPhrase, ReplyContext

DRAFT = (
    "@maria_k So sorry your parcel arrived damaged, that's not okay! You should have had it on "
    "Monday. We'll send a replacement today; could you DM us your order number? Call us on "
    "0800 123 4567 if easier. We apologise for any inconvenience caused. THANKS for waiting 🙏"
)[:280]
CONTEXT = ReplyContext(
    network="x",
    mention_text="Parcel arrived smashed AGAIN. Third time this month, absolutely furious 😡",
    mention_category="complaint",
    thread_depth=1,
    author_flags=frozenset({"vip"}),
    recent_replies=tuple(f"@user{i} Sorry about this! DM us and we'll sort it." for i in range(40)),
    brand_contacts=("support@parcels.example", "0800 123 4567"),
    banned_phrases=(BannedPhrase("cheap", "Say 'great value'."), BannedPhrase("guys")),
)


def run(report) -> None:
    t0 = time.perf_counter()
    from socialdesk.core import tone

    tone.load()
    report.add(
        "tone: import + load word lists and VADER (once)", (time.perf_counter() - t0) * 1e3, "ms"
    )
    from socialdesk.core.counter import count

    calls = time_calls(lambda: tone.check(DRAFT, CONTEXT), 3_000)
    floor = median(time_calls(lambda: count(DRAFT, "x"), 3_000)) * 1e6
    report.add("tone: counter alone on the draft (floor)", floor, "µs")
    report.add(
        "tone: check, 280 chars, full context: median", median(calls) * 1e6, "µs", 1_000, "target"
    )
    report.add(
        "tone: check, 280 chars, full context: p99",
        percentile(calls, 99) * 1e6,
        "µs",
        5_000,
        "target",
    )
