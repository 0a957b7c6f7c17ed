"""Watching every client for a crisis (core/crisis.py) and keeping the store's crises in step;
plus the demo's "Simulate a crisis". Runs on a worker thread; knows nothing of Qt."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from socialdesk.core import crisis
from socialdesk.core.crisis import CALM, CRISIS, Assessment, Settings
from socialdesk.core.mentions import FetchedMention, RemoteAuthor
from socialdesk.services.sync import _triage
from socialdesk.store import clients, crises, mentions
from socialdesk.store.crises import CrisisRecord
from socialdesk.store.db import Database

HISTORY = timedelta(weeks=5)  # the baseline's four weeks and a margin
SAMPLES = 3


@dataclass(frozen=True)
class ClientCrisis:
    """What the banner shows for one client."""

    client_id: int
    client_name: str
    assessment: Assessment
    record: CrisisRecord  # the crisis under way (or just over: ``ended``)
    samples: tuple[str, ...]  # a few of the spike's mentions
    last_statement: datetime | None  # the client's last new post approved since it started
    ended: bool = False  # over, with the outbox it paused still paused: review, then resume


class CrisisWatch:
    """Remembers each client's last assessment between checks (a crisis ends only after a calm
    spell); the store keeps the crises themselves, so a restart picks them up again."""

    def __init__(
        self, db: Database, clock: Callable[[], datetime], settings: Settings | None = None
    ) -> None:
        self._db = db
        self._clock = clock
        self._settings = settings or Settings()
        self._previous: dict[int, Assessment] = {}
        self._lock = threading.Lock()  # one check at a time

    def check(self, now: datetime | None = None) -> list[ClientCrisis]:
        now = now or self._clock()
        with self._lock:
            under_way = crises.open_crises(self._db)
            found = []
            # Ids and names only: list_clients would count every account's unread and overdue.
            # Archived and deleted clients are not watched: nothing of theirs is synced.
            for client_id, name in self._db.query(
                "SELECT id, name FROM client WHERE archived_at IS NULL AND deleted_at IS NULL"
                " ORDER BY name"
            ):
                shown = self._check_client(client_id, name, under_way.get(client_id), now)
                if shown is not None:
                    found.append(shown)
            return found

    def _check_client(
        self, client_id: int, name: str, record: CrisisRecord | None, now: datetime
    ) -> ClientCrisis | None:
        history = crises.negatives(self._db, client_id, now - HISTORY)
        previous = self._previous.get(client_id) or _restored(record)
        assessment = crisis.assess(history, now, self._settings, previous)
        self._previous[client_id] = assessment
        if assessment.state == CRISIS and record is None:
            crises.start(self._db, client_id, now, assessment.about)
        elif assessment.state == CALM and record is not None:
            crises.end(self._db, record.id, now)
        # The latest one: under way, or over with the outbox it paused still to resume.
        record = crises.last_crisis(self._db, client_id)
        if record is None or (record.ended_at is not None and not _still_paused(self._db, record)):
            return None
        texts = {n.mention_id: n.text for n in history}
        samples = tuple(texts[i] for i in reversed(assessment.mention_ids) if i in texts)
        return ClientCrisis(
            client_id, name, assessment, record, samples[:SAMPLES],
            crises.last_statement(self._db, client_id, record.started_at),
            ended=record.ended_at is not None,
        )  # fmt: skip

    def crisis_mentions(self, record: CrisisRecord) -> list[int]:
        """The client's negative mentions since just before the crisis started."""
        since = record.started_at - timedelta(minutes=self._settings.window_minutes)
        return [n.mention_id for n in crises.negatives(self._db, record.client_id, since)]


def _restored(record: CrisisRecord | None) -> Assessment | None:
    """After a restart: the crisis under way goes on from the store."""
    if record is None or record.ended_at is not None:
        return None
    return Assessment(CRISIS, 0.0, 0.0, record.about, started_at=record.started_at)


def _still_paused(db: Database, record: CrisisRecord) -> bool:
    return record.outbox_paused_by_crisis and crises.outbox_paused(db, record.client_id)


# -- the demo's simulated crisis ------------------------------------------------------------------
OUTAGE = (
    "app is down again?? can't login", "login broken for anyone else? app just spins",
    "your app logged me out and now the password reset link is dead", "APP DOWN. fix it.",
    "been trying to login for 20 minutes, app keeps crashing", "is the app down? login fails",
    "app outage again, third time this month", "cannot login, app says error 503",
)  # fmt: skip


def simulate_crisis(db: Database, watch: CrisisWatch, now: datetime, client_id: int) -> None:
    """Forty angry mentions about a login outage over the last twelve minutes for one client's
    first account, triaged like any other; the watch then sees the spike (and confirms it)."""
    account = next(a for a in clients.list_accounts(db) if a.client_id == client_id)
    fetched = [
        FetchedMention(
            remote_id=f"demo-crisis-{now.timestamp():.0f}-{i}",
            author=RemoteAuthor(f"crowd{i}", f"upset_user{i}", f"Upset user {i}"),
            text=f"@{account.handle} {OUTAGE[i % len(OUTAGE)]}",
            created_at=now - timedelta(seconds=720 - i * 18),
        )
        for i in range(40)
    ]
    triaged = [_triage(m.text) for m in fetched]
    ids = mentions.upsert_mentions(db, account.id, fetched, now, triaged)
    mentions.reprioritise(db, ids, now)
    watch.check(now - crisis.CONFIRM - timedelta(minutes=1))  # the spike is seen…
    watch.check(now)  # …and still there: a crisis
