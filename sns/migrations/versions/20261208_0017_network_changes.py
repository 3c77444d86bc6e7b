"""network changes kept for undo and redo

Revision ID: 0017
Revises: 0016
Created: 2026-12-08 01:20:00

One new table, no change to an existing one (so no batch rebuild of a parent table). Its
rows go with their resident or coach (ON DELETE CASCADE).
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

INDEXED = ("resident_id", "coach_id", "created_at")


def upgrade() -> None:
    op.create_table(
        "network_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("coach_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("after", sa.JSON(), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["coach_id"], ["coach.id"],
            name=op.f("fk_network_change_coach_id_coach"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"],
            name=op.f("fk_network_change_resident_id_resident"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_change")),
    )
    for column in INDEXED:
        op.create_index(op.f(f"ix_network_change_{column}"), "network_change", [column])


def downgrade() -> None:
    for column in INDEXED:
        op.drop_index(op.f(f"ix_network_change_{column}"), table_name="network_change")
    op.drop_table("network_change")
