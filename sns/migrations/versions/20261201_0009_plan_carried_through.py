"""the plan carried through: follow-up calls, letters, offers taken up, ongoing actions,
calendar feeds

Revision ID: 0009
Revises: 0008
Created: 2026-12-01 08:10:00

Only new columns (plain ADD COLUMN, no table is rebuilt, so no child row can be lost on
SQLite) and one new table.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

COLUMNS = (
    ("meeting", sa.Column("invitee_text", sa.Text(), nullable=True)),
    ("meeting", sa.Column("reply_phone", sa.String(length=40), nullable=True)),
    ("meeting", sa.Column("followup_done_on", sa.Date(), nullable=True)),
    ("meeting", sa.Column("followup_note", sa.Text(), nullable=True)),
    ("invitee", sa.Column("salutation", sa.String(length=120), nullable=True)),
    ("offer", sa.Column("taken_up_on", sa.Date(), nullable=True)),
    ("action", sa.Column("how_often", sa.String(length=200), nullable=True)),
    ("review", sa.Column("ongoing", sa.JSON(), nullable=True)),
)


def upgrade() -> None:
    for table, column in COLUMNS:
        op.add_column(table, column)
    op.create_table(
        "calendar_feed",
        sa.Column("coach_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("names", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["coach_id"], ["coach.id"],
                                name=op.f("fk_calendar_feed_coach_id_coach"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("coach_id", name=op.f("pk_calendar_feed")),
    )
    op.create_index(op.f("ix_calendar_feed_token_hash"), "calendar_feed", ["token_hash"],
                    unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_calendar_feed_token_hash"), table_name="calendar_feed")
    op.drop_table("calendar_feed")
    # SQLite (3.35+) drops a plain column in place: no table is rebuilt.
    for table, column in reversed(COLUMNS):
        op.drop_column(table, column.name)
