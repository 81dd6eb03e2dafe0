"""Alembic's environment for the room's database: runs on the connection `assistant.db.migrate` hands over
(already holding the migration lock), never on a URL of its own."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
