"""inbox order: low-priority mentions (abuse, spam, chatter) wait below the high and normal ones

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

``urgency`` (core/inbox.py) gained a bucket: waiting low-priority mentions move from bucket 1 to 2
and handled ones from 2 to 3. Bucket n holds keys from n * 10**13, so moving is one addition.
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SPAN = 10**13


def upgrade() -> None:
    op.execute(f"UPDATE mention SET urgency = urgency + {SPAN} WHERE urgency >= {2 * SPAN}")
    op.execute(
        f"UPDATE mention SET urgency = urgency + {SPAN}"
        f" WHERE priority = 'low' AND urgency >= {SPAN} AND urgency < {2 * SPAN}"
    )


def downgrade() -> None:
    op.execute(
        f"UPDATE mention SET urgency = urgency - {SPAN}"
        f" WHERE urgency >= {2 * SPAN} AND urgency < {3 * SPAN}"
    )
    op.execute(f"UPDATE mention SET urgency = urgency - {SPAN} WHERE urgency >= {3 * SPAN}")
