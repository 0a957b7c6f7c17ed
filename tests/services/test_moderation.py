"""Hiding a troll's reply through the services layer against a Bluesky-shaped server on
127.0.0.1: the network is asked first, the store records it only when the network said yes."""

from datetime import UTC, datetime

import pytest

from socialdesk.credentials import CredentialStore
from socialdesk.networks.base import FetchedMention, RemoteAuthor
from socialdesk.networks.errors import Refused, ServerError
from socialdesk.services import accounts, moderation
from socialdesk.services.sync import SyncService, account_ref
from socialdesk.store import clients, events, mentions
from tests.networks.bluesky_server import APP_PASSWORD, DID, HANDLE, BlueskyServer
from tests.services.test_sync import DictKeyring

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def bluesky(db):
    server = BlueskyServer()
    networks = accounts.LiveNetworks(CredentialStore(DictKeyring()))
    client_id = clients.add_client(db, "Acme", at=NOW)
    account_id = clients.add_account(
        db, client_id, "bluesky", HANDLE, server_url=server.url, remote_id=DID
    )
    account = account_ref(clients.get_account(db, account_id))
    networks.secrets_for(account).put("app_password", APP_PASSWORD)
    yield server, networks
    server.close()


def synced(db, server, networks, text):
    own = server.add_post(1, "Our spring collection is here", own=True)
    server.add_post(2, text, reason="reply", reply_to=own["uri"])
    SyncService(db, networks.provider_for, lambda: NOW).sync_all()
    [mention_id] = [r[0] for r in db.query("SELECT id FROM mention WHERE text = ?", (text,))]
    return mention_id


def test_a_hidden_reply_is_in_the_threads_gate_ignored_and_logged(db, bluesky):
    server, networks = bluesky
    mention_id = synced(db, server, networks, "you people are clowns")
    moderation.hide_reply(db, networks.provider_for, mention_id, True, NOW)

    row = mentions.mention_row(db, mention_id)
    assert row.hidden and row.status == "ignored"  # no public answer: its clock stops
    [gate] = [r["value"] for k, r in server.records.items() if k[0].endswith("threadgate")]
    assert gate["hiddenReplies"] == [row.remote_id]
    assert events.last_event(db, "mention.hidden").mention_id == mention_id

    moderation.hide_reply(db, networks.provider_for, mention_id, False, NOW)
    assert not mentions.mention_row(db, mention_id).hidden
    [gate] = [r["value"] for k, r in server.records.items() if k[0].endswith("threadgate")]
    assert gate["hiddenReplies"] == []


def test_when_the_network_fails_the_store_does_not_say_hidden(db, bluesky):
    server, networks = bluesky
    mention_id = synced(db, server, networks, "worst brand ever")
    server.faults.extend(["500"] * 3)
    with pytest.raises(ServerError):
        moderation.hide_reply(db, networks.provider_for, mention_id, True, NOW)
    row = mentions.mention_row(db, mention_id)
    assert not row.hidden and row.status == "new"


def test_mastodon_replies_cannot_be_hidden_and_nothing_changes(db):
    client_id = clients.add_client(db, "Acme", at=NOW)
    account_id = clients.add_account(
        db, client_id, "mastodon", "brand", server_url="https://m.example"
    )
    troll = FetchedMention("9", RemoteAuthor("7", "troll", "Troll"), "you are clowns", NOW)
    [mention_id] = mentions.upsert_mentions(db, account_id, [troll], NOW)
    asked = []
    with pytest.raises(Refused, match="mute, block or report"):
        moderation.hide_reply(db, asked.append, mention_id, True, NOW)
    assert asked == []  # refused before any request
    row = mentions.mention_row(db, mention_id)
    assert not row.hidden and row.status == "new"
