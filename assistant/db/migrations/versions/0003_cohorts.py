"""Cohorts of an accelerator: cohorts (with an optional model-token cap and a retention period), each
account's role (founder, mentor, admin) and cohort, single-use invite codes (stored as SHA-256 hashes, never
the code), and mentors' comments on a founder's canvas (shown to the founder in the room).

Used when DATABASE_URL is set; the single-machine default keeps cohorts, roles and invites in a JSON file
beside the users file (assistant/cohorts/file_store.py). Comments always live in this database.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ROLE_CHECK = "role IN ('founder', 'mentor', 'admin')"


def upgrade() -> None:
    op.create_table(
        "coach_cohorts",
        sa.Column("name", sa.Text(), primary_key=True),
        sa.Column("created", sa.Text(), nullable=False),
        sa.Column("token_cap", sa.BigInteger(), nullable=True),
        sa.Column("retention_days", sa.Integer(), nullable=True),
    )
    op.create_table(
        "coach_members",
        sa.Column("username", sa.Text(), primary_key=True),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("cohort", sa.Text(), sa.ForeignKey("coach_cohorts.name", ondelete="SET NULL"), nullable=True),
        sa.Column("created", sa.Text(), nullable=False),
        sa.CheckConstraint(ROLE_CHECK, name="coach_members_role"),
    )
    op.create_index("coach_members_cohort", "coach_members", ["cohort"])
    op.create_table(
        "coach_invites",
        sa.Column("code_hash", sa.Text(), primary_key=True),
        sa.Column("cohort", sa.Text(), sa.ForeignKey("coach_cohorts.name", ondelete="CASCADE"), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("created", sa.Text(), nullable=False),
        sa.Column("used_by", sa.Text(), nullable=True),
        sa.Column("used_at", sa.Text(), nullable=True),
        sa.CheckConstraint(ROLE_CHECK, name="coach_invites_role"),
    )
    op.create_table(
        "coach_comments",
        sa.Column("id", sa.Text(), primary_key=True),
        sa.Column("thread_id", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created", sa.Text(), nullable=False),
        sa.Column("seen_at", sa.Text(), nullable=True),
    )
    op.create_index("coach_comments_thread", "coach_comments", ["thread_id"])


def downgrade() -> None:
    op.drop_index("coach_comments_thread", "coach_comments")
    op.drop_table("coach_comments")
    op.drop_table("coach_invites")
    op.drop_index("coach_members_cohort", "coach_members")
    op.drop_table("coach_members")
    op.drop_table("coach_cohorts")
