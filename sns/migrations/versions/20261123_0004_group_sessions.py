"""group sessions

Revision ID: 0004
Revises: 0003
Created: 2026-11-23 09:46:52.576130
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "group_join_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_join_attempt")),
    )
    with op.batch_alter_table("group_join_attempt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_group_join_attempt_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_group_join_attempt_client"), ["client"], unique=False)

    op.create_table(
        "group_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("facilitator_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("join_code", sa.String(length=6), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("summary", sa.JSON(), nullable=True),
        sa.Column("referred", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["facilitator_id"], ["coach.id"], name=op.f("fk_group_session_facilitator_id_coach")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_session")),
        sa.UniqueConstraint("join_code", name=op.f("uq_group_session_join_code")),
    )
    with op.batch_alter_table("group_session", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_group_session_facilitator_id"), ["facilitator_id"], unique=False
        )

    op.create_table(
        "group_participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("network", sa.JSON(), nullable=False),
        sa.Column("wants_coach", sa.Boolean(), nullable=False),
        sa.Column("consent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("contact_name", sa.String(length=200), nullable=True),
        sa.Column("contact_phone", sa.String(length=40), nullable=True),
        sa.Column("contact_email", sa.String(length=200), nullable=True),
        sa.Column("question", sa.String(length=1000), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("step BETWEEN 1 AND 5", name=op.f("ck_group_participant_step_range")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["group_session.id"],
            name=op.f("fk_group_participant_session_id_group_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_participant")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_group_participant_token_hash")),
    )
    with op.batch_alter_table("group_participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_group_participant_session_id"), ["session_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("group_participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_participant_session_id"))

    op.drop_table("group_participant")
    with op.batch_alter_table("group_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_session_facilitator_id"))

    op.drop_table("group_session")
    with op.batch_alter_table("group_join_attempt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_join_attempt_client"))
        batch_op.drop_index(batch_op.f("ix_group_join_attempt_at"))

    op.drop_table("group_join_attempt")
