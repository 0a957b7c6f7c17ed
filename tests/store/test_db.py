"""Opening the database file: pragmas, threads, and every way it can be wrong — each refused with a
message naming the file, and the file left untouched."""

import os
import sqlite3
import subprocess
import sys
import threading
from contextlib import contextmanager

import pytest

from socialdesk.store import clients, mentions
from socialdesk.store import db as db_module
from socialdesk.store.db import (
    CorruptDatabaseError,
    DatabaseBusyError,
    DataFolderError,
    NewerSchemaError,
    StoreFullError,
    open_database,
)
from tests.factories import T0, mention


def test_a_new_file_uses_wal_and_foreign_keys(db):
    conn = db.connection()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(Exception, match="FOREIGN KEY"), db.transaction() as c:
        c.execute(
            "INSERT INTO account (client_id, network, handle, display_name, sync_state,"
            " created_at) VALUES (999, 'x', 'h', '', 'idle', 0)"
        )


def test_each_thread_gets_its_own_connection(db):
    seen = []
    worker = threading.Thread(target=lambda: seen.append(db.connection()))
    worker.start()
    worker.join()
    assert seen[0] is not db.connection()


def test_readers_see_a_writer_thread_s_commits(db, account):
    _, account_id = account
    worker = threading.Thread(
        target=lambda: mentions.upsert_mentions(db, account_id, [mention(1)], T0)
    )
    worker.start()
    worker.join()
    assert mentions.count_mentions(db) == 1


def test_reopening_is_fast_and_keeps_data(tmp_path, account, db):
    db.close_all()
    again = open_database(db.path)
    assert clients.count_accounts(again) == 1
    again.close_all()


def _untouched(path, before: bytes) -> None:
    assert path.read_bytes() == before
    assert not (path.parent / "backups").exists()


def test_a_corrupted_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "socialdesk.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    before = path.read_bytes()
    with pytest.raises(CorruptDatabaseError) as err:
        open_database(path)
    assert str(path) in str(err.value) and "left" in str(err.value)
    _untouched(path, before)


def test_a_database_from_a_newer_socialdesk_is_refused(tmp_path, db):
    with db.transaction() as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
    db.close_all()
    before = db.path.read_bytes()
    with pytest.raises(NewerSchemaError) as err:
        open_database(db.path)
    assert "newer version of SocialDesk" in str(err.value) and str(db.path) in str(err.value)
    _untouched(db.path, before)


def test_a_newer_database_is_not_even_switched_to_wal(tmp_path, db):
    """A newer SocialDesk may keep its file in another journal mode: the version is read
    without writing, so not one byte of the file changes."""
    with db.transaction() as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
    db.connection().execute("PRAGMA journal_mode = DELETE")
    db.close_all()
    before = db.path.read_bytes()
    with pytest.raises(NewerSchemaError):
        open_database(db.path)
    _untouched(db.path, before)


def test_someone_elses_database_is_not_taken_over(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('keep me')")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(CorruptDatabaseError, match="not a SocialDesk database"):
        open_database(path)
    _untouched(path, before)


def test_a_read_only_data_folder_is_explained(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    with (
        _read_only(folder),
        pytest.raises(DataFolderError, match="cannot write to its data folder"),
    ):
        open_database(folder / "socialdesk.sqlite3")


@contextmanager
def _read_only(folder):
    """Root writes through a folder's mode bits (CI runs as root), not through its immutable
    flag (chattr, from e2fsprogs)."""
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            yield
        finally:
            folder.chmod(0o700)
        return
    subprocess.run(["chattr", "+i", str(folder)], check=True)
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_data_folder_that_cannot_exist_is_explained(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(DataFolderError) as err:
        open_database(blocker / "data" / "socialdesk.sqlite3")
    assert str(blocker / "data") in str(err.value)


def test_a_full_disk_loses_nothing_already_saved(db, account):
    _, account_id = account
    mentions.upsert_mentions(db, account_id, [mention(1)], T0)
    # SQLite's own "disk full": cap the file at its current size.
    conn = db.connection()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    many = [mention(n, text="y" * 2_000) for n in range(2, 500)]
    with pytest.raises(StoreFullError, match="full"):
        mentions.upsert_mentions(db, account_id, many, T0)
    assert mentions.count_mentions(db) == 1
    assert not conn.in_transaction


def test_a_database_another_program_holds_says_so(db, monkeypatch):
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_SECONDS", 0.2)
    other = sqlite3.connect(db.path)
    other.execute("BEGIN EXCLUSIVE")  # another program writing, and not letting go
    try:
        fresh = db_module.Database(db.path)
        with pytest.raises(DatabaseBusyError, match="Another program") as err:
            clients.add_client(fresh, "Acme", at=T0)
        assert str(db.path) in str(err.value) and "database is locked" not in str(err.value)
        fresh.close_all()
    finally:
        other.rollback()
        other.close()
    assert clients.client_id_by_name(db, "Acme") is None  # nothing half-written


# A child that dies like a kill -9 (no clean-up, no rollback) in the middle of creating a new
# file's tables: the moment a first launch is most often stopped.
_KILLED_WHILE_CREATING = """
import os, sqlite3, sys

connect = sqlite3.connect

def dying_connect(*args, **kwargs):
    conn = connect(*args, **kwargs)
    conn.set_trace_callback(lambda sql: "CREATE TABLE client" in sql and os._exit(9))
    return conn

sqlite3.connect = dying_connect
from socialdesk.store.db import open_database
open_database(sys.argv[1])
"""


def test_a_first_launch_killed_while_creating_its_database_does_not_block_the_next(tmp_path):
    path = tmp_path / "socialdesk.sqlite3"
    child = subprocess.run(
        [sys.executable, "-c", _KILLED_WHILE_CREATING, str(path)], capture_output=True
    )
    assert child.returncode == 9, child.stderr
    db = open_database(path)
    assert clients.add_client(db, "Acme", at=T0)
    assert not list(tmp_path.glob("*.new*")), "the half-made file is cleared away"
    db.close_all()
