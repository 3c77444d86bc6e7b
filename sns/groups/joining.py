"""Joining a session with its code, without an account, and finding a participant again by
their token; guessing codes is rate-limited per client address."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sns import throttle
from sns.errors import Invalid
from sns.groups.codes import CODE_LENGTH, hash_token, normalize_code
from sns.groups.maps import STEP_PEOPLE, empty_network
from sns.i18n import N_
from sns.models import GroupParticipant, GroupSession, JoinAttempt

#: At most this many wrong codes per client address per window; then even a right code is
#: refused until the window has passed.
JOIN_LIMIT = 10
JOIN_WINDOW = timedelta(minutes=10)


class WrongCode(Invalid):
    """No open session has this code (a typo, or the session has closed)."""

    message = N_(
        "Deze code klopt niet, of de bijeenkomst is al afgelopen. "
        "Kijk nog eens goed op het scherm of vraag het de begeleider."
    )


class TooManyAttempts(Invalid):
    """Too many wrong codes from this client in a short time."""

    message = N_(
        "Er is te vaak een verkeerde code ingevuld. Wacht tien minuten en probeer het dan "
        "opnieuw. Of vraag de begeleider om hulp."
    )


def join(
    db: Session, raw_code: str | None, client: str, now: datetime | None = None
) -> tuple[GroupParticipant, str]:
    """Join the open session with this code; returns the participant and their token.

    ``client`` is the address the attempt came from. A wrong code is recorded (the caller
    commits also when :class:`WrongCode` is raised); after :data:`JOIN_LIMIT` wrong codes
    within :data:`JOIN_WINDOW` every attempt from that client is refused with
    :class:`TooManyAttempts`, the right code too, until the window has passed.
    """
    if throttle.blocked(db, JoinAttempt, client, limit=JOIN_LIMIT, window=JOIN_WINDOW,
                        now=now):
        raise TooManyAttempts()
    code = normalize_code(raw_code)
    session = None
    if len(code) == CODE_LENGTH:
        session = db.scalar(select(GroupSession).where(
            GroupSession.join_code == code, GroupSession.closed_at.is_(None)))
    if session is None:
        throttle.failed(db, JoinAttempt, client, now)
        raise WrongCode()
    token = secrets.token_urlsafe(32)
    participant = GroupParticipant(session_id=session.id, token_hash=hash_token(token),
                                   step=STEP_PEOPLE, network=empty_network())
    db.add(participant)
    db.flush()
    return participant, token


def participant_by_token(
    db: Session, session_id: int | None, token: str | None, *, for_update: bool = False
) -> GroupParticipant | None:
    """The participant with this token in this session, else None."""
    if not token or session_id is None:
        return None
    query = select(GroupParticipant).where(GroupParticipant.token_hash == hash_token(token),
                                           GroupParticipant.session_id == session_id)
    if for_update:
        query = query.with_for_update()
    return db.scalar(query)
