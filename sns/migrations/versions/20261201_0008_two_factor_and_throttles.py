"""two-factor login, last login, failed logins per account, public request counts

Revision ID: 0008
Revises: 0007
Created: 2026-12-01 08:15:00

Only added columns and new tables: the parent table ``coach`` is not rebuilt (a batch
rebuild on SQLite would cascade into its child rows). Dropping the added columns on
downgrade uses ALTER TABLE ... DROP COLUMN, which SQLite (3.35+) does in place.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("coach", sa.Column("totp_secret", sa.String(length=64), nullable=True))
    op.add_column("coach", sa.Column("totp_last_step", sa.Integer(), nullable=True))
    op.add_column("coach", sa.Column("last_login_at", sa.DateTime(timezone=True),
                                     nullable=True))
    op.add_column("coach", sa.Column("previous_login_at", sa.DateTime(timezone=True),
                                     nullable=True))
    op.create_table(
        "recovery_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coach_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(["coach_id"], ["coach.id"], ondelete="CASCADE",
                                name=op.f("fk_recovery_code_coach_id_coach")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recovery_code")),
    )
    op.create_index(op.f("ix_recovery_code_coach_id"), "recovery_code", ["coach_id"])
    op.add_column("login_attempt", sa.Column("account", sa.String(length=64), nullable=True))
    op.create_index(op.f("ix_login_attempt_account"), "login_attempt", ["account"])
    op.create_table(
        "public_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_public_request")),
    )
    op.create_index(op.f("ix_public_request_at"), "public_request", ["at"])
    op.create_index(op.f("ix_public_request_client"), "public_request", ["client"])


def downgrade() -> None:
    op.drop_index(op.f("ix_public_request_client"), table_name="public_request")
    op.drop_index(op.f("ix_public_request_at"), table_name="public_request")
    op.drop_table("public_request")
    op.drop_index(op.f("ix_login_attempt_account"), table_name="login_attempt")
    op.drop_column("login_attempt", "account")
    op.drop_index(op.f("ix_recovery_code_coach_id"), table_name="recovery_code")
    op.drop_table("recovery_code")
    for column in ("previous_login_at", "last_login_at", "totp_last_step", "totp_secret"):
        op.drop_column("coach", column)
