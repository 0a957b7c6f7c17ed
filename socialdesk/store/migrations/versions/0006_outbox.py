"""outbox: scheduled sends, per-conversation order, the due-items index, and built-in replies

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

``send_at`` holds a scheduled post until its time; ``conversation_id`` lets the sender keep the
order of replies within one conversation; ``unconfirmed`` marks an item whose request may have
reached the network (a dropped connection, a crash mid-send), so the sender looks before posting
again where the network has no idempotency key (X). ``client.outbox_paused`` holds a client's
replies (crisis mode), including those approved while it is on. ``account.sync_after`` holds an
account's sync until its rate limit resets. The two built-in saved replies are written once here, so
the manager can edit or delete them like their own.
"""

import sqlalchemy as sa
from alembic import op

from socialdesk.core.replies import BUILT_IN

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox_item") as batch:
        batch.add_column(sa.Column("send_at", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("conversation_id", sa.String(), nullable=True))
        batch.add_column(
            sa.Column("unconfirmed", sa.Boolean(), nullable=False, server_default="0")
        )
    op.add_column(
        "client", sa.Column("outbox_paused", sa.Boolean(), nullable=False, server_default="0")
    )
    op.add_column("account", sa.Column("sync_after", sa.Integer(), nullable=True))
    op.create_index("ix_outbox_due", "outbox_item", ["state", "next_attempt_at"])
    op.create_index("ix_draft_mention_state", "draft", ["mention_id", "state"])
    saved = sa.table(
        "saved_reply",
        sa.column("client_id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("body", sa.String),
        sa.column("built_in", sa.Boolean),
        sa.column("created_at", sa.Integer),
        sa.column("updated_at", sa.Integer),
    )
    op.bulk_insert(
        saved,
        [
            {
                "client_id": None,
                "name": reply.name,
                "body": reply.body,
                "built_in": True,
                "created_at": 0,
                "updated_at": 0,
            }
            for reply in BUILT_IN
        ],
    )


def downgrade() -> None:
    op.execute("DELETE FROM saved_reply WHERE built_in")
    op.drop_index("ix_draft_mention_state", "draft")
    op.drop_index("ix_outbox_due", "outbox_item")
    with op.batch_alter_table("client") as batch:
        batch.drop_column("outbox_paused")
    with op.batch_alter_table("account") as batch:
        batch.drop_column("sync_after")
    with op.batch_alter_table("outbox_item") as batch:
        batch.drop_column("unconfirmed")
        batch.drop_column("conversation_id")
        batch.drop_column("send_at")
