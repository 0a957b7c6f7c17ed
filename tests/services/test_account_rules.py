"""What connecting accounts must never do: connect one account twice, renew a sign-in as someone
else, or let a refresh finishing after sign-out put the secrets back."""

import json
from datetime import UTC, datetime

import pytest

from socialdesk.credentials import CredentialStore
from socialdesk.networks.errors import AuthError
from socialdesk.networks.http import Transport
from socialdesk.services import accounts
from socialdesk.store import clients
from tests.networks.bluesky_server import APP_PASSWORD, HANDLE, BlueskyServer
from tests.services.test_sync import DictKeyring

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def server():
    s = BlueskyServer()
    yield s
    s.close()


def _add(db, networks, server, client="Acme"):
    client_id = clients.client_id_by_name(db, client) or clients.add_client(db, client, at=NOW)
    return accounts.add_account(
        db, networks, client_id=client_id, network="bluesky", handle=HANDLE,
        server_url=server.url, secrets={"app_password": APP_PASSWORD}, at=NOW,
    )  # fmt: skip


def test_the_same_account_cannot_be_connected_twice(db, server):
    networks = accounts.LiveNetworks(CredentialStore(DictKeyring()))
    first = _add(db, networks, server)
    with pytest.raises(ValueError, match="already connected"):
        _add(db, networks, server, client="Another client")
    assert [a.id for a in clients.list_accounts(db)] == [first]
    account = accounts.account_ref(clients.get_account(db, first))
    assert networks.secrets_for(account).get("app_password") == APP_PASSWORD


def test_signing_in_again_as_someone_else_is_refused_and_changes_nothing(db, server):
    networks = accounts.LiveNetworks(CredentialStore(DictKeyring()))
    account_id = _add(db, networks, server)
    with db.transaction() as conn:  # as if this account were another person on the network
        conn.execute(
            "UPDATE account SET remote_id = 'did:plc:someoneelse' WHERE id = ?", (account_id,)
        )
    with pytest.raises(AuthError, match="not @"):
        accounts.reauthenticate(db, networks, account_id, {"app_password": APP_PASSWORD})


def test_a_refresh_finishing_after_sign_out_does_not_bring_the_secrets_back(db, server):
    networks = accounts.LiveNetworks(CredentialStore(DictKeyring()))
    account_id = _add(db, networks, server)
    account = accounts.account_ref(clients.get_account(db, account_id))
    secrets = networks.secrets_for(account)
    stale_session = secrets.get("session")
    accounts.sign_out(db, networks, account_id)
    # A sync thread that read the session before the sign-out now stores its refreshed one:
    with pytest.raises(AuthError, match="Signed out"):
        secrets.put("session", json.dumps({"accessJwt": "new", **json.loads(stale_session)}))
    assert secrets.get("session") is None and secrets.get("app_password") is None
    accounts.reauthenticate(db, networks, account_id, {"app_password": APP_PASSWORD})
    assert secrets.get("app_password") == APP_PASSWORD  # signed in again: it may store again


def test_checking_a_bluesky_account_leaves_no_connection_open(db, server):
    """Adding an account and signing it in again ask the network with a provider of their own,
    closed once it has answered (it kept its HTTP client and socket until garbage collection);
    the workspace's provider stays open until the networks are closed."""
    made = []

    def recorded(url):
        made.append(Transport("Bluesky", url))
        return made[-1]

    networks = accounts.LiveNetworks(CredentialStore(DictKeyring()), {"bluesky": recorded})
    account_id = _add(db, networks, server)
    accounts.reauthenticate(db, networks, account_id, {"app_password": APP_PASSWORD})
    assert len(made) == 2 and all(t._client.is_closed for t in made)
    accounts.test_connection(db, networks, account_id)
    assert not made[-1]._client.is_closed
    networks.close()
    assert all(t._client.is_closed for t in made)
