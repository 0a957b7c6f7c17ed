"""hidden replies: when the brand hid a mention on its network (X, Bluesky)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

``mention.hidden_at`` is set when the manager hides a reply in a conversation the brand started
(customer-care.md: do not feed trolls — ignore, hide or block), cleared when it is shown again.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("mention", sa.Column("hidden_at", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("mention") as batch:
        batch.drop_column("hidden_at")
