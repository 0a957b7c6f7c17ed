"""The Demo network: deterministic, realistic enough to exercise every feature, and honest about
cursors, threads and exactly-once posting. No Qt; time comes from a fake clock."""

from __future__ import annotations

import collections
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pycld2
import pytest

from socialdesk.networks.base import AccountRef, FetchedMention, Provider
from socialdesk.networks.demo import (
    CATEGORY_MIX,
    DEMO_CLIENTS,
    DemoProvider,
    demo_label,
)
from socialdesk.networks.demo.data import BRANDS, WEEKLY_VOLUME, corpus
from socialdesk.networks.errors import BadResponse, NetworkError, NetworkUnreachable, ServerError

ANCHOR = datetime(2026, 3, 10, 14, 30, tzinfo=UTC)
WEEK = timedelta(days=7)


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


def refs() -> list[AccountRef]:
    accounts = [a for client in DEMO_CLIENTS for a in client.accounts]
    return [AccountRef(i + 1, a.network, a.handle, a.server_url) for i, a in enumerate(accounts)]


def ref_for(network: str) -> AccountRef:
    return next(r for r in refs() if r.network == network)


def provider(clock: FakeClock | None = None, **kwargs) -> DemoProvider:
    kwargs.setdefault("post_delay", 0)
    kwargs.setdefault("sleep", lambda _seconds: None)
    return DemoProvider(ANCHOR, clock=clock or FakeClock(ANCHOR), **kwargs)


@pytest.fixture(scope="module")
def history() -> dict[str, list[FetchedMention]]:
    """The whole week before the anchor, per account handle."""
    p = provider()
    return {r.handle: p.fetch_mentions(r, None).mentions for r in refs()}


@pytest.fixture(scope="module")
def everything(history) -> list[FetchedMention]:
    return [m for mentions in history.values() for m in mentions]


# --- the clients ----------------------------------------------------------------------------------


def test_three_clients_six_accounts_every_network_twice():
    assert len(DEMO_CLIENTS) == 3
    networks = collections.Counter(a.network for c in DEMO_CLIENTS for a in c.accounts)
    assert networks == {"x": 2, "mastodon": 2, "bluesky": 2}
    for client in DEMO_CLIENTS:
        assert len(client.accounts) >= 2
        assert re.fullmatch(r"#[0-9A-Fa-f]{6}", client.colour)
        assert client.response_target_minutes > 0
        assert "/" in client.timezone
        for account in client.accounts:
            if account.network == "mastodon":
                assert account.server_url and account.server_url.startswith("https://")
                assert "@" not in account.handle and "." not in account.handle
            elif account.network == "bluesky":
                assert account.handle.endswith(".bsky.social")
            else:
                assert re.fullmatch(r"[a-z0-9_]{1,15}", account.handle)
    hours = [c.service_hours for c in DEMO_CLIENTS]
    assert None in hours  # one client answers around the clock
    for week in filter(None, hours):
        assert set(week) == {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}


def test_the_data_files_hold_what_the_generator_reads():
    """resources/demo/: each client's brand, weekly volume and industry file, whole days and weeks
    of rhythm, and templates for every category the generator deals."""
    words = corpus()
    for client in DEMO_CLIENTS:
        brand = BRANDS[client.name]
        assert brand.industry in words.industries
        assert all(0 < share < 0.1 for share in brand.languages.values())
        for account in client.accounts:
            assert WEEKLY_VOLUME[(account.network, account.handle)] > 0
    for industry in words.industries.values():
        assert len(industry["hourly"]) == 24 and len(industry["weekday"]) == 7
        for category in CATEGORY_MIX:
            assert industry["templates"].get(category) or words.generic.get(category), category
    assert set(words.trolls) == {"x", "mastodon", "bluesky"}
    assert len(words.first_names) > 50 and len(words.last_names) > 20


def test_the_provider_satisfies_the_protocol():
    assert isinstance(provider(), Provider)


