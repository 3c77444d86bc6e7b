"""a note on a tie between members (the kinds of tie an imported file had)

Revision ID: 0011
Revises: 0010
Created: 2026-12-01 08:10:00

Only a column is added (no table rebuild), so no parent table is copied and no child row
can cascade away. Downgrading drops the notes (the column cannot exist without them).
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tie", schema=None) as batch_op:
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tie", schema=None) as batch_op:
        batch_op.drop_column("note")
