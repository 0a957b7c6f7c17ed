from datetime import UTC, datetime, timedelta

import pytest

from socialdesk.core.mentions import FetchedMention, RemoteAuthor
from socialdesk.store import clients
from socialdesk.store.db import open_database

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def mention(n: int, *, author: str = "a1", text: str | None = None, minutes: int = 0, **kw):
    return FetchedMention(
        remote_id=f"m{n}",
        author=RemoteAuthor(author, f"user_{author}", f"User {author.upper()}"),
        text=text if text is not None else f"hello number {n}",
        created_at=T0 + timedelta(minutes=minutes or n),
        **kw,
    )


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
