"""the newest moment written in each run of mention ids and below, so a search can stop early

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04

The history takes a word's matches newest first from FTS5 itself, by rowid: ids rise as mentions
arrive. But a mention can arrive after later ones were written (an account connected today brings
its last week), so arrival order is not quite time order. ``mention_arrival`` keeps, for each run
of 512 ids (``id >> 9``), the latest ``created_at`` of any mention in that run or an earlier one.
Walking down from the newest id, once that is no later than the page's oldest item, nothing further
down can belong on the page: the search reads what it shows and a little more, never every match,
and still lists by the time written.

Kept by a trigger, like the search index, so every writer keeps it right without knowing it. A
mention stored with an id below others (never by SocialDesk itself) raises the runs above it too.
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

RUN_BITS = 9  # store/history.py reads runs of 2**9 ids


def upgrade() -> None:
    op.execute(
        "CREATE TABLE mention_arrival (run INTEGER NOT NULL PRIMARY KEY, latest INTEGER NOT NULL)"
    )
    run = f"new.id >> {RUN_BITS}"
    op.execute(
        "CREATE TRIGGER mention_arrival_insert AFTER INSERT ON mention BEGIN "
        f"INSERT INTO mention_arrival (run, latest) VALUES ({run}, max(new.created_at, coalesce("
        f"(SELECT latest FROM mention_arrival WHERE run < {run} ORDER BY run DESC LIMIT 1), 0)))"
        " ON CONFLICT (run) DO UPDATE SET latest = max(latest, excluded.latest); "
        "UPDATE mention_arrival SET latest = new.created_at"
        f" WHERE run > {run} AND latest < new.created_at; END"
    )
    op.execute(FILL)


# What the trigger would have kept, for the mentions already stored.
FILL = (
    "INSERT INTO mention_arrival (run, latest) SELECT run, max(latest) OVER (ORDER BY run)"
    f" FROM (SELECT id >> {RUN_BITS} AS run, max(created_at) AS latest FROM mention GROUP BY 1)"
)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS mention_arrival_insert")
    op.execute("DROP TABLE IF EXISTS mention_arrival")
