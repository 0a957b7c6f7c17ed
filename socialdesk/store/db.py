"""The SQLite file: opening it safely, one connection per thread, transactions, and errors in plain
words.

WAL lets the UI thread read while the writer thread writes; ``foreign_keys`` is per connection in
SQLite, so every connection turns it on.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from socialdesk.store import schema
from socialdesk.store.errors import (
    CorruptDatabaseError,
    DatabaseBusyError,
    DataFolderError,
    NewerSchemaError,
    StoreError,
    StoreFullError,
)

__all__ = [
    "CorruptDatabaseError",
    "DataFolderError",
    "Database",
    "DatabaseBusyError",
    "NewerSchemaError",
    "StoreError",
    "StoreFullError",
    "inserted_id",
    "open_database",
]

log = logging.getLogger(__name__)

BUSY_TIMEOUT_SECONDS = 10


class Database:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: we issue BEGIN ourselves, so a read never holds a write lock.
        # check_same_thread=False only so close_all() can close other threads' connections.
        conn = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    def query(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        with self.errors():
            return self.connection().execute(sql, params).fetchall()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; nested uses join the outer one."""
        conn = self.connection()
        if conn.in_transaction:
            yield conn
            return
        with self.errors():
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            conn.commit()

    @contextmanager
    def errors(self) -> Iterator[None]:
        """Turn SQLite's failures into StoreErrors that name the file and say what to do."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            raise translate(exc, self.path) from exc

    def close_all(self) -> None:
        with self._lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            conn.close()
        self._local = threading.local()


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row the INSERT just run on ``cursor`` wrote (sqlite3 leaves ``lastrowid``
    None only on a cursor that has run no INSERT)."""
    row_id = cursor.lastrowid
    if row_id is None:
        raise ValueError("This cursor ran no INSERT: there is no new row's id.")
    return row_id


def translate(exc: sqlite3.DatabaseError, path: Path) -> StoreError:
    code = getattr(exc, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_FULL:
        return StoreFullError.at(path)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or (
        code is None and "database is locked" in str(exc)
    ):
        return DatabaseBusyError.at(path)
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return CorruptDatabaseError.at(path, str(exc))
    if code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM):
        return DataFolderError.at(path.parent, str(exc))
    return StoreError(f"The database {path} reported an error: {exc}", path)


def open_database(path: Path) -> Database:
    """Open (creating if needed) and upgrade the database at ``path``.

    Raises a StoreError subclass — never touching the file — when it is unreadable, from a newer
    SocialDesk, or not a SocialDesk database, or when its folder cannot be written. A new file is
    only ever seen whole: one this call could not finish (a full disk, a kill) is never left.
    """
    path = Path(path)
    _check_folder(path.parent)
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise DataFolderError.at(path, "the file cannot be read and written by this user")
    with _plain_errors(path):
        if not path.exists():
            _create(path)
        db = Database(path)
        try:
            _refuse_foreign(path)
            schema.ensure_current(path, db.connection())
        except BaseException:
            db.close_all()
            raise
    return db


def _create(path: Path) -> None:
    """Build the new file under a scratch name and move it into place when whole. A first launch
    killed mid-migration otherwise leaves tables without a revision, which the next launch must
    refuse as someone else's database."""
    scratch = path.with_name(f"{path.name}.new")
    remove_files(scratch)  # a creation killed before
    db = Database(scratch)
    try:
        schema.ensure_current(scratch, db.connection())
        db.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException:
        db.close_all()
        remove_files(scratch)
        raise
    db.close_all()
    os.replace(scratch, path)
    remove_files(scratch)


@contextmanager
def _plain_errors(path: Path) -> Iterator[None]:
    try:
        yield
    except StoreError:
        raise
    except sqlite3.DatabaseError as exc:
        raise translate(exc, path) from exc
    except Exception as exc:
        # SQLAlchemy wraps SQLite's errors while migrating
        cause = exc.__cause__ or getattr(exc, "orig", None)
        if isinstance(cause, sqlite3.DatabaseError):
            raise translate(cause, path) from exc
        raise


def remove_files(path: Path) -> None:
    """The database file and SQLite's files beside it — only for a file SocialDesk made itself
    and can rebuild (a new one it could not finish, the demo's)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _refuse_foreign(path: Path) -> None:
    """Look before touching, read-only: a file that is not ours, or from a newer SocialDesk, must
    not even be switched to WAL (which rewrites its header)."""
    if not path.exists():
        return
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        revision = schema.current_revision(conn)
        if revision is None and schema.has_tables(conn):
            raise CorruptDatabaseError.at(path, "it is not a SocialDesk database")
        if revision is not None and revision not in schema.KNOWN_REVISIONS:
            raise NewerSchemaError.at(path, revision)
    finally:
        conn.close()


def _check_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFolderError.at(folder, exc.strerror or str(exc)) from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DataFolderError.at(folder, "it is read-only for this user")