def test_verify_and_limits():
    p = provider()
    for r in refs():
        me = p.verify(r)
        assert me.handle == r.handle
        assert me.display_name
    assert p.limits(ref_for("x")).max_characters == 280
    assert p.limits(ref_for("x")).characters_reserved_per_url == 23
    assert p.limits(ref_for("mastodon")).max_characters == 500
    assert p.limits(ref_for("bluesky")).max_characters == 300


# --- determinism ----------------------------------------------------------------------------------


def test_same_arguments_same_data():
    clock_a, clock_b = (
        FakeClock(ANCHOR + timedelta(hours=2)),
        FakeClock(ANCHOR + timedelta(hours=2)),
    )
    a, b = provider(clock_a), provider(clock_b)
    for r in reversed(refs()):  # order of first use must not matter
        b.fetch_mentions(r, None)
    for r in refs():
        batch_a, batch_b = a.fetch_mentions(r, None), b.fetch_mentions(r, None)
        assert batch_a == batch_b
        follow_up = next(m for m in batch_a.mentions if m.in_reply_to_remote_id)
        assert a.fetch_thread(r, follow_up.remote_id) == b.fetch_thread(r, follow_up.remote_id)


def test_another_seed_or_anchor_gives_another_week():
    r = ref_for("x")
    base = provider().fetch_mentions(r, None).mentions
    other_seed = provider(seed=7).fetch_mentions(r, None).mentions
    other_anchor = (
        DemoProvider(ANCHOR + timedelta(days=1), clock=FakeClock(ANCHOR + timedelta(days=1)))
        .fetch_mentions(r, None)
        .mentions
    )
    assert [m.text for m in base] != [m.text for m in other_seed]
    assert [m.remote_id for m in base] != [m.remote_id for m in other_anchor]


def test_concurrent_first_use_is_safe_and_identical():
    p = provider()
    reference = {r.handle: provider().fetch_mentions(r, None) for r in refs()}
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda r: (r.handle, p.fetch_mentions(r, None)), refs() * 3))
    for handle, batch in results:
        assert batch == reference[handle]


# --- the week of history --------------------------------------------------------------------------


def test_about_two_thousand_mentions_in_the_week_before_the_anchor(history, everything):
    assert 1800 <= len(everything) <= 2300
    for mentions in history.values():
        assert mentions
        for m in mentions:
            assert ANCHOR - WEEK <= m.created_at < ANCHOR
            assert m.created_at.tzinfo is not None
        times = [m.created_at for m in mentions]
        assert times == sorted(times)
    sizes = {h: len(m) for h, m in history.items()}
    assert sizes["emberlinecoffee"] > sizes["ridgeway"]  # busier brands are busier


def test_quieter_at_night_in_the_clients_timezone(history):
    from zoneinfo import ZoneInfo

    local = collections.Counter(
        m.created_at.astimezone(ZoneInfo("Europe/Berlin")).hour for m in history["emberlinecoffee"]
    )
    night = sum(local[h] for h in (1, 2, 3, 4))
    morning = sum(local[h] for h in (7, 8, 9, 10))
    assert morning > 5 * night


