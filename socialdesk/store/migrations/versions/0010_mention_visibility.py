"""mention visibility: who could see the mention (Mastodon's public, unlisted, private, direct)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04

A reply keeps its mention's audience (core.mentions.reply_visibility): a customer who wrote in a
direct message must never be answered in public. The composer shows it, so it is stored.
NULL for networks with one audience, and for mentions stored before this revision.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("mention", sa.Column("visibility", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("mention") as batch:
        batch.drop_column("visibility")
