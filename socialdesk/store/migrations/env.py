"""Alembic environment, run programmatically by ``store.schema.upgrade`` (there is no alembic.ini).

The caller passes an open SQLAlchemy connection in ``config.attributes["connection"]``.
"""

from alembic import context

from socialdesk.store.tables import SQLModel

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    # SQLite cannot ALTER most things in place; batch mode copies the table instead.
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
