"""The facilitator's sessions: opening one with a free join code, listing and loading one's
own, and its participants."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sns import audit
from sns.errors import Invalid, NotFound
from sns.groups.codes import new_code
from sns.i18n import N_
from sns.models import Coach, GroupParticipant, GroupSession
from sns.residents.access import require_role
from sns.rules import clean_text

TITLE_MAX = 200
DEFAULT_TITLE = "Hoe sterk is mijn netwerk?"


def create_session(
    db: Session, coach: Coach, title: str | None, on_date: date | None, place: str | None
) -> GroupSession:
    """Open a session led by ``coach``, with a join code no other open session has."""
    require_role(coach, "coach", "teamleider")
    title = clean_text(title, limit=TITLE_MAX)
    if title is None:
        raise Invalid(N_("Geef de bijeenkomst een titel."))
    if on_date is None:
        raise Invalid(N_("Vul de datum van de bijeenkomst in."))
    session = GroupSession(
        facilitator_id=coach.id,
        title=title,
        on_date=on_date,
        place=clean_text(place, limit=TITLE_MAX),
        join_code=_free_code(db),
    )
    db.add(session)
    db.flush()
    audit.record(db, coach, "group.create", detail=f"groepsbijeenkomst {session.id}")
    return session


def _free_code(db: Session) -> str:
    # A closed session has no code, so a code only has to differ from the open ones; the
    # unique constraint guards the (astronomically rare) race between two new sessions.
    for _ in range(20):
        code = new_code()
        if db.scalar(select(GroupSession.id).where(GroupSession.join_code == code)) is None:
            return code
    raise RuntimeError("no free join code found")  # pragma: no cover


def sessions_of(db: Session, coach: Coach) -> list[GroupSession]:
    """The coach's own sessions: open ones first, newest first."""
    return list(db.scalars(
        select(GroupSession)
        .where(GroupSession.facilitator_id == coach.id)
        .order_by(GroupSession.closed_at.is_not(None), GroupSession.on_date.desc(),
                  GroupSession.id.desc())
    ))


def load_own_session(db: Session, coach: Coach, session_id: int) -> GroupSession:
    """The session if ``coach`` leads it; NotFound otherwise (also for another coach)."""
    session = db.get(GroupSession, session_id)
    if session is None or session.facilitator_id != coach.id:
        audit.record(db, coach, "group.denied", detail=f"groepsbijeenkomst {session_id}")
        raise NotFound()
    return session


def participants_of(db: Session, session: GroupSession) -> list[GroupParticipant]:
    return list(db.scalars(
        select(GroupParticipant).where(GroupParticipant.session_id == session.id)
        .order_by(GroupParticipant.id)
    ))
