"""full-text indexes over the manager's own words: drafts and outbox items (issue 8's history)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01

Like ``mention_fts`` (0002): external-content FTS5 tables kept in step by triggers, diacritics
folded, so the history finds what was drafted and sent as it finds what was received.
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLES = {"draft_fts": "draft", "outbox_fts": "outbox_item"}


def upgrade() -> None:
    for fts, table in TABLES.items():
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5(text, content='{table}', content_rowid='id', "
            "tokenize=\"unicode61 remove_diacritics 2\")"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, text) VALUES (new.id, new.text); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, text) VALUES ('delete', old.id, old.text); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_update AFTER UPDATE OF text ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, text) VALUES ('delete', old.id, old.text); "
            f"INSERT INTO {fts}(rowid, text) VALUES (new.id, new.text); END"
        )
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def downgrade() -> None:
    for fts in TABLES:
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{trigger}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")
