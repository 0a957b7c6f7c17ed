"""full-text index over mention text

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

An external-content FTS5 table (the text is stored once, in ``mention``) kept in step by triggers,
so every writer — sync, imports, the ORM — keeps search correct without knowing it exists.
``unicode61 remove_diacritics 2`` makes "cafe" find "café".
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE mention_fts USING fts5("
        "text, content='mention', content_rowid='id', "
        "tokenize=\"unicode61 remove_diacritics 2\")"
    )
    op.execute(
        "CREATE TRIGGER mention_fts_insert AFTER INSERT ON mention BEGIN "
        "INSERT INTO mention_fts(rowid, text) VALUES (new.id, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER mention_fts_delete AFTER DELETE ON mention BEGIN "
        "INSERT INTO mention_fts(mention_fts, rowid, text) VALUES ('delete', old.id, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER mention_fts_update AFTER UPDATE OF text ON mention BEGIN "
        "INSERT INTO mention_fts(mention_fts, rowid, text) VALUES ('delete', old.id, old.text); "
        "INSERT INTO mention_fts(rowid, text) VALUES (new.id, new.text); END"
    )
    # Rows stored before this revision become searchable too.
    op.execute("INSERT INTO mention_fts(mention_fts) VALUES ('rebuild')")


def downgrade() -> None:
    for trigger in ("mention_fts_insert", "mention_fts_delete", "mention_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS mention_fts")
