"""Nothing a stranger can type breaks or stalls SocialDesk: every reader of outside text returns
for any input (no exception), and its time grows linearly — at 8× the length, at most 12× the
time (a quadratic reader takes 64×)."""

import time
from datetime import UTC

import pytest
from hypothesis import HealthCheck, given, seed, settings

from socialdesk.core import counter, html_text, links, mastodon_text, search, tone, triage
from tests.fuzz.conftest import EXAMPLES, SEED
from tests.fuzz.texts import HARD_RUNS, texts

READERS = {
    "triage": lambda s: triage.classify(s),
    "triage (Mastodon HTML)": lambda s: triage.classify(s, network="mastodon"),
    "tone": lambda s: tone.check(s),
    "counter X": lambda s: counter.count(s, "x"),
    "counter Mastodon": lambda s: counter.count(s, "mastodon"),
    "counter Bluesky": lambda s: counter.count(s, "bluesky"),
    "links": lambda s: (links.find_urls(s), links.find_bluesky_links(s)),
    "Mastodon links and mentions": lambda s: mastodon_text.countable_text(s),
    "HTML to text": lambda s: html_text.to_plain(s),
    "search query": lambda s: search.parse(s, UTC),
}
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)  # fmt: skip


@pytest.mark.parametrize("name", READERS)
def test_any_text_is_read_without_an_exception(name):
    reader = READERS[name]

    @seed(SEED)
    @FUZZ
    @given(texts)
    def reads(text):
        reader(text)

    reads()


def _seconds(reader, text: str) -> float:
    """The best of three: the least disturbed by the rest of the machine."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        reader(text)
        best = min(best, time.perf_counter() - started)
    return best


BASE_CHARS = 3_000


@pytest.mark.parametrize("name", READERS)
def test_time_grows_linearly_with_the_length(name):
    reader = READERS[name]
    slow = []
    for run in HARD_RUNS:
        times = BASE_CHARS // len(run)
        small, large = run * times, run * (8 * times)
        base, big = _seconds(reader, small), _seconds(reader, large)
        # Below 20 ms the ratio is noise on a busy machine (CI saw 0.8 → 14.6 ms once); a
        # quadratic reader is far above it at 8× (3,000 characters at 1 ms become 64 ms).
        if big > 12 * base and big > 0.020:
            slow.append(f"{run!r}: {base * 1000:.1f} ms → {big * 1000:.1f} ms ({big / base:.0f}×)")
    assert slow == [], f"{name} grows faster than linearly on: " + "; ".join(slow)
