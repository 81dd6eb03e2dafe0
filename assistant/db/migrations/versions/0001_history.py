"""Chainlit's history (users, threads, steps, elements, feedbacks) and the room's thread owners and
language preferences: the tables the room created at start-up before migrations existed.

Adopts a database created by that start-up: a table that exists is kept as it is, and the columns later
Chainlit releases added to `steps` are added when missing. The schema is Chainlit 2.x's (its SQLAlchemy
data layer documentation); SQLite stores UUIDs, JSON and arrays as TEXT.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# PostgreSQL types; `_sqlite` maps them for SQLite.
TABLES: dict[str, list[str]] = {
    "users": ['"id" UUID PRIMARY KEY', '"identifier" TEXT NOT NULL UNIQUE', '"metadata" JSONB NOT NULL',
              '"createdAt" TEXT'],
    "threads": ['"id" UUID PRIMARY KEY', '"createdAt" TEXT', '"name" TEXT', '"userId" UUID',
                '"userIdentifier" TEXT', '"tags" TEXT[]', '"metadata" JSONB',
                'FOREIGN KEY ("userId") REFERENCES users("id") ON DELETE CASCADE'],
    "steps": ['"id" UUID PRIMARY KEY', '"name" TEXT NOT NULL', '"type" TEXT NOT NULL', '"threadId" UUID NOT NULL',
              '"parentId" UUID', '"streaming" BOOLEAN NOT NULL', '"waitForAnswer" BOOLEAN', '"isError" BOOLEAN',
              '"metadata" JSONB', '"tags" TEXT[]', '"input" TEXT', '"output" TEXT', '"createdAt" TEXT',
              '"command" TEXT', '"modes" JSONB', '"start" TEXT', '"end" TEXT', '"generation" JSONB',
              '"showInput" TEXT', '"language" TEXT', '"indent" INT', '"defaultOpen" BOOLEAN',
              '"autoCollapse" BOOLEAN',
              'FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE'],
    "elements": ['"id" UUID PRIMARY KEY', '"threadId" UUID', '"type" TEXT', '"url" TEXT', '"chainlitKey" TEXT',
                 '"name" TEXT NOT NULL', '"display" TEXT', '"objectKey" TEXT', '"size" TEXT', '"page" INT',
                 '"language" TEXT', '"forId" UUID', '"mime" TEXT', '"props" JSONB', '"autoPlay" BOOLEAN',
                 '"playerConfig" JSONB', 'FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE'],
    "feedbacks": ['"id" UUID PRIMARY KEY', '"forId" UUID NOT NULL', '"threadId" UUID NOT NULL',
                  '"value" INT NOT NULL', '"comment" TEXT',
                  'FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE'],
    # Which account opened a thread, from its first turn (Chainlit writes `threads` only after a message).
    "coach_thread_owners": ['"threadId" TEXT PRIMARY KEY', '"userIdentifier" TEXT NOT NULL', '"createdAt" TEXT'],
    "coach_user_prefs": ['"userIdentifier" TEXT PRIMARY KEY', '"language" TEXT'],
}
# Columns of `steps` that Chainlit releases added after the table was first published.
LATER_STEP_COLUMNS = ['"command" TEXT', '"modes" JSONB', '"defaultOpen" BOOLEAN', '"autoCollapse" BOOLEAN']


def _sqlite(definition: str) -> str:
    for pg, lite in ((" UUID", " TEXT"), (" JSONB", " TEXT"), (" TEXT[]", " TEXT"), (" INT", " INTEGER")):
        if definition.endswith(pg) or f"{pg} " in definition:
            return definition.replace(pg, lite, 1)
    return definition


def upgrade() -> None:
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    inspector = sa.inspect(bind)
    existing = set(inspector.get_table_names())
    for table, columns in TABLES.items():
        if table in existing:
            continue
        body = ",\n    ".join(columns if postgres else [_sqlite(c) for c in columns])
        op.execute(f"CREATE TABLE {table} (\n    {body}\n)")
    if "steps" in existing:
        have = {c["name"] for c in inspector.get_columns("steps")}
        for column in LATER_STEP_COLUMNS:
            if column.split('"')[1] not in have:
                op.execute(f"ALTER TABLE steps ADD COLUMN {column if postgres else _sqlite(column)}")


def downgrade() -> None:
    raise NotImplementedError("the first revision holds the founders' history: restore a back-up instead")
