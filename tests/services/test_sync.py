"""Background sync against a Mastodon-shaped server on 127.0.0.1: a rate limit is waited out,
never hammered, and one account's failure leaves the others syncing."""

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from keyring.backend import KeyringBackend

from socialdesk.credentials import CredentialStore
from socialdesk.networks.http import Transport
from socialdesk.services import accounts
from socialdesk.services.sync import SyncService
from socialdesk.store import clients
from tests.networks.mastodon_server import TOKEN, MastodonServer

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


class DictKeyring(KeyringBackend):
    """A keyring in memory, for sync tests (the real one is tested against a Secret Service)."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.values = {}

    def get_password(self, service, username):
        return self.values.get((service, username))

    def set_password(self, service, username, password):
        self.values[(service, username)] = password

    def delete_password(self, service, username):
        self.values.pop((service, username), None)


class Clock:
    def __init__(self):
        self.now = NOW

    def __call__(self):
        return self.now


def test_a_rate_limit_is_waited_out_and_other_accounts_go_on(db):
    server = MastodonServer(mentions=5)
    clock = Clock()
    networks = accounts.LiveNetworks(
        CredentialStore(DictKeyring()),
        transports={"mastodon": lambda url: Transport("Mastodon", url, clock=clock,
                                                      timeout=httpx.Timeout(5))},
    )  # fmt: skip
    try:
        client_id = clients.add_client(db, "Acme", at=NOW)
        limited = clients.add_account(db, client_id, "mastodon", "brand", server_url=server.url)
        other = clients.add_account(db, client_id, "mastodon", "other", server_url=server.url)
        server.tokens.add("other-account-token")
        for account_id, token in ((limited, TOKEN), (other, "other-account-token")):
            account = accounts.account_ref(clients.get_account(db, account_id))
            networks.secrets_for(account).put("access_token", token)
        sync = SyncService(db, networks.provider_for, clock)

        server.faults.append("429")  # the first account's request is refused
        said = []
        first, second = sync.sync_all(said.append)
        assert said == ["Checking @brand (1 of 2)…", "Checking @other (2 of 2)…"]
        assert first.account_id == limited and "slow down" in first.error
        assert second.account_id == other and second.error is None
        assert len(second.new_mention_ids) == 5

        asked = len(server.requests)
        clock.now += timedelta(minutes=1)  # before the reset (12:05): not even one request
        first, _ = sync.sync_all()
        assert "waiting for its rate limit" in first.error
        assert len(server.requests) - asked == 1  # the other account's one look, nothing more

        clock.now = datetime(2026, 11, 20, 12, 6, tzinfo=UTC)  # after it: synced again
        first, _ = sync.sync_all()
        assert first.error is None and len(first.new_mention_ids) == 5
    finally:
        server.close()


def test_a_server_that_is_down_is_said_with_what_to_do_and_nothing_is_lost(db):
    server = MastodonServer(mentions=3)
    networks = accounts.LiveNetworks(CredentialStore(DictKeyring()))
    client_id = clients.add_client(db, "Acme", at=NOW)
    account_id = clients.add_account(db, client_id, "mastodon", "brand", server_url=server.url)
    networks.secrets_for(accounts.account_ref(clients.get_account(db, account_id))).put(
        "access_token", TOKEN
    )
    sync = SyncService(db, networks.provider_for, Clock())
    [first] = sync.sync_all()
    assert len(first.new_mention_ids) == 3
    server.close()  # the server goes down: its port refuses connections

    [down] = sync.sync_all()
    assert "Could not reach Mastodon" in down.error
    assert "Check the connection; SocialDesk tries again at the next sync." in down.error
    account = clients.get_account(db, account_id)
    assert account.sync_state == "error" and account.last_error == down.error
    assert account.sync_cursor is not None  # where to go on from is kept


@pytest.mark.usefixtures("account")
def test_a_window_read_again_is_not_triaged_again(db, monkeypatch):
    """Triage is most of a sync's time: what the store already holds is not weighed twice."""
    from socialdesk.networks.base import MentionBatch
    from socialdesk.services import sync as sync_module
    from tests.factories import mention

    read = [mention(n) for n in range(1, 6)]

    class Window:
        def fetch_mentions(self, _account, _cursor):
            return MentionBatch(list(read), cursor="c")

    triaged = []
    weigh = sync_module._triage
    monkeypatch.setattr(
        sync_module, "_triage", lambda text, *rest: triaged.append(text) or weigh(text, *rest)
    )
    service = SyncService(db, lambda _account: Window(), Clock())
    assert len(service.sync_all()[0].new_mention_ids) == 5 and len(triaged) == 5
    read.append(mention(6))  # the next sync reads the same window and one more
    assert len(service.sync_all()[0].new_mention_ids) == 1 and len(triaged) == 6


@pytest.mark.usefixtures("account")
def test_a_mention_like_one_the_manager_refiled_is_filed_the_same_way(db):
    """Learning from the manager: a mention refiled by hand; the next one like it arrives
    filed the same way, and says why."""
    from socialdesk.networks.base import MentionBatch
    from socialdesk.store import mentions
    from tests.factories import mention

    first = mention(1, text="@acme your app saved me from invoice hell this month")
    later = mention(2, text="@acme the app saved me from invoice hell again this month")
    read = [first]

    class Network:
        def fetch_mentions(self, _account, _cursor):
            return MentionBatch(list(read), cursor="c")

    service = SyncService(db, lambda _account: Network(), Clock())
    [refiled] = service.sync_all()[0].new_mention_ids
    triaged = mentions.rows_by_id(db, [refiled])[0].category
    chosen = "feedback" if triaged != "feedback" else "praise"  # not what triage said
    mentions.set_category(db, [refiled], chosen)
    read.append(later)
    [arrived] = service.sync_all()[0].new_mention_ids
    row = mentions.rows_by_id(db, [arrived])[0]
    assert row.category == chosen
    assert f"you filed similar mentions as {chosen}" in row.triage_reasons


@pytest.mark.usefixtures("account")
def test_how_sure_triage_was_is_stored_with_the_mention(db, monkeypatch):
    """An arriving mention keeps triage's confidence: an unsure call (its reasons say "check: …")
    is stored unsure, so the feed can mark it; a sure one sure."""
    from socialdesk.core import triage
    from socialdesk.networks.base import MentionBatch
    from socialdesk.store import mentions
    from tests.factories import mention

    def classify(text, **_kwargs):
        if "hmm" in text:
            return triage.Triage("other", 0.0, ("check: no word list decided",), "", sure=False)
        return triage.Triage("complaint", -0.8, ("complaint words: broken",), "", sure=True)

    monkeypatch.setattr(triage, "classify", classify)
    read = [mention(1, text="@acme hmm, interesting"), mention(2, text="@acme app is broken")]

    class Network:
        def fetch_mentions(self, _account, _cursor):
            return MentionBatch(list(read), cursor="c")

    ids = SyncService(db, lambda _account: Network(), Clock()).sync_all()[0].new_mention_ids
    rows = {r.text: r for r in mentions.rows_by_id(db, ids)}
    unsure, sure = rows["@acme hmm, interesting"], rows["@acme app is broken"]
    assert (unsure.category, unsure.triage_sure) == ("other", False)
    assert unsure.triage_reasons == ("check: no word list decided",)
    assert (sure.category, sure.triage_sure) == ("complaint", True)
