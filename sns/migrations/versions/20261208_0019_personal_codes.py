"""personal codes, wrong codes, and what the resident wants to discuss

Revision ID: 0019
Revises: 0018
Created: 2026-12-08 02:30:00

The resident opens "Mijn kaart en plan" with a personal code (only its hash is stored);
wrong codes are counted per client address; "Dit wil ik bespreken" is kept for the next
meeting. Only tables are added: no table is rebuilt.
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "personal_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["created_by"], ["coach.id"], ondelete="SET NULL",
                                name=op.f("fk_personal_code_created_by_coach")),
        sa.ForeignKeyConstraint(["resident_id"], ["resident.id"], ondelete="CASCADE",
                                name=op.f("fk_personal_code_resident_id_resident")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_personal_code")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_personal_code_code_hash")),
        sa.UniqueConstraint("resident_id", "purpose",
                            name=op.f("uq_personal_code_resident_id_purpose")),
    )
    op.create_index(op.f("ix_personal_code_resident_id"), "personal_code", ["resident_id"])
    op.create_table(
        "code_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_code_attempt")),
    )
    for column in ("at", "client"):
        op.create_index(op.f(f"ix_code_attempt_{column}"), "code_attempt", [column])
    op.create_table(
        "resident_topic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["resident_id"], ["resident.id"], ondelete="CASCADE",
                                name=op.f("fk_resident_topic_resident_id_resident")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resident_topic")),
    )
    op.create_index(op.f("ix_resident_topic_resident_id"), "resident_topic", ["resident_id"])


def downgrade() -> None:
    for table in ("resident_topic", "code_attempt", "personal_code"):
        op.drop_table(table)  # their indexes go with them
