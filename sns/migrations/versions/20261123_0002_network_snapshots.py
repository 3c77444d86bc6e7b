"""network snapshots

Revision ID: 0002
Revises: 0001
Created: 2026-11-23 09:22:10.449979
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "network_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("coach_id", sa.Integer(), nullable=True),
        sa.Column("graph", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["coach.id"],
            name=op.f("fk_network_snapshot_coach_id_coach"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
            name=op.f("fk_network_snapshot_resident_id_resident"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_snapshot")),
    )
    with op.batch_alter_table("network_snapshot", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_network_snapshot_resident_id"), ["resident_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("network_snapshot", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_network_snapshot_resident_id"))

    op.drop_table("network_snapshot")
