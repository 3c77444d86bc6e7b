"""The plan of the actieteam: actions (who does what, when, for which life domain) and reviews."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, ForeignKey, ForeignKeyConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sns.db import Base
from sns.models.base import Timestamped, Versioned

#: open, bezig (in progress), gedaan (done), gestopt (stopped on purpose).
ACTION_STATUSES = ("open", "bezig", "gedaan", "gestopt")


class Action(Versioned, Timestamped, Base):
    """One action of the plan. Carried by one or more members, or by a professional."""

    __tablename__ = "action"

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id", ondelete="CASCADE"), index=True
    )
    what: Mapped[str] = mapped_column(Text)
    domain: Mapped[str | None] = mapped_column(String(40))
    #: A one-off action has a date (``due``); an ongoing one says how often ("elke zondag")
    #: and may have a date to look at it again.
    due: Mapped[date | None]
    how_often: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10), default="open")
    professional: Mapped[str | None] = mapped_column(String(200))

    performers: Mapped[list[Performer]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="Performer.member_id"
    )


class Performer(Base):
    """A member who carries an action."""

    __tablename__ = "performer"
    __table_args__ = (
        ForeignKeyConstraint(
            ["resident_id", "member_id"],
            ["network_member.resident_id", "network_member.id"],
            name="fk_performer_member",
        ),
    )

    action_id: Mapped[int] = mapped_column(
        ForeignKey("action.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id", ondelete="CASCADE"))

    action: Mapped[Action] = relationship(back_populates="performers")


class Review(Timestamped, Base):
    """An evaluation: progress per action, life-domain scores and a snapshot of the network."""

    __tablename__ = "review"

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date]
    notes: Mapped[str | None] = mapped_column(Text)
    snapshot_id: Mapped[int | None] = mapped_column(
        ForeignKey("network_snapshot.id", ondelete="SET NULL")
    )
    #: {action id: status} and {domain: score} as they were recorded at this review.
    progress: Mapped[dict] = mapped_column(JSON, default=dict)
    scores: Mapped[dict] = mapped_column(JSON, default=dict)
    #: {action id: does it still happen?} for the ongoing actions, as asked at this review.
    ongoing: Mapped[dict | None] = mapped_column(JSON)
