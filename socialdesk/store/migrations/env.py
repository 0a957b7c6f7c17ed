"""Alembic environment, run programmatically by ``store.schema.upgrade`` (there is no alembic.ini).

The caller passes an open SQLAlchemy connection in ``config.attributes["connection"]`` and, only
when autogenerating a new migration, the tables' metadata in ``config.attributes["metadata"]`` —
so the running app never imports SQLModel (or pydantic) just to upgrade a file.
"""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=context.config.attributes.get("metadata"),
    # SQLite cannot ALTER most things in place; batch mode copies the table instead.
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
