"""The controllers on a real store, with the task runner's real threads and the shared fake clock:
no window and no network (a quiet network that answers at once stands in)."""

from datetime import UTC, datetime

import pytest

from socialdesk.app.context import AppContext
from socialdesk.app.tasks import TaskRunner
from socialdesk.app.workspace import WorkspaceController
from socialdesk.config import Settings
from socialdesk.core.limits import NetworkLimits
from socialdesk.networks.base import MentionBatch, PostedReply, RemoteAuthor
from socialdesk.services.workspace import Workspace
from socialdesk.store import mentions
from tests.factories import FakeClock, mention

T0 = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)


class QuietNetwork:
    """A network with nothing new to say: it posts and hides at once, and remembers it."""

    idempotent = True
    idempotency_window = None

    def __init__(self, clock) -> None:
        self.clock = clock
        self.posted: list[str] = []
        self.hidden: set[str] = set()

    def verify(self, account):
        return RemoteAuthor("me", account.handle, account.handle)

    def fetch_mentions(self, account, cursor):
        return MentionBatch([], cursor)

    def fetch_thread(self, account, remote_id):
        return []

    def post_reply(self, account, text, in_reply_to, idempotency_key):
        self.posted.append(text)
        return PostedReply(f"r{len(self.posted)}", None, self.clock())

    def find_reply(self, account, text, in_reply_to, since):
        return None

    def hide_reply(self, account, remote_id, hidden=True):
        (self.hidden.add if hidden else self.hidden.discard)(remote_id)

    def limits(self, account):
        return NetworkLimits.default(account.network)


@pytest.fixture
def clock():
    return FakeClock(T0)


@pytest.fixture
def network(clock):
    return QuietNetwork(clock)


@pytest.fixture
def workspace(db, account, clock, network):
    """One client ("Acme") with one X account and three new mentions."""
    _, account_id = account
    mentions.upsert_mentions(db, account_id, [mention(n) for n in (1, 2, 3)], clock())
    return Workspace("demo", db, lambda _account: network)


@pytest.fixture
def context(qtbot, workspace, tmp_path, clock):
    """The shared context alone. Controllers made on it in a test are its children (pass
    ``parent=context``), so none is freed while a job of the runner still answers to it."""
    runner = TaskRunner()
    ctx = AppContext(workspace, Settings.load(tmp_path), clock, runner)
    runner.setParent(ctx)
    yield ctx
    runner.close()
    qtbot.wait(10)  # the last answers are delivered while everyone is still there


@pytest.fixture
def controller(qtbot, workspace, tmp_path, clock):
    """The workspace's controller, started: its client list read, its first sync done."""
    ws = WorkspaceController(tmp_path, Settings.load(tmp_path), workspace, clock=clock)
    with qtbot.waitSignal(ws.ready, timeout=30_000):
        ws.start()
    yield ws
    ws.shutdown()


def mention_ids(db) -> list[int]:
    return [r[0] for r in db.query("SELECT id FROM mention ORDER BY id")]
