"""Joining a session with its code, without an account, finding a participant again by
their token, and ending a token ("Ik ben klaar").

Limits per client address, fair to a room that shares one public address (a community
centre): only *wrong* codes count towards :data:`JOIN_LIMIT`, a number no room of residents
types in ten minutes, so ten typos by others never keep out someone with the right code;
it bounds guessing (887 million codes) to 100 tries per ten minutes per address. Joins with
a right code are limited separately and loosely (:data:`JOIN_FLOOD_LIMIT`): each creates a
row.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sns.accounts import throttle
from sns.errors import Invalid
from sns.groups.codes import CODE_LENGTH, hash_token, normalize_code
from sns.groups.maps import STEP_PEOPLE, empty_network
from sns.i18n import N_
from sns.models import GroupParticipant, GroupSession, JoinAttempt, PublicRequest

#: At most this many wrong codes per client address per window; then every attempt from that
#: address is refused until the window has passed (guessing, not a room's typos).
JOIN_LIMIT = 100
#: At most this many joins with a right code per client address per window.
JOIN_FLOOD_LIMIT = 60
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


class TooManyJoins(Invalid):
    """Very many joins from this client in a short time."""

    message = N_(
        "Er doen vanaf dit adres net heel veel mensen mee. Wacht tien minuten en probeer het "
        "dan opnieuw. Of vraag de begeleider om hulp."
    )


def join(
    db: Session, raw_code: str | None, client: str, now: datetime | None = None
) -> tuple[GroupParticipant, str]:
    """Join the open session with this code; returns the participant and their token.

    ``client`` is the address the attempt came from. A wrong code is recorded (the caller
    commits also when :class:`WrongCode` is raised); a right code gets in whatever typos
    others made, until :data:`JOIN_LIMIT` wrong codes within :data:`JOIN_WINDOW` show that
    someone is guessing: then every attempt from that client is refused with
    :class:`TooManyAttempts`. More than :data:`JOIN_FLOOD_LIMIT` joins in the window:
    :class:`TooManyJoins`.
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
        throttle.record(db, JoinAttempt, client, now)
        raise WrongCode()
    if throttle.blocked(db, PublicRequest, client, limit=JOIN_FLOOD_LIMIT, window=JOIN_WINDOW,
                        now=now, kind="join"):
        raise TooManyJoins()
    throttle.record(db, PublicRequest, client, now, kind="join")
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


def end_token(participant: GroupParticipant) -> None:
    """"Ik ben klaar": the participant's token stops working on the server, so a copy of
    the old cookie opens nothing. Their map stays for the group's totals until closing."""
    participant.token_hash = hash_token(secrets.token_urlsafe(32))  # a token nobody has
