"""The local SQLite history: schema (tables + Alembic migrations), connections, and queries."""