def test_an_outage_makes_a_spike_for_the_saas_client(history):
    for handle in ("tallyfox", "tallyfox.bsky.social"):
        per_hour = collections.Counter(
            m.created_at.replace(minute=0, second=0, microsecond=0) for m in history[handle]
        )
        counts = sorted(per_hour.values())
        assert counts[-1] >= 4 * counts[len(counts) // 2]


def test_category_mix_matches_customer_care(everything):
    labels = collections.Counter(demo_label(m.remote_id) for m in everything)
    total = sum(labels.values())
    for category, share in CATEGORY_MIX.items():
        assert abs(labels[category] / total - share) < 0.02, category
    customer = sum(labels[c] for c in ("question", "complaint", "feedback", "criticism"))
    for category, share in {
        "question": 0.48,
        "complaint": 0.33,
        "feedback": 0.10,
        "criticism": 0.09,
    }.items():
        assert abs(labels[category] / customer - share) < 0.03, category


def test_each_accounts_handle_appears_in_its_mentions(history):
    for r in refs():
        for m in history[r.handle]:
            assert f"@{r.handle}".lower() in m.text.lower(), m.text


def test_texts_are_plain_varied_and_within_the_network_limit(history, everything):
    texts = [m.text for m in everything]
    assert len(set(texts)) / len(texts) > 0.85
    for r in refs():
        limit = provider().limits(r).max_characters
        assert all(0 < len(m.text) <= limit for m in history[r.handle])


def test_texts_exercise_the_hard_cases(everything):
    texts = [m.text for m in everything]

    def count(pattern: str) -> int:
        return sum(1 for t in texts if re.search(pattern, t))

    assert count(r"[\U0001F300-\U0001FAFF]") > 200  # emoji
    assert count(r"[\U0001F3FB-\U0001F3FF]") > 20  # skin tones
    assert count("\u200d") > 10  # ZWJ sequences
    assert count(r"[\U0001F1E6-\U0001F1FF]{2}") > 5  # flags
    assert count(r"[\u0590-\u05FF]") >= 2  # Hebrew
    assert count(r"[\u0600-\u06FF]") >= 2  # Arabic
    assert count(r"\b(?:und|nicht|Hallo|Danke|danke|ihr)\b") > 10  # German
    assert count(r"[¿¡]|\b(?:Gracias|pedido)\b") > 5  # Spanish
    assert count(r"\b(?:Bonjour|Merci|Franchement|c'était)\b") > 3  # French
    assert count(r"<[a-z_]+>|&amp;|<3") > 10  # HTML-looking, to be shown literally
    # What the person typed, as a network client shows it: X's escapes are undone on the way in,
    # so "&lt;first_name&gt;" on a card would be the app's mistake, not theirs.
    assert count(r"&lt;|&gt;|&amp;euro;") == 0
    assert count(r"https://") > 50
    assert count(r"(?<![/\w])[a-z-]+\.(?:shop|biz|click|example)/") > 5  # schemeless links
    assert count(r"#\d{5}") > 30  # order numbers
    assert count(r"\b[A-Z]{4,}(?: [A-Z]{2,}){3,}") > 10  # ALL CAPS rants
    assert count(r"(?i)love the new update, crashes every five minutes") >= 1  # sarcasm


def test_remote_ids_and_urls_look_like_each_network(history):
    seen: set[str] = set()
    for r in refs():
        for m in history[r.handle]:
            assert m.remote_id not in seen
            seen.add(m.remote_id)
            assert m.url and m.url.startswith("https://")
            if r.network == "x":
                assert m.remote_id.isdigit() and len(m.remote_id) >= 18
                assert m.url == f"https://x.com/{m.author.handle}/status/{m.remote_id}"
            elif r.network == "mastodon":
                assert m.remote_id.isdigit()
                user, server = m.author.handle.split("@")
                assert m.url == f"https://{server}/@{user}/{m.remote_id}"
            else:
                match = re.fullmatch(
                    r"at://(did:plc:[a-z2-7]{24})/app\.bsky\.feed\.post/([2-7a-z]{13})",
                    m.remote_id,
                )
                assert match and match.group(1) == m.author.remote_id
                assert m.url == f"https://bsky.app/profile/{m.author.handle}/post/{match.group(2)}"


# --- people and threads ---------------------------------------------------------------------------


def test_threads_reference_earlier_posts_in_the_same_conversation(history, everything):
    follow_ups = [m for m in everything if m.in_reply_to_remote_id]
    assert 0.10 <= len(follow_ups) / len(everything) <= 0.20
    p = provider()
    by_handle = {r.handle: r for r in refs()}
    checked_brand_parents = 0
    for handle, mentions in history.items():
        r = by_handle[handle]
        for m in mentions:
            if m.in_reply_to_remote_id is None:
                assert m.conversation_id == m.remote_id
                continue
            thread = p.fetch_thread(r, m.remote_id)
            ids = {t.remote_id: t for t in thread}
            parent = ids[m.in_reply_to_remote_id]
            assert parent.created_at < m.created_at
            assert parent.conversation_id == m.conversation_id
            assert thread[0].remote_id == m.conversation_id
            assert thread[0].author == m.author  # the same customer writing again
            assert [t.created_at for t in thread] == sorted(t.created_at for t in thread)
            if parent.author.handle == handle:
                checked_brand_parents += 1
    assert checked_brand_parents > 20  # some reply to what the brand said


def test_brand_replies_show_in_threads_but_not_as_mentions(history):
    p = provider()
    r = ref_for("bluesky")
    mention_ids = {m.remote_id for m in history[r.handle]}
    brand_posts = [
        t
        for m in history[r.handle]
        if m.in_reply_to_remote_id
        for t in p.fetch_thread(r, m.remote_id)
        if t.author.handle == r.handle
    ]
    assert brand_posts
    assert not mention_ids & {t.remote_id for t in brand_posts}
    with pytest.raises(ValueError):
        demo_label(brand_posts[0].remote_id)


def test_repeat_customers_trolls_and_bots(history, everything):
    for mentions in history.values():
        authors = collections.Counter(m.author.remote_id for m in mentions)
        assert authors.most_common(1)[0][1] >= 5
        assert authors.most_common(1)[0][1] <= 30
    per_author = collections.Counter((m.author.remote_id) for m in everything)
    assert sum(1 for n in per_author.values() if n >= 5) >= 20

    abuse = collections.Counter(
        m.author.handle for m in everything if demo_label(m.remote_id) == "abuse"
    )
    trolls = {h for handles in corpus().trolls.values() for h, _ in handles}
    assert 2 <= len(trolls) <= 3
    assert sum(abuse[t] for t in trolls) > 0.6 * sum(abuse.values())

    spam = [m for m in everything if demo_label(m.remote_id) == "spam"]
    assert spam
    links = sum(1 for m in spam if re.search(r"https?://|\w\.(?:shop|biz|click|com)\b", m.text))
    assert links > 0.75 * len(spam)
    assert all(re.search(r"\d{3,}", m.author.handle) for m in spam)  # bot-like handles


# --- cursors and live arrivals --------------------------------------------------------------------


def test_cursor_never_duplicates_skips_or_reaches_into_the_future():
    clock = FakeClock(ANCHOR)
    p = provider(clock)
    r = ref_for("x")
    first = p.fetch_mentions(r, None)
    seen = list(first.mentions)
    cursor = first.cursor
    assert cursor
    steps = [0.0, 0.5, 1, 3, 7, 0, 13, 2, 30, 60, 1, 90, 240]
    for minutes in steps:
        clock.advance(minutes=minutes)
        batch = p.fetch_mentions(r, cursor)
        for m in batch.mentions:
            assert m.created_at <= clock.now
        if not batch.mentions:
            assert batch.cursor == cursor
        seen.extend(batch.mentions)
        cursor = batch.cursor
    ids = [m.remote_id for m in seen]
    assert len(ids) == len(set(ids))
    assert [m.created_at for m in seen] == sorted(m.created_at for m in seen)
    # Nothing skipped: a fresh provider asked once at the end returns exactly the same.
    fresh = provider(FakeClock(clock.now)).fetch_mentions(r, None)
    assert [m.remote_id for m in fresh.mentions] == ids
    assert len(ids) > len(first.mentions)  # new ones arrived


def test_live_arrivals_every_minute_or_two():
    clock = FakeClock(ANCHOR)
    p = provider(clock)
    cursors = {r.handle: p.fetch_mentions(r, None).cursor for r in refs()}
    per_hour = []
    for _hour in range(6):
        clock.advance(hours=1)
        arrived = 0
        for r in refs():
            batch = p.fetch_mentions(r, cursors[r.handle])
            cursors[r.handle] = batch.cursor
            arrived += len(batch.mentions)
            for m in batch.mentions:
                assert clock.now - timedelta(hours=1) < m.created_at <= clock.now
                assert f"@{r.handle}".lower() in m.text.lower()
        per_hour.append(arrived)
    assert all(per_hour)
    assert 20 <= sum(per_hour) / len(per_hour) <= 60  # one every one to three minutes


def test_nothing_in_the_future_before_the_clock_reaches_it():
    clock = FakeClock(ANCHOR - timedelta(days=2))  # a clock behind the anchor
    p = provider(clock)
    for r in refs():
        assert all(m.created_at <= clock.now for m in p.fetch_mentions(r, None).mentions)


def test_a_cursor_from_elsewhere_starts_again():
    p = provider()
    r = ref_for("mastodon")
    assert p.fetch_mentions(r, "not-a-demo-cursor") == p.fetch_mentions(r, None)


def test_history_is_generated_fast():
    r = max(refs(), key=lambda ref: ref.handle == "emberlinecoffee")
    timings = []
    for seed in (1, 2, 3):
        p = provider(seed=seed)
        start = time.perf_counter()
        p.fetch_mentions(r, None)
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.1


def test_an_account_the_demo_does_not_know_still_gets_mentions():
    p = provider()
    r = AccountRef(99, "bluesky", "someone-new.bsky.social")
    mentions = p.fetch_mentions(r, None).mentions
    assert 50 < len(mentions) < 250
    assert all("@someone-new.bsky.social" in m.text for m in mentions)
    assert p.verify(r).handle == "someone-new.bsky.social"


# --- posting --------------------------------------------------------------------------------------


def test_post_reply_exactly_once_and_shows_in_the_thread():
    clock = FakeClock(ANCHOR + timedelta(minutes=5))
    delays: list[float] = []
    p = DemoProvider(ANCHOR, clock=clock, failure_rate=0, post_delay=0.4, sleep=delays.append)
    r = ref_for("mastodon")
    mention = p.fetch_mentions(r, None).mentions[-1]
    posted = p.post_reply(r, "Thanks for flagging, we're on it!", mention.remote_id, "key-1")
    assert delays == [0.4]
    clock.advance(minutes=1)
    again = p.post_reply(r, "Thanks for flagging, we're on it!", mention.remote_id, "key-1")
    assert again == posted
    assert delays == [0.4]  # the second call did not post
    assert list(p.posted) == ["key-1"]
    assert p.posted["key-1"] == ("Thanks for flagging, we're on it!", posted)
    assert posted.posted_at == ANCHOR + timedelta(minutes=5)
    assert posted.url and posted.remote_id in posted.url
    thread = p.fetch_thread(r, mention.remote_id)
    assert thread[-1].remote_id == posted.remote_id
    assert thread[-1].in_reply_to_remote_id == mention.remote_id
    assert thread[-1].conversation_id == mention.conversation_id
    assert p.fetch_thread(r, posted.remote_id) == thread
    # The brand's reply is not a new mention.
    assert posted.remote_id not in {m.remote_id for m in p.fetch_mentions(r, None).mentions}


def test_transient_failures_then_a_retry_succeeds():
    p = provider(failure_rate=1.0)
    r = ref_for("x")
    errors = []
    for _attempt in range(10):
        try:
            posted = p.post_reply(r, "Sorry about that, DM us?", None, "stubborn")
            break
        except NetworkError as exc:
            assert isinstance(exc, ServerError | NetworkUnreachable)
            assert exc.transient
            assert str(exc)
            errors.append(exc)
    else:
        pytest.fail("the retry never succeeded")
    assert 1 <= len(errors) <= 3
    assert p.posted["stubborn"][1] == posted


def test_failures_happen_at_the_configured_rate_and_every_key_gets_through():
    p = provider(failure_rate=0.3)
    r = ref_for("bluesky")
    first_failures = 0
    for i in range(200):
        for attempt in range(5):
            try:
                p.post_reply(r, f"Reply number {i}", None, f"k{i}")
                break
            except (ServerError, NetworkUnreachable):
                first_failures += attempt == 0
        else:
            pytest.fail(f"k{i} never got through")
    assert 30 <= first_failures <= 90
    assert len(p.posted) == 200
    assert len({posted.remote_id for _text, posted in p.posted.values()}) == 200


def test_failures_are_deterministic():
    outcomes = []
    for _run in range(2):
        p = provider(failure_rate=0.5)
        run = []
        for i in range(30):
            try:
                p.post_reply(ref_for("x"), "hi", None, f"key{i}")
                run.append("ok")
            except NetworkError as exc:
                run.append(type(exc).__name__)
        outcomes.append(run)
    assert outcomes[0] == outcomes[1]
    assert "ok" in outcomes[0] and len(set(outcomes[0])) > 1


@pytest.mark.parametrize(("network", "limit"), [("x", 280), ("mastodon", 500), ("bluesky", 300)])
def test_over_limit_and_empty_replies_are_refused(network, limit):
    p = provider(failure_rate=0)
    r = ref_for(network)
    with pytest.raises(BadResponse, match=str(limit)):
        p.post_reply(r, "a" * (limit + 1), None, "long")
    for blank in ("", "   \n"):
        with pytest.raises(BadResponse, match="empty"):
            p.post_reply(r, blank, None, f"blank{blank!r}")
    assert not p.posted
    assert p.post_reply(r, "a" * limit, None, "exact")


def test_replying_to_an_unknown_post_is_refused():
    p = provider(failure_rate=0)
    with pytest.raises(BadResponse):
        p.post_reply(ref_for("x"), "hello", "123", "k")
    with pytest.raises(BadResponse):
        p.fetch_thread(ref_for("x"), "123")


def test_concurrent_posts_with_one_key_post_once():
    p = provider(failure_rate=0)
    r = ref_for("x")
    barrier = threading.Barrier(6)

    def post(_i: int):
        barrier.wait()
        return p.post_reply(r, "same reply", None, "shared-key")

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(post, range(6)))
    assert len(set(results)) == 1
    assert len(p.posted) == 1


