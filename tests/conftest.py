"""Shared test set-up. Qt renders offscreen unless a platform is chosen (e.g. xcb under Xvfb)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from socialdesk.store import clients
from socialdesk.store.db import open_database
from tests.factories import T0


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "store.sqlite3")
    yield database
    database.close_all()


@pytest.fixture
def account(db):
    """(client id, account id) of one client with one X account, target 60 minutes."""
    client_id = clients.add_client(db, "Acme", "#ff0000", at=T0)
    return client_id, clients.add_account(db, client_id, "x", "acme", "Acme Support", at=T0)
