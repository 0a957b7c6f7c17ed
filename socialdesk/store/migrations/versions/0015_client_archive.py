"""client archive and soft delete: a client can be put away and brought back, and a deletion can
be undone for a few seconds

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04

``archived_at``: the client is hidden from the sidebar and the inbox and its accounts are not
synced, while every mention, draft and reply stays stored; clearing it restores the client.
``deleted_at``: the client was deleted and is hidden the same way until the deletion can no longer
be undone; then (or at the next start) it is removed with everything stored for it. Existing
clients are neither.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("client", sa.Column("archived_at", sa.Integer(), nullable=True))
    op.add_column("client", sa.Column("deleted_at", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("client") as batch:
        batch.drop_column("deleted_at")
        batch.drop_column("archived_at")
