"""triage confidence: whether the automatic category was a sure call

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04

``core.triage.classify`` says when no word list decided the category (``Triage.sure`` false); the
feed then marks the call "check" so the manager looks before trusting it. Mentions stored before
this revision count as sure, as they were shown; a manager's refiling (``category_override``)
makes any call sure.
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "mention", sa.Column("triage_sure", sa.Boolean(), nullable=False, server_default="1")
    )


def downgrade() -> None:
    with op.batch_alter_table("mention") as batch:
        batch.drop_column("triage_sure")
