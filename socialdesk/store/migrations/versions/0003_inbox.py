"""inbox: due times, snoozing, per-client notification mute, saved views

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22

``due_at`` is when a mention becomes overdue under its client's target and service hours, and
``urgency`` its place in the "most urgent first" order (core/inbox.py); storing them makes that
order and "overdue only" indexed SQL. Rows stored before this revision get both from
``mentions.fill_due_times`` at start-up (it needs the service-hours logic, which a migration should
not import).
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): copying ``mention`` would drop its search triggers.
    op.add_column("mention", sa.Column("due_at", sa.Integer(), nullable=True))
    op.add_column("mention", sa.Column("snoozed_until", sa.Integer(), nullable=True))
    op.add_column("mention", sa.Column("urgency", sa.Integer(), nullable=True))
    op.create_index("ix_mention_due", "mention", ["status", "due_at"])
    op.create_index("ix_mention_urgency", "mention", ["urgency", "id"])
    # The sidebar's unread and overdue counts, answered from the index alone.
    op.drop_index("ix_mention_open", "mention")
    op.create_index(
        "ix_mention_waiting", "mention", ["account_id", "status", "due_at", "first_response_at"]
    )
    op.execute("CREATE INDEX ix_mention_due_missing ON mention (id) WHERE due_at IS NULL")
    op.add_column(
        "client",
        sa.Column("notifications_muted", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "saved_view",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("filter", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("saved_view")
    op.drop_index("ix_mention_due_missing", "mention")
    op.drop_index("ix_mention_waiting", "mention")
    op.create_index("ix_mention_open", "mention", ["account_id", "status", "created_at"])
    op.drop_index("ix_mention_urgency", "mention")
    op.drop_index("ix_mention_due", "mention")
    with op.batch_alter_table("client") as batch:
        batch.drop_column("notifications_muted")
    op.drop_column("mention", "urgency")
    op.drop_column("mention", "snoozed_until")
    op.drop_column("mention", "due_at")
