"""crisis mode: each client's crises, and the mentions covered by a crisis statement

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01

``crisis`` keeps when a client's crisis started and ended and what it was about;
``outbox_paused_by_crisis`` remembers that the crisis paused the client's outbox (so ending it can
offer to resume). ``mention.crisis_id`` marks the mentions answered by the public statement instead
of one by one: their clocks stop and reports can count them apart.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "crisis",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "client_id", sa.Integer(), sa.ForeignKey("client.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("started_at", sa.Integer(), nullable=False),
        sa.Column("ended_at", sa.Integer(), nullable=True),
        sa.Column("about", sa.String(), nullable=False, server_default="[]"),
        sa.Column("outbox_paused_by_crisis", sa.Boolean(), nullable=False, server_default="0"),
    )  # fmt: skip
    op.create_index("ix_crisis_client", "crisis", ["client_id", "ended_at"])
    op.add_column("mention", sa.Column("crisis_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("mention") as batch:
        batch.drop_column("crisis_id")
    op.drop_index("ix_crisis_client", "crisis")
    op.drop_table("crisis")
