"""Crisis detection against synthetic streams at simulated times: quiet demo-like traffic never
alerts over 30 days, a spike alerts within 10 minutes of its onset and ends after a calm spell, a
slow climb over a week is not a crisis, and one viral complaint is a thread."""

import bisect
import math
import random
from datetime import UTC, datetime, timedelta

from socialdesk.core.crisis import CALM, CRISIS, RISING, THREAD, Negative, Settings, assess

T0 = datetime(2026, 10, 1, tzinfo=UTC)
STEP = timedelta(minutes=5)
QUIET = ["my order is late", "app keeps crashing", "coffee was cold today",
         "refund still not here", "rude staff at the counter",
         "why is the price up again"]  # fmt: skip


def quiet_day_rate(at: datetime) -> float:
    """Negatives per hour like the demo's: ~30 a day, busy mid-morning, near none at night."""
    hour = at.hour + at.minute / 60
    return 0.15 + 2.4 * max(0.0, math.sin(math.pi * (hour - 7) / 14))


def stream(start, end, rate, rnd, texts=QUIET, conversation=lambda i: f"c{i}"):
    """Poisson arrivals at ``rate(at)`` per hour, counted minute by minute."""
    out, at = [], start
    while at < end:
        for second in sorted(rnd.randrange(60) for _ in range(_poisson(rate(at) / 60, rnd))):
            i = len(out)
            out.append(Negative(i + 1, at + timedelta(seconds=second), rnd.choice(texts),
                                conversation(i)))  # fmt: skip
        at += timedelta(minutes=1)
    return out


def _poisson(mean, rnd):
    """Knuth's: how many arrivals in one minute."""
    limit, n, product = math.exp(-mean), 0, rnd.random()
    while product > limit:
        n += 1
        product *= rnd.random()
    return n


class Watcher:
    """Runs ``assess`` every 5 minutes as the app does, keeping the previous assessment."""

    def __init__(self, history):
        self.history = sorted(history, key=lambda n: n.at)
        self.times = [n.at for n in self.history]
        self.last = None

    def at(self, now, settings=None):
        settings = settings or Settings()
        lo = bisect.bisect_left(self.times, now - timedelta(weeks=settings.baseline_weeks + 1))
        hi = bisect.bisect_right(self.times, now)
        self.last = assess(self.history[lo:hi], now, settings, self.last)
        return self.last

    def run(self, start, end, step=STEP):
        states, now = [], start
        while now <= end:
            states.append((now, self.at(now)))
            now += step
        return states


def test_thirty_quiet_days_never_alert():
    rnd = random.Random(1)
    history = stream(T0 - timedelta(weeks=4), T0 + timedelta(days=30), quiet_day_rate, rnd)
    states = Watcher(history).run(T0, T0 + timedelta(days=30), step=timedelta(minutes=10))
    assert len(history) > 1_200
    assert [s for _, s in states if s.state != CALM] == []


def test_a_spike_alerts_within_ten_minutes_says_what_it_is_about_and_ends_after_calm():
    rnd = random.Random(2)
    onset = T0 + timedelta(days=3, hours=10, minutes=2)
    quiet = stream(T0 - timedelta(weeks=4), onset + timedelta(hours=6), quiet_day_rate, rnd)
    outage = [
        "app down again, cannot login",
        "login broken?? app says error",
        "is the app down? login fails",
        "cannot login to the app https://status.example.com/x",
    ]
    spike = stream(onset, onset + timedelta(minutes=90), lambda _at: 150, rnd, outage)
    spike = [Negative(10_000 + n.mention_id, n.at, n.text, n.conversation) for n in spike]
    watcher = Watcher(quiet + spike)
    states = watcher.run(
        onset - timedelta(hours=2), onset + timedelta(hours=6), timedelta(minutes=1)
    )
    first = next(now for now, s in states if s.state == CRISIS)
    assert first - onset <= timedelta(minutes=10)
    crisis = dict(states)[first]
    assert crisis.times_usual >= 4 and set(crisis.about) & {"login", "app", "down"}
    assert crisis.started_at == first and all(i >= 10_000 for i in crisis.mention_ids)
    assert max(crisis.spike) >= 5
    ended = next(now for now, s in states if now > first and s.state == CALM)
    # The spike lasts 90 minutes; the window empties 30 later; then an hour of calm.
    assert onset + timedelta(minutes=170) <= ended <= onset + timedelta(minutes=190)
    assert all(s.state == CRISIS for now, s in states if first <= now < ended)


def test_a_slow_climb_over_a_week_is_not_a_crisis():
    rnd = random.Random(3)
    climb_start = T0 + timedelta(days=2)

    def climbing(at):  # the usual rhythm, six times higher a week later
        growth = 6 ** min(1.0, max(0.0, (at - climb_start) / timedelta(days=7)))
        return quiet_day_rate(at) * growth

    history = stream(T0 - timedelta(weeks=4), climb_start + timedelta(days=8), climbing, rnd)
    states = Watcher(history).run(climb_start, climb_start + timedelta(days=8), STEP)
    assert max(s.rate for _, s in states) >= 10  # it did get busy
    assert [s for _, s in states if s.state == CRISIS] == []


def test_one_viral_complaint_is_a_thread_not_a_crisis():
    rnd = random.Random(4)
    onset = T0 + timedelta(days=5, hours=11)
    quiet = stream(T0 - timedelta(weeks=4), onset + timedelta(hours=2), quiet_day_rate, rnd)
    pile_on = stream(onset, onset + timedelta(minutes=60), lambda _at: 80, rnd,
                     ["this! same happened to me", "+1 terrible", "wow, shameful"],
                     conversation=lambda _i: "viral-1")  # fmt: skip
    pile_on = [Negative(20_000 + n.mention_id, n.at, n.text, n.conversation) for n in pile_on]
    states = Watcher(quiet + pile_on).run(onset, onset + timedelta(minutes=60))
    kinds = {s.state for _, s in states}
    assert THREAD in kinds and not kinds & {CRISIS, RISING}


def test_a_quiet_accounts_few_complaints_are_not_a_crisis():
    now = T0 + timedelta(days=10)
    few = [Negative(i, now - timedelta(minutes=i), "terrible service", f"c{i}") for i in range(5)]
    result = assess(few, now)
    assert result.state == CALM and result.rate == 10 and result.usual == Settings().min_usual
