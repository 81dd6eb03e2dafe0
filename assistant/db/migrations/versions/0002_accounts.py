"""Accounts of the coaching room in the database (used when DATABASE_URL is set; the single-machine
default keeps its users file): a username and its scrypt hash, never a password.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "coach_accounts",
        sa.Column("username", sa.Text(), primary_key=True),
        sa.Column("password", sa.Text(), nullable=False),
        sa.Column("created", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("coach_accounts")
