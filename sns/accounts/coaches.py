"""Accounts and teams: creating coaches, logging in, ending sessions, roles."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sns import audit
from sns.accounts import throttle
from sns.accounts.passwords import hash_password, needs_rehash, verify_password
from sns.errors import DuplicateUsername, Invalid, NotFound
from sns.i18n import N_
from sns.models import CASELOAD_ROLES, ROLES, Coach, LoginAttempt, Team
from sns.models.base import utcnow

MIN_PASSWORD_LENGTH = 10
#: At most this many wrong passwords for one account from one client address per window;
#: then logging in to that account from that address waits, also with the right password.
#: The same account from elsewhere, and the other accounts behind the same address (an
#: office's NAT), are not affected. (Wrong second-factor codes are counted per account:
#: sns.accounts.two_factor.CODE_LIMIT.)
LOGIN_LIMIT = 10
#: The looser limit per client address, whatever the usernames: it bounds guessing many
#: accounts from one address.
LOGIN_ADDRESS_LIMIT = 100
LOGIN_WINDOW = timedelta(minutes=15)


class TooManyLogins(Invalid):
    """Too many failed logins from this client in a short time."""

    message = N_(
        "Er is te vaak een verkeerde gebruikersnaam of een verkeerd wachtwoord ingevuld. "
        "Wacht een kwartier en probeer het dan opnieuw."
    )


class WrongPassword(Invalid):
    """The current password, needed to change it, was not right."""

    message = N_("Uw huidige wachtwoord klopt niet. Er is niets gewijzigd.")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise Invalid(N_("Een wachtwoord heeft minstens 10 tekens."))


def get_or_create_team(db: Session, name: str) -> Team:
    team = db.scalar(select(Team).where(Team.name == name))
    if team is None:
        team = Team(name=name)
        db.add(team)
        db.flush()
    return team


def create_coach(
    db: Session,
    username: str,
    password: str,
    *,
    role: str = "coach",
    team: Team | None = None,
    display_name: str | None = None,
    actor: Coach | None = None,
) -> Coach:
    """Create an account. Usernames are compared without regard to case."""
    username = username.strip()
    if not username:
        raise Invalid(N_("Vul een gebruikersnaam in."))
    if role not in ROLES:
        raise Invalid(N_("Onbekende rol."))
    _check_password(password)
    taken = db.scalar(select(Coach.id).where(func.lower(Coach.username) == username.lower()))
    if taken is not None:
        raise DuplicateUsername()
    coach = Coach(
        username=username,
        display_name=(display_name or "").strip() or username,
        password_hash=hash_password(password),
        role=role,
        team=team,
    )
    db.add(coach)
    db.flush()
    audit.record(db, actor, "account.create", detail=f"{username} ({role})")
    return coach


def authenticate(db: Session, username: str, password: str) -> Coach | None:
    """The active account with this username and password, else None (never says which part
    was wrong)."""
    coach = db.scalar(
        select(Coach).where(func.lower(Coach.username) == username.strip().lower())
    )
    # Argon2 is slow on purpose: end the transaction before it, so that on SQLite no write
    # lock is held while the password is checked (nothing is pending here but the caller's
    # throttle bookkeeping, which may be saved either way).
    db.commit()
    ok = verify_password(coach.password_hash if coach else None, password)
    if not ok or coach is None or not coach.active:
        return None
    if needs_rehash(coach.password_hash):
        coach.password_hash = hash_password(password)
    return coach


def account_key(username: str) -> str:
    """How failed logins name the account: a SHA-256 of the typed username (lower case), so
    the table of attempts does not list usernames."""
    return hashlib.sha256(username.strip().lower().encode()).hexdigest()


def _claim_login(db: Session, username: str, client: str | None,
                 now: datetime | None) -> LoginAttempt:
    """Count a login attempt before the password is checked (:func:`throttle.claim`, which
    commits): :class:`TooManyLogins` when ``client`` is past :data:`LOGIN_LIMIT` for this
    account, or :data:`LOGIN_ADDRESS_LIMIT` for any, within :data:`LOGIN_WINDOW`."""
    attempt = throttle.claim(
        db, LoginAttempt, client, account=account_key(username), window=LOGIN_WINDOW, now=now,
        limits=[(LOGIN_LIMIT, ("client", "account")), (LOGIN_ADDRESS_LIMIT, ("client",))])
    if attempt is None:
        raise TooManyLogins()
    return attempt


def log_in(db: Session, username: str, password: str, client: str | None,
           now: datetime | None = None) -> Coach | None:
    """:func:`authenticate`, guarded against guessing: the attempt is counted for ``client``
    and the account before the password is checked, and taken back when it was right (the
    caller commits). Past the limits the password is not even checked:
    :class:`TooManyLogins`."""
    attempt = _claim_login(db, username, client, now)
    coach = authenticate(db, username, password)
    if coach is not None:
        throttle.withdraw(db, attempt)
    return coach


def logged_in(coach: Coach, now: datetime | None = None) -> None:
    """Remember this login; the one before it is shown on the account page."""
    coach.previous_login_at = coach.last_login_at
    coach.last_login_at = now or utcnow()


def change_own_password(db: Session, coach: Coach, current: str, new: str,
                        client: str | None) -> None:
    """A coach changes their own password; the current one is needed (a wrong one counts as
    a failed login). Every session of the account ends; the caller logs this one in again
    with the new session token."""
    _check_password(new)
    attempt = _claim_login(db, coach.username, client, None)
    if not verify_password(coach.password_hash, current):
        raise WrongPassword()
    throttle.withdraw(db, attempt)
    set_password(db, coach, new, actor=coach)


def set_password(db: Session, coach: Coach, password: str, *, actor: Coach | None) -> None:
    """Change the password and end every open session of the account."""
    _check_password(password)
    coach.password_hash = hash_password(password)
    coach.rotate_session_token()
    audit.record(db, actor, "account.password", detail=coach.username)


def update_account(
    db: Session,
    coach: Coach,
    *,
    role: str,
    team: Team | None,
    active: bool,
    actor: Coach,
) -> None:
    """Change role, team or active state; deactivating ends the account's sessions."""
    if role not in ROLES:
        raise Invalid(N_("Onbekende rol."))
    if coach.id == actor.id and (role != "admin" or not active):
        raise Invalid(N_("U kunt uw eigen beheerrechten niet intrekken."))
    coach.role, coach.team, coach.active = role, team, active
    if not active:
        coach.rotate_session_token()
    audit.record(db, actor, "account.update", detail=f"{coach.username} ({role})")


def by_session_token(db: Session, token: str) -> Coach | None:
    """The active account a login session belongs to, or None when it was ended."""
    return db.scalar(select(Coach).where(Coach.session_token == token, Coach.active))


def get_coach(db: Session, coach_id: int) -> Coach:
    coach = db.get(Coach, coach_id)
    if coach is None:
        raise NotFound()
    return coach


def team_coaches(db: Session, team_id: int | None) -> list[Coach]:
    """Active accounts of a team who work with residents (the roles of
    :data:`sns.models.CASELOAD_ROLES`), by name."""
    return list(
        db.scalars(
            select(Coach)
            .where(Coach.team_id == team_id, Coach.active, Coach.role.in_(CASELOAD_ROLES))
            .order_by(Coach.display_name)
        )
    )


def all_accounts(db: Session) -> list[Coach]:
    return list(db.scalars(select(Coach).order_by(Coach.username)))


def get_team(db: Session, team_id: int | None) -> Team | None:
    """The team with this id; None for "no team" (0 or None) or an unknown id."""
    return db.get(Team, team_id) if team_id else None


def all_teams(db: Session) -> list[Team]:
    return list(db.scalars(select(Team).order_by(Team.name)))
