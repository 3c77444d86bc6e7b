"""privacy: consent, the access log's client address and hash chain

Revision ID: 0007
Revises: 0006
Created: 2026-12-01 08:10:00

Existing audit events are chained in the order they were written (by id), so that
``sns audit verify`` holds from the first event on.
"""

from types import SimpleNamespace

import sqlalchemy as sa
from alembic import op

from sns.audit import GENESIS, event_hash

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("given_by", sa.Integer(), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["given_by"], ["coach.id"], name=op.f("fk_consent_given_by_coach"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["resident_id"], ["resident.id"],
                                name=op.f("fk_consent_resident_id_resident"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["withdrawn_by"], ["coach.id"],
                                name=op.f("fk_consent_withdrawn_by_coach"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_resident_id"), ["resident_id"], unique=False)

    op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain_head")),
    )
    # Plain ADD COLUMN and CREATE INDEX: no table rebuild on SQLite.
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("from_address", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_audit_event_seq"), ["seq"], unique=True)
    _chain_existing_events()


def _chain_existing_events() -> None:
    conn = op.get_bind()
    events = sa.table("audit_event", sa.column("id"), sa.column("at", sa.DateTime(timezone=True)),
                      sa.column("coach_id"),
                      sa.column("resident_id"), sa.column("action"), sa.column("detail"),
                      sa.column("from_address"), sa.column("seq"), sa.column("prev_hash"),
                      sa.column("hash"))
    prev, seq = GENESIS, 0
    for row in conn.execute(sa.select(events).order_by(events.c.id)).mappings().all():
        seq += 1
        event = SimpleNamespace(**{**row, "seq": seq})
        digest = event_hash(event, prev)
        conn.execute(events.update().where(events.c.id == row["id"])
                     .values(seq=seq, prev_hash=prev, hash=digest))
        prev = digest
    conn.execute(sa.text("INSERT INTO audit_chain_head (id, seq, last_hash) "
                         "VALUES (1, :seq, :last)"), {"seq": seq, "last": prev})


def downgrade() -> None:
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_seq"))
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("seq")
        batch_op.drop_column("from_address")
    op.drop_table("audit_chain_head")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_resident_id"))
    op.drop_table("consent")
