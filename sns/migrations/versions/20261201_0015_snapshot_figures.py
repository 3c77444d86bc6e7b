"""outcome figures kept beside each snapshot

Revision ID: 0015
Revises: 0011
Created: 2026-12-01 08:30:00

A snapshot never changes, so its outcome figures (graph.outcome) are counted once and kept
beside it; the outcome report then reads a few numbers per resident instead of decoding every
stored network. Snapshots taken before this migration get theirs the first time a report
needs them (sns.network.snapshots.figures_of). Only a column is added: no table is rebuilt.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("network_snapshot", sa.Column("figures", sa.JSON(), nullable=True))


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35 and newer), not a batch rebuild: rebuilding
    # network_snapshot would drop the table and, with foreign keys on, set every review's
    # snapshot_id to NULL.
    op.execute("ALTER TABLE network_snapshot DROP COLUMN figures")