# --- labels and templates -------------------------------------------------------------------------


def test_demo_label_refuses_what_it_did_not_make():
    for bogus in ("", "abc", "at://did:plc:x/app.bsky.feed.post/!!"):
        with pytest.raises(ValueError):
            demo_label(bogus)


def test_every_template_fills_in_every_industry():
    p = provider()
    for r in refs():
        feed = p._feed(r)  # the generator itself: every slot a template names must exist
        industry = feed.industry
        groups = [
            *industry["templates"].values(),
            *industry.get("outage", {}).values(),
            *industry["html"].values(),
            *(t for lang in industry["foreign"].values() for t in lang.values()),
            *corpus().generic.values(),
            *corpus().followups.values(),
            *corpus().followups_answered.values(),
            *(t for lang in corpus().foreign_followups.values() for t in lang.values()),
            *(t for lang in corpus().foreign_followups_answered.values() for t in lang.values()),
            *corpus().html_generic.values(),
            *(t for lang in corpus().foreign_generic.values() for t in lang.values()),
            *corpus().brand_replies.values(),
        ]
        import random

        rng = random.Random(0)
        for group in groups:
            for template in group:
                text = feed.writer.fill(rng, template, h="@x", first="Sam")
                assert "{" not in text and "}" not in text, template


def test_each_person_writes_in_one_language(history):
    """A newcomer noticed one author writing German, French and English in a week."""
    written: dict[str, set[str]] = {}
    for mentions in history.values():
        for m in mentions:
            reliable, _, found = pycld2.detect(m.text)
            if reliable and found[0][2] > 60 and found[0][1] not in ("un", "en"):
                written.setdefault(m.author.handle, set()).add(found[0][1])
    assert len(written) > 20  # the demo's clients do hear from people in other languages
    assert {h: langs for h, langs in written.items() if len(langs) > 1} == {}


def test_new_mentions_rarely_repeat_a_text(history):
    """A newcomer saw the same question from nine different people: templates are dealt, not
    drawn, so in a week no new mention's text (without the handles) comes more than three
    times. Follow-ups ("any update?") are short and may repeat more."""
    texts = collections.Counter(
        " ".join(re.sub(r"@[\w.-]+(?:@[\w.-]+)?", " ", m.text).split())
        for mentions in history.values()
        for m in mentions
        if m.in_reply_to_remote_id is None
    )
    assert {text: n for text, n in texts.items() if n > 3} == {}
