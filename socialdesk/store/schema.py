"""Creating and upgrading the schema — only ever through the Alembic migrations in ``migrations/``.

Opening an up-to-date database must be quick, so the revision check is plain ``sqlite3``; Alembic
(and SQLAlchemy, ~1 s to import) loads only when a migration actually has to run. A new file is made
from ``head.sql``, the tables the migrations end with, written out by ``uv run python -m
socialdesk.store.schema`` (tests/store/test_migrations.py checks it matches them).
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from socialdesk.store.errors import NewerSchemaError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
HEAD_SCRIPT = Path(__file__).with_name("head.sql")
# The newest migration; tests/store/test_migrations.py checks it matches the migrations folder.
HEAD_REVISION = "0015"
KNOWN_REVISIONS = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
    "0015",
)


def current_revision(conn: sqlite3.Connection) -> str | None:
    """The file's schema revision; None for an empty file."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def has_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").fetchone()
    return row is not None


def ensure_current(path: Path, conn: sqlite3.Connection) -> None:
    """Bring the file at ``path`` to HEAD_REVISION, backing it up first if it holds data."""
    revision = current_revision(conn)
    if revision == HEAD_REVISION:
        return
    if revision is None and not has_tables(conn):
        conn.executescript(HEAD_SCRIPT.read_text(encoding="utf-8"))
        return
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise NewerSchemaError.at(path, revision)
    if revision is not None:
        backup(path, conn, revision)
    upgrade(path, HEAD_REVISION)


def backup(path: Path, conn: sqlite3.Connection, revision: str) -> Path:
    """A consistent copy (SQLite's online backup, WAL included) in ``backups/`` beside the file."""
    folder = path.parent / "backups"
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{stamp}-schema-{revision}{path.suffix}"
    with sqlite3.connect(target) as copy:
        conn.backup(copy)
    copy.close()
    log.info("Backed up %s to %s before upgrading its schema", path, target)
    return target


def upgrade(path: Path, revision: str) -> None:
    """Run the migrations up to ``revision`` (tests use older revisions to build old files)."""
    import sqlalchemy as sa
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = sa.create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()
    log.info("Upgraded the schema of %s to %s", path, revision)


def head_script(conn: sqlite3.Connection) -> str:
    """The script that makes a migrated file in one go: each table, index and trigger in the order
    SQLite stored it (tables before what refers to them), leaving out what SQLite makes itself
    (full-text search's shadow tables, automatic indexes); then the rows migrations wrote (the
    built-in saved replies), after the triggers, so they fire as they did."""
    made_by_sqlite = "(SELECT name FROM pragma_table_list WHERE type IN ('shadow', 'virtual'))"
    statements = conn.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT IN "
        "(SELECT name FROM pragma_table_list WHERE type = 'shadow') ORDER BY rowid"
    ).fetchall()
    tables = {
        f'"{name}"'
        for (name,) in conn.execute(
            f"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN {made_by_sqlite}"
        )
    }
    rows = [line for line in conn.iterdump() if line.startswith("INSERT INTO ")]
    rows = [line for line in rows if line.split()[2].split("(")[0] in tables]
    body = "".join(f"{sql};\n\n" for (sql,) in statements) + "".join(f"{r}\n" for r in rows)
    return (
        "-- The schema at the newest migration, for new files. Made by `uv run python -m\n"
        "-- socialdesk.store.schema` from the migrations, which stay the source: do not edit.\n"
        f"BEGIN;\n\n{body}\nCOMMIT;\n"
    )


def write_head_script() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "head.sqlite3"
        upgrade(path, HEAD_REVISION)
        conn = sqlite3.connect(path)
        HEAD_SCRIPT.write_text(head_script(conn), encoding="utf-8")
        conn.close()


def new_revision(rev_id: str, message: str) -> None:
    """Write a migration for the difference between the tables and the newest migration — a
    developer's tool: ``uv run python -c "from socialdesk.store.schema import new_revision;
    new_revision('0004', 'what changed')"``, then review the file, add it to KNOWN_REVISIONS and
    rewrite head.sql (``uv run python -m socialdesk.store.schema``)."""
    import tempfile

    import sqlalchemy as sa
    from alembic import command
    from alembic.config import Config

    from socialdesk.store.tables import metadata

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "head.sqlite3"
        upgrade(path, HEAD_REVISION)
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        engine = sa.create_engine(f"sqlite:///{path}")
        with engine.begin() as connection:
            config.attributes.update(connection=connection, metadata=metadata)
            command.revision(config, message=message, autogenerate=True, rev_id=rev_id)
        engine.dispose()


if __name__ == "__main__":
    write_head_script()
