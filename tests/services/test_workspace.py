"""Which workspace opens, what the demo holds, and how it stays alive — no Qt, a fake clock."""

from datetime import UTC, datetime, timedelta

from keyring.backend import KeyringBackend

from socialdesk.credentials import CredentialStore
from socialdesk.services import workspace as workspaces
from socialdesk.services.sync import SyncService
from socialdesk.store import clients, mentions
from socialdesk.store.mentions import MentionFilter

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)


class EmptyKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        raise AssertionError("nothing is stored by a sync")

    def delete_password(self, service, username):
        pass


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


def test_first_launch_opens_the_demo_with_a_settled_week_of_history(tmp_path):
    ws = workspaces.open_workspace(tmp_path, demo_dismissed=False, clock=Clock())
    assert ws.is_demo and ws.path.name == workspaces.DEMO_FILE
    listed = clients.list_clients(ws.db, NOW)
    assert {c.name for c in listed} == {"Emberline Coffee", "Ridgeway Cycles", "Tallyfox"}
    assert sum(len(c.accounts) for c in listed) == 6
    total = mentions.count_mentions(ws.db)
    assert 1_800 <= total <= 2_200
    awaiting = mentions.count_mentions(ws.db, MentionFilter(awaiting_reply_only=True))
    # A believable working day: most of the week was handled, the last hours are waiting.
    assert 0.02 * total < awaiting < 0.25 * total
    replied = mentions.mention_rows(ws.db, MentionFilter(statuses=("replied",)), 0, 50)
    assert all(r.first_response_at > r.created_at for r in replied)
    ws.db.close_all()


def test_the_demo_is_the_same_every_time_it_is_created(tmp_path):
    texts = []
    for name in ("a", "b"):
        ws = workspaces.open_demo(tmp_path / name, Clock())
        texts.append([r.text for r in mentions.mention_rows(ws.db, MentionFilter(), 0, 100)])
        ws.db.close_all()
    assert texts[0] == texts[1]


def test_reopening_the_demo_keeps_its_state(tmp_path):
    ws = workspaces.open_demo(tmp_path, Clock())
    first = mentions.mention_rows(ws.db, MentionFilter(sort="newest"), 0, 1)[0]
    mentions.set_mention_status(ws.db, first.id, "done")
    ws.db.close_all()
    again = workspaces.open_demo(tmp_path, Clock())
    assert mentions.mention_row(again.db, first.id).status == "done"
    again.db.close_all()


def test_new_mentions_arrive_through_sync_as_time_passes(tmp_path):
    clock = Clock()
    ws = workspaces.open_demo(tmp_path, clock)
    before = mentions.count_mentions(ws.db)
    clock.now += timedelta(hours=3)
    results = SyncService(ws.db, ws.provider_for, clock).sync_all()
    new_ids = [i for r in results for i in r.new_mention_ids]
    assert new_ids and not any(r.error for r in results)
    assert mentions.count_mentions(ws.db) == before + len(new_ids)
    newest = mentions.mention_rows(ws.db, MentionFilter(sort="newest"), 0, 1)[0]
    assert newest.status == "new" and newest.created_at > NOW
    # Triaged on arrival, with the words that decided, so the inbox can sort and filter at once.
    arrived = mentions.mention_rows(ws.db, MentionFilter(sort="newest"), 0, len(new_ids))
    assert all(r.category and r.priority and r.triage_reasons for r in arrived)
    # Syncing again at the same moment finds nothing twice.
    assert all(not r.new_mention_ids for r in SyncService(ws.db, ws.provider_for, clock).sync_all())
    ws.db.close_all()


def test_resetting_the_demo_never_touches_the_users_own_workspace(tmp_path):
    live = workspaces.open_live(tmp_path)
    clients.add_client(live.db, "Real client")
    live.db.close_all()
    demo = workspaces.open_demo(tmp_path, Clock())
    newest = mentions.mention_rows(demo.db, MentionFilter(sort="newest"), 0, 1)[0]
    mentions.set_mention_status(demo.db, newest.id, "done")
    fresh = workspaces.reset_demo(tmp_path, demo, Clock())
    assert mentions.mention_rows(fresh.db, MentionFilter(sort="newest"), 0, 1)[0].status == "new"
    live = workspaces.open_live(tmp_path)
    assert [c.name for c in clients.list_clients(live.db, NOW)] == ["Real client"]
    live.db.close_all()
    fresh.db.close_all()


def test_an_account_or_a_dismissed_demo_opens_the_users_workspace(tmp_path):
    assert workspaces.open_workspace(tmp_path, demo_dismissed=True, clock=Clock()).kind == "live"
    other = tmp_path / "other"
    live = workspaces.open_live(other)
    client_id = clients.add_client(live.db, "Real client")
    clients.add_account(live.db, client_id, "mastodon", "real", server_url="https://m.example")
    live.db.close_all()
    assert workspaces.open_workspace(other, demo_dismissed=False, clock=Clock()).kind == "live"


def test_a_live_account_without_sign_in_records_a_plain_sync_error(tmp_path):
    live = workspaces.open_live(tmp_path)
    live.networks.store = CredentialStore(EmptyKeyring())  # a working keyring, nothing in it
    client_id = clients.add_client(live.db, "Real client")
    account_id = clients.add_account(live.db, client_id, "x", "realbrand")
    (result,) = SyncService(live.db, live.provider_for, Clock()).sync_all()
    assert result.handle == "realbrand" and result.error == (
        "@realbrand is not signed in to X. Sign in again from Workspace → Accounts."
    )
    account = clients.get_account(live.db, account_id)
    assert account.sync_state == "error" and account.last_error == result.error
    live.db.close_all()


def test_a_first_launch_can_show_the_window_before_the_demo_is_built(tmp_path):
    """The app opens the demo empty, shows its window, then builds the week on a worker; a
    demo left half-built (the app closed meanwhile) is built afresh at the next launch."""
    ws = workspaces.open_workspace(tmp_path, demo_dismissed=False, clock=Clock(), seed_later=True)
    assert ws.is_demo and ws.seed is not None and clients.count_accounts(ws.db) == 0
    ws.seed()
    built = mentions.count_mentions(ws.db)
    assert built > 100 and clients.count_accounts(ws.db) > 0
    ws.db.close_all()
    again = workspaces.open_workspace(
        tmp_path, demo_dismissed=False, clock=Clock(), seed_later=True
    )
    assert again.seed is None and mentions.count_mentions(again.db) == built
    # Half a demo: accounts stored, the history never finished.
    again.db.query("DELETE FROM event")
    again.db.close_all()
    fresh = workspaces.open_workspace(
        tmp_path, demo_dismissed=False, clock=Clock(), seed_later=True
    )
    assert fresh.seed is not None and clients.count_accounts(fresh.db) == 0
    fresh.db.close_all()


def test_closing_a_live_workspace_closes_its_network_connections(tmp_path):
    """Leaving a live workspace (quitting, or opening the demo) left its providers' keep-alive
    connections to the garbage collector."""
    live = workspaces.open_live(tmp_path)
    closed = []
    live.networks._providers["mastodon"] = type(
        "Provider", (), {"close": lambda self: closed.append("mastodon")}
    )()
    live.close()
    assert closed == ["mastodon"]
    assert live.networks._providers == {}
