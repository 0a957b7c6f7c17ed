"""Which workspace the app opens: the user's own, or the Demo workspace that makes a first launch
alive with no account and no network.

The two never mix: each is its own SQLite file in the data folder, so leaving or resetting the demo
can never touch a client's real history.
"""

from __future__ import annotations

import logging
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from socialdesk.core.models import MentionStatus
from socialdesk.services.accounts import LiveNetworks
from socialdesk.services.sync import SyncService
from socialdesk.store import clients, events, mentions, outbox
from socialdesk.store.db import Database, open_database, remove_files

if TYPE_CHECKING:
    from socialdesk.networks.base import Provider
    from socialdesk.networks.demo import DemoProvider

log = logging.getLogger(__name__)

LIVE_FILE = "socialdesk.sqlite3"
DEMO_FILE = "demo.sqlite3"
DEMO_CREATED = "workspace.demo_created"
SETTLE_AFTER = timedelta(hours=3)


@dataclass
class Workspace:
    kind: str  # "demo" or "live"
    db: Database
    provider_for: Callable[[clients.AccountSummary], Provider]
    networks: LiveNetworks | None = None  # a live workspace's real networks and keyring
    # The demo's history, still to be built (a first launch that shows the window first): run it
    # once, off the UI thread, before the first sync.
    seed: Callable[[], None] | None = None

    @property
    def is_demo(self) -> bool:
        return self.kind == "demo"

    @property
    def path(self) -> Path:
        return self.db.path

    def close(self) -> None:
        """Its database and, for a live one, its network connections (left open, each provider's
        keep-alive sockets waited for the garbage collector)."""
        if self.networks is not None:
            self.networks.close()
        self.db.close_all()


def open_workspace(
    data_dir: Path,
    *,
    demo_dismissed: bool,
    clock: Callable[[], datetime],
    seed_later: bool = False,
) -> Workspace:
    """The demo unless the user has an account or has left the demo on purpose. With
    ``seed_later``, a demo not built yet comes back empty with its ``seed`` to run."""
    live_path = data_dir / LIVE_FILE
    if demo_dismissed or live_path.exists():
        live = _open(live_path)
        if demo_dismissed or clients.count_accounts(live) > 0:
            return _live(live)
        live.close_all()
    return open_demo(data_dir, clock, seed_later=seed_later)


def open_live(data_dir: Path) -> Workspace:
    return _live(_open(data_dir / LIVE_FILE))


def _live(db: Database) -> Workspace:
    networks = LiveNetworks()
    return Workspace("live", db, networks.provider_for, networks)


def open_demo(
    data_dir: Path, clock: Callable[[], datetime], *, seed_later: bool = False
) -> Workspace:
    db = _open(data_dir / DEMO_FILE)
    anchor = _demo_anchor(db)
    if anchor is None and clients.count_accounts(db):
        # Half a demo (closed while it was built, a full disk) would open as a broken one.
        db.close_all()
        remove_files(data_dir / DEMO_FILE)
        db = _open(data_dir / DEMO_FILE)
    if anchor is not None:
        return Workspace("demo", db, _demo_provider(anchor, clock))
    anchor = clock()

    def seed() -> None:
        from socialdesk.networks.demo import DemoProvider

        _seed_demo(db, anchor, DemoProvider(anchor, clock=lambda: anchor))

    if seed_later:
        return Workspace("demo", db, _demo_provider(anchor, clock), seed=seed)
    try:
        seed()
    except Exception:
        # Half a demo (a full disk) would open as a broken one next time: build it afresh.
        db.close_all()
        remove_files(data_dir / DEMO_FILE)
        raise
    return Workspace("demo", db, _demo_provider(anchor, clock))


def _demo_provider(
    anchor: datetime, clock: Callable[[], datetime]
) -> Callable[[clients.AccountSummary], Provider]:
    """The demo's network, made on first use: its people and texts load after the window shows
    (the first sync asks for it), not while the window waits."""
    made: list[Provider] = []
    lock = threading.Lock()

    def provider_for(_account: clients.AccountSummary) -> Provider:
        with lock:
            if not made:
                from socialdesk.networks.demo import DemoProvider

                made.append(DemoProvider(anchor, clock=clock))
            return made[0]

    return provider_for


def reset_demo(data_dir: Path, current: Workspace, clock: Callable[[], datetime]) -> Workspace:
    """Start the demo afresh. Only ever removes the demo's own file."""
    current.close()
    demo_path = data_dir / DEMO_FILE
    remove_files(demo_path)
    return open_demo(data_dir, clock)


def _open(path: Path) -> Database:
    """Open one of the folder's databases. The app opens them only while it holds the data
    folder's lock (``app.instance``), so no other sender is alive: replies a crashed run left
    ``sending`` may be taken again at once (as unconfirmed, so never posted twice)."""
    db = open_database(path)
    mentions.fill_due_times(db)  # rows from before due times were stored
    outbox.release_leases(db)
    return db


def _seed_demo(db: Database, now: datetime, provider: DemoProvider) -> None:
    """Create the demo's clients and accounts, fetch their week of history through the normal sync
    path, and settle that history the way a working manager would have left it."""
    from socialdesk.networks.demo import DEMO_CLIENTS

    for client in DEMO_CLIENTS:
        client_id = clients.add_client(
            db,
            client.name,
            client.colour,
            response_target_minutes=client.response_target_minutes,
            service_hours=client.service_hours,
            timezone=client.timezone,
        )
        for account in client.accounts:
            clients.add_account(
                db,
                client_id,
                account.network,
                account.handle,
                account.display_name,
                server_url=account.server_url,
            )
    SyncService(db, lambda _account: provider, lambda: now).sync_all()
    _settle_history(db, now)
    events.log_event(db, DEMO_CREATED, detail={"anchor": now.isoformat()}, at=now)
    log.info("Demo workspace created at %s", db.path)


def _settle_history(db: Database, now: datetime) -> None:
    """Most older mentions were answered (some late), liked or ignored; a few slipped through.
    The last hours stay new, so the inbox opens on a believable working day."""
    outcomes: list[tuple[int, str, datetime | None]] = []
    for row in mentions.mention_rows(db, offset=0, limit=1_000_000):
        age = now - row.created_at
        if age < SETTLE_AFTER:
            continue
        roll = zlib.crc32(row.remote_id.encode()) / 2**32  # deterministic per mention
        if roll < 0.70:
            # Answered within about 1.3x the target: most on time, some late.
            minutes = 3 + roll / 0.70 * row.response_target_minutes * 1.3
            answered = min(row.created_at + timedelta(minutes=minutes), now)
            outcomes.append((row.id, MentionStatus.REPLIED, answered))
        elif roll < 0.88:
            outcomes.append((row.id, MentionStatus.DONE, None))
        elif roll < 0.96:
            outcomes.append((row.id, MentionStatus.IGNORED, None))
        elif age < timedelta(days=1):  # a few from today slipped through
            outcomes.append((row.id, MentionStatus.OPEN, None))
        else:
            outcomes.append((row.id, MentionStatus.DONE, None))
    mentions.set_outcomes(db, outcomes, at=now)


def _demo_anchor(db: Database) -> datetime | None:
    event = events.last_event(db, DEMO_CREATED)
    return datetime.fromisoformat(event.detail["anchor"]) if event else None
