"""what the resident gives each member, and a member's state (died, no contact, earlier, pet)

Revision ID: 0016
Revises: 0015
Created: 2026-12-08 01:10:00

Two columns are added to network_member, with plain ADD COLUMN (no batch rebuild: rebuilding
network_member would cascade to ties, offers and performers on SQLite). Existing members give
nothing recorded yet (``gives`` is an empty list) and are in the resident's life now
(``state`` NULL). The old yes/no ``reciprocal`` is kept as it was: it still says "over en
weer" for members recorded before the kinds were asked, and the scan reads it when ``gives``
is empty.
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("network_member", sa.Column("gives", sa.JSON(), nullable=False,
                                              server_default=sa.text("'[]'")))
    op.add_column("network_member", sa.Column("state", sa.String(20), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35 and newer), never a batch rebuild of a parent table.
    op.execute("ALTER TABLE network_member DROP COLUMN state")
    op.execute("ALTER TABLE network_member DROP COLUMN gives")
