"""one-time submission keys of forms

Revision ID: 0010
Revises: 0009
Created: 2026-12-01 08:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "used_submission",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("result", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_used_submission")),
    )
    with op.batch_alter_table("used_submission", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_used_submission_at"), ["at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("used_submission", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_used_submission_at"))

    op.drop_table("used_submission")
