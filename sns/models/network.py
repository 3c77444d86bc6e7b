"""The stored network: members and the ties between them.

A member row holds who the person is *and* their tie to the resident (circle, support kinds
both ways, reciprocity, frequency, quality): every member has exactly one such tie, so it
needs no table of its own. ``Tie`` rows are the ties between two members ("who knows
whom"). The conversion to and from a NetworkX graph lives in ``sns.network.graphs``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from sns.db import Base
from sns.models.base import Timestamped, Versioned


class NetworkMember(Versioned, Timestamped, Base):
    """Someone in the resident's life. Only a first name or a role is required: members are
    third parties who never consented, so store the minimum."""

    __tablename__ = "network_member"
    __table_args__ = (
        # Lets ties reference (resident, member) so a tie can never cross residents.
        UniqueConstraint("resident_id", "id"),
        CheckConstraint("circle BETWEEN 1 AND 3", name="circle_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    sector: Mapped[str | None] = mapped_column(String(40))
    circle: Mapped[int | None]
    support: Mapped[list[str]] = mapped_column(JSON, default=list)
    reciprocal: Mapped[bool | None]
    frequency: Mapped[str | None] = mapped_column(String(20))
    quality: Mapped[str | None] = mapped_column(String(20))
    willing: Mapped[str | None] = mapped_column(Text)
    talents: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    can_think_along: Mapped[bool] = mapped_column(default=False)
    #: The kinds of support the resident gives this person (graph.schema.SUPPORT_KINDS).
    gives: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Died, no contact any more, from earlier in life, a pet (graph.schema.MEMBER_STATES);
    #: None for a person in the resident's life now.
    state: Mapped[str | None] = mapped_column(String(20))
    in_actieteam: Mapped[bool] = mapped_column(default=False)
    #: Set instead of deleting when the member is part of the history (invited, offered,
    #: carries an action): gone from the map, still named in the plan and the meetings.
    archived_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Tie(Versioned, Base):
    """Two members of the same resident's network know each other; stored once, a < b."""

    __tablename__ = "tie"
    __table_args__ = (
        ForeignKeyConstraint(
            ["resident_id", "a_id"],
            ["network_member.resident_id", "network_member.id"],
            ondelete="CASCADE",
            name="fk_tie_a_member",
        ),
        ForeignKeyConstraint(
            ["resident_id", "b_id"],
            ["network_member.resident_id", "network_member.id"],
            ondelete="CASCADE",
            name="fk_tie_b_member",
        ),
        UniqueConstraint("a_id", "b_id"),
        CheckConstraint("a_id < b_id", name="ordered_pair"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id", ondelete="CASCADE"), index=True
    )
    a_id: Mapped[int]
    b_id: Mapped[int]
    quality: Mapped[str | None] = mapped_column(String(20))
    #: Free text; an import keeps here the kinds of tie a file had between the two
    #: ("knows, works_with"), since two edges of different kinds become one tie.
    note: Mapped[str | None] = mapped_column(Text)
