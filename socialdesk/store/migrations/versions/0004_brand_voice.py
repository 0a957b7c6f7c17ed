"""brand voice: each client's public contact points, beside its banned phrases

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

The tone checks need to tell the client's own support address or hotline (fine in public) from a
customer's private details; ``banned_phrases`` (since 0001) now holds objects with the client's own
message: ``[{"phrase": ..., "message": ..., "suggestion": ...}]``.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("client", sa.Column("brand_contacts", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("client") as batch:
        batch.drop_column("brand_contacts")
