"""initial schema

Revision ID: 0001
Revises:
Created: 2026-11-23 09:01:23.176370
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team")),
        sa.UniqueConstraint("name", name=op.f("uq_team_name")),
    )
    op.create_table(
        "coach",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("session_token", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], name=op.f("fk_coach_team_id_team")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coach")),
        sa.UniqueConstraint("session_token", name=op.f("uq_coach_session_token")),
        sa.UniqueConstraint("username", name=op.f("uq_coach_username")),
    )
    op.create_table(
        "resident",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("hulpvraag", sa.Text(), nullable=True),
        sa.Column("wishes", sa.Text(), nullable=True),
        sa.Column("talents", sa.Text(), nullable=True),
        sa.Column("phase", sa.String(length=20), nullable=False),
        sa.Column("network_version", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], name=op.f("fk_resident_team_id_team")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resident")),
    )
    op.create_table(
        "assignment",
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("coach_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["coach_id"], ["coach.id"], name=op.f("fk_assignment_coach_id_coach")
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
            name=op.f("fk_assignment_resident_id_resident"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("resident_id", "coach_id", name=op.f("pk_assignment")),
    )
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("coach_id", sa.Integer(), nullable=True),
        sa.Column("resident_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("detail", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["coach.id"],
            name=op.f("fk_audit_event_coach_id_coach"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_event_resident_id"), ["resident_id"], unique=False
        )

    op.create_table(
        "life_domain_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("domain", sa.String(length=40), nullable=False),
        sa.Column("current", sa.Text(), nullable=True),
        sa.Column("desired", sa.Text(), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("score BETWEEN 1 AND 10", name=op.f("ck_life_domain_entry_score_range")),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
            name=op.f("fk_life_domain_entry_resident_id_resident"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_life_domain_entry")),
        sa.UniqueConstraint(
            "resident_id", "domain", name=op.f("uq_life_domain_entry_resident_id_domain")
        ),
    )
    with op.batch_alter_table("life_domain_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_life_domain_entry_resident_id"), ["resident_id"], unique=False
        )

    op.create_table(
        "network_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("sector", sa.String(length=40), nullable=True),
        sa.Column("circle", sa.Integer(), nullable=True),
        sa.Column("support", sa.JSON(), nullable=False),
        sa.Column("reciprocal", sa.Boolean(), nullable=True),
        sa.Column("frequency", sa.String(length=20), nullable=True),
        sa.Column("quality", sa.String(length=20), nullable=True),
        sa.Column("willing", sa.Text(), nullable=True),
        sa.Column("talents", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("can_think_along", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("circle BETWEEN 1 AND 3", name=op.f("ck_network_member_circle_range")),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
            name=op.f("fk_network_member_resident_id_resident"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_member")),
        sa.UniqueConstraint("resident_id", "id", name=op.f("uq_network_member_resident_id_id")),
    )
    with op.batch_alter_table("network_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_network_member_resident_id"), ["resident_id"], unique=False
        )

    op.create_table(
        "tie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("a_id", sa.Integer(), nullable=False),
        sa.Column("b_id", sa.Integer(), nullable=False),
        sa.Column("quality", sa.String(length=20), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("a_id < b_id", name=op.f("ck_tie_ordered_pair")),
        sa.ForeignKeyConstraint(
            ["resident_id", "a_id"],
            ["network_member.resident_id", "network_member.id"],
            name="fk_tie_a_member",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resident_id", "b_id"],
            ["network_member.resident_id", "network_member.id"],
            name="fk_tie_b_member",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
            name=op.f("fk_tie_resident_id_resident"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tie")),
        sa.UniqueConstraint("a_id", "b_id", name=op.f("uq_tie_a_id_b_id")),
    )
    with op.batch_alter_table("tie", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tie_resident_id"), ["resident_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tie_resident_id"))

    op.drop_table("tie")
    with op.batch_alter_table("network_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_network_member_resident_id"))

    op.drop_table("network_member")
    with op.batch_alter_table("life_domain_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_life_domain_entry_resident_id"))

    op.drop_table("life_domain_entry")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_resident_id"))
        batch_op.drop_index(batch_op.f("ix_audit_event_at"))

    op.drop_table("audit_event")
    op.drop_table("assignment")
    op.drop_table("resident")
    op.drop_table("coach")
    op.drop_table("team")
