"""The netwerkberaad: the resident's own meeting, who was invited, who came, who offered what."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import ForeignKey, ForeignKeyConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sns.db import Base
from sns.models.base import Timestamped, Versioned


class Meeting(Versioned, Timestamped, Base):
    """One netwerkberaad. ``held`` is set when the meeting has been recorded."""

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id", ondelete="CASCADE"), index=True
    )
    on_date: Mapped[date | None]
    at_time: Mapped[time | None]
    place: Mapped[str | None] = mapped_column(String(200))
    agenda: Mapped[str | None] = mapped_column(Text)
    invitation: Mapped[str | None] = mapped_column(Text)
    held: Mapped[bool] = mapped_column(default=False)
    agreements: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    #: The question for the invitees, in the resident's own words ({vraag} in the letter);
    #: empty by default, so the coach's hulpvraag never reaches a neighbour unasked.
    invitee_text: Mapped[str | None] = mapped_column(Text)
    #: The number in the letter's reply line, only if the resident wants it there.
    reply_phone: Mapped[str | None] = mapped_column(String(40))
    #: The follow-up call four weeks after the meeting (due date: see sns.beraad.followup).
    followup_done_on: Mapped[date | None]
    followup_note: Mapped[str | None] = mapped_column(Text)

    invitees: Mapped[list[Invitee]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Invitee.member_id"
    )
    offers: Mapped[list[Offer]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Offer.id"
    )


class Invitee(Base):
    """A member invited to a meeting; ``attended`` is None until the meeting is recorded.
    The composite key keeps invitees within the meeting's resident's network."""

    __tablename__ = "invitee"
    __table_args__ = (
        ForeignKeyConstraint(
            ["resident_id", "member_id"],
            ["network_member.resident_id", "network_member.id"],
            name="fk_invitee_member",
        ),
    )

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id", ondelete="CASCADE"))
    attended: Mapped[bool | None]
    #: How the letter greets them ("Beste ..."); empty means their first name.
    salutation: Mapped[str | None] = mapped_column(String(120))

    meeting: Mapped[Meeting] = relationship(back_populates="invitees")


class Offer(Base):
    """Wie wil wat doen: what someone offered at the meeting, for which life domain."""

    __tablename__ = "offer"
    __table_args__ = (
        ForeignKeyConstraint(
            ["resident_id", "member_id"],
            ["network_member.resident_id", "network_member.id"],
            name="fk_offer_member",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"),
                                            index=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id", ondelete="CASCADE"))
    member_id: Mapped[int]
    what: Mapped[str] = mapped_column(Text)
    domain: Mapped[str | None] = mapped_column(String(40))
    #: Set when the offer became an action of the plan ("Zet in het plan"), once.
    taken_up_on: Mapped[date | None]

    meeting: Mapped[Meeting] = relationship(back_populates="offers")
