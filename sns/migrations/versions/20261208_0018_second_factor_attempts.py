"""second-factor codes counted per account

Revision ID: 0018
Revises: 0017
Created: 2026-12-08 01:10:00

Wrong second-factor codes were counted with the failed logins, per address and account, so
many addresses (or a parallel burst from one) got more than the limit evaluated. They get a
table of their own, counted per account (sns.accounts.two_factor). Only a table is added:
no table is rebuilt.
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "second_factor_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("coach_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["coach_id"], ["coach.id"], ondelete="CASCADE",
                                name=op.f("fk_second_factor_attempt_coach_id_coach")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_second_factor_attempt")),
    )
    for column in ("at", "client", "coach_id"):
        op.create_index(op.f(f"ix_second_factor_attempt_{column}"), "second_factor_attempt",
                        [column])


def downgrade() -> None:
    op.drop_table("second_factor_attempt")  # its indexes go with it
