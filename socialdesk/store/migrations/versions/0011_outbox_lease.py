"""outbox lease: a sender holds an item it is posting until a time, and no other sender takes it

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04

``outbox_item.lease_until`` (ms): set by the claim, in the same UPDATE that checks it is free (or
its lease ran out), so two senders — two windows on one folder, or a sender and one left running —
can never both post an item. Cleared when the item leaves ``sending``; a crashed sender's leases
are released by the next start, which holds the data folder's lock.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("outbox_item", sa.Column("lease_until", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox_item") as batch:
        batch.drop_column("lease_until")
