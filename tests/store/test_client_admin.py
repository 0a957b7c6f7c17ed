"""Managing clients in the store: names, edits, archive and restore, soft delete and purge."""

import pytest

from socialdesk.store import client_lifecycle, clients, drafts, mentions
from socialdesk.store.clients import ClientNameError
from tests.factories import T0, mention


def test_names_are_trimmed_and_unique_in_any_case(db):
    first = clients.add_client(db, "  Acme   Coffee ", at=T0)
    assert [c.name for c in clients.list_clients(db, T0)] == ["Acme Coffee"]
    with pytest.raises(ClientNameError, match="already a client called"):
        clients.add_client(db, "acme coffee", at=T0)
    with pytest.raises(ClientNameError, match="Give the client a name"):
        clients.add_client(db, "   ", at=T0)
    client_lifecycle.archive_client(db, first, at=T0)
    with pytest.raises(ClientNameError, match="among the archived clients"):
        clients.add_client(db, "ACME COFFEE", at=T0)


def test_rename_and_edit_keep_everything_else(db, account):
    client_id, _ = account
    clients.update_client(
        db, client_id, name="Acme Roasters", colour="#00aa00", response_target_minutes=30,
        service_hours={"mon": [["09:00", "17:00"]]}, timezone="Europe/Berlin",
    )  # fmt: skip
    (client,) = clients.list_clients(db, T0)
    assert (client.name, client.colour, client.response_target_minutes, client.timezone) == (
        "Acme Roasters", "#00aa00", 30, "Europe/Berlin",
    )  # fmt: skip
    assert client.service_hours == {"mon": [["09:00", "17:00"]]}
    assert [a.handle for a in client.accounts] == ["acme"]
    other = clients.add_client(db, "Globex", at=T0)
    with pytest.raises(ClientNameError):
        clients.update_client(
            db, other, name="acme roasters", colour="#000000", response_target_minutes=60,
            service_hours=None, timezone="UTC",
        )  # fmt: skip
    # Its own name in another case is fine.
    clients.update_client(
        db, client_id, name="ACME Roasters", colour="#00aa00", response_target_minutes=30,
        service_hours=None, timezone="UTC",
    )  # fmt: skip


def test_archived_clients_are_kept_but_not_listed_nor_synced(db, account):
    client_id, account_id = account
    mentions.upsert_mentions(db, account_id, [mention(1), mention(2)], T0)
    client_lifecycle.archive_client(db, client_id, at=T0)
    assert clients.list_clients(db, T0) == []
    (archived,) = clients.list_clients(db, T0, archived=True)
    assert archived.archived_at == T0 and archived.accounts[0].id == account_id
    assert clients.list_accounts(db) == []  # sync leaves it alone
    assert clients.hidden_account_ids(db) == [account_id]
    assert mentions.count_mentions(db) == 2  # kept
    hidden = mentions.MentionFilter(hidden_accounts=(account_id,))
    assert mentions.count_mentions(db, hidden) == 0
    assert mentions.mention_rows(db, hidden) == []
    client_lifecycle.restore_client(db, client_id)
    assert [c.id for c in clients.list_clients(db, T0)] == [client_id]
    assert clients.hidden_account_ids(db) == []


def test_a_deleted_client_is_hidden_until_purged_and_can_come_back(db, account):
    client_id, account_id = account
    mentions.upsert_mentions(db, account_id, [mention(1), mention(2), mention(3)], T0)
    drafts.save_draft(
        db, account_id=account_id, mention_id=1, text="Sorry about that", cursor=5, now=T0
    )
    footprint = client_lifecycle.client_footprint(db, client_id)
    assert (footprint.accounts, footprint.mentions, footprint.drafts) == (1, 3, 1)
    client_lifecycle.mark_deleted(db, client_id, at=T0)
    assert clients.list_clients(db, T0) == [] == clients.list_clients(db, T0, archived=True)
    assert clients.client_id_by_name(db, "Acme") is None
    assert clients.hidden_account_ids(db) == [account_id]
    client_lifecycle.undelete(db, client_id)
    assert [c.name for c in clients.list_clients(db, T0)] == ["Acme"]

    client_lifecycle.mark_deleted(db, client_id, at=T0)
    assert client_lifecycle.deleted_account_ids(db) == [account_id]
    assert client_lifecycle.purge_deleted(db) == [client_id]
    assert mentions.count_mentions(db) == 0
    assert db.query("SELECT count(*) FROM draft") == [(0,)]
    assert db.query("SELECT count(*) FROM account") == [(0,)]
    assert client_lifecycle.purge_deleted(db) == []


def test_a_new_target_moves_the_clocks_of_waiting_mentions(db, account):
    client_id, account_id = account
    mentions.upsert_mentions(db, account_id, [mention(1)], T0)
    (before,) = db.query("SELECT due_at FROM mention")
    waiting = clients.reset_due_times(db, client_id)
    clients.update_client(
        db, client_id, name="Acme", colour="#ff0000", response_target_minutes=15,
        service_hours=None, timezone="UTC",
    )  # fmt: skip
    mentions.fill_due_times(db)
    (after,) = db.query("SELECT due_at FROM mention")
    assert len(waiting) == 1 and after[0] == before[0] - 45 * 60_000
