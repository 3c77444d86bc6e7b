"""Teams and the people who log in: coaches, team leaders (teamleider) and admins."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sns.db import Base
from sns.models.base import FailedAttempt, Timestamped, Versioned

#: coach: works with assigned residents; teamleider: sees the team's caseload and assigns
#: coaches; admin: manages accounts and teams; privacy: the privacy officer (functionaris
#: gegevensbescherming) reads and exports the access log, never a resident's file; gemeente:
#: the municipality, which sees only the anonymous outcome report (web/outcomes).
ROLES = ("coach", "teamleider", "admin", "privacy", "gemeente")
#: The roles that work with residents: only these are assigned residents and have a
#: caseload ("Mijn bewoners", "Deze week", the calendar feed); see sns.residents.access.
CASELOAD_ROLES = ("coach", "teamleider")


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


class Team(Versioned, Base):
    """A neighbourhood team (sociaal wijkteam); residents and coaches belong to one."""

    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)

    coaches: Mapped[list[Coach]] = relationship(back_populates="team")


class Coach(Versioned, Timestamped, Base):
    """An account. ``session_token`` identifies the login sessions; replacing it ends them all
    (logout, password change), which a signed cookie alone cannot do."""

    __tablename__ = "coach"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default="coach")
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
    active: Mapped[bool] = mapped_column(default=True)
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    #: Two-factor login (``sns.accounts.two_factor``): the TOTP secret (base32), None while not set
    #: up, and the last time step whose code was accepted, so a code is never used twice.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_last_step: Mapped[int | None]
    #: The latest login and the one before it ("Vorige keer ingelogd").
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    previous_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    team: Mapped[Team | None] = relationship(back_populates="coaches")
    recovery_codes: Mapped[list[RecoveryCode]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )

    # The user protocol Flask-Login expects (duck-typed: no Flask import in this layer).
    is_authenticated = True
    is_anonymous = False

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        return self.session_token

    def rotate_session_token(self) -> None:
        """End every session of this account."""
        self.session_token = new_session_token()


class RecoveryCode(Base):
    """A one-time recovery code for a lost phone, stored as an Argon2 hash; deleted when used
    or when new codes are made."""

    __tablename__ = "recovery_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("coach.id", ondelete="CASCADE"),
                                          index=True)
    code_hash: Mapped[str] = mapped_column(String(255))


class LoginAttempt(FailedAttempt, Base):
    """A failed login (see ``sns.accounts.coaches.LOGIN_LIMIT``). ``account`` is a hash of the
    username that was typed (not the username itself), so failures count per (address,
    account) as well as per address."""

    __tablename__ = "login_attempt"

    account: Mapped[str | None] = mapped_column(String(64), index=True)


class SecondFactorAttempt(FailedAttempt, Base):
    """A second-factor code that was tried (see ``sns.accounts.two_factor.CODE_LIMIT``),
    counted per account whatever the address: the password is already known to whoever is
    here, so the account itself is what is guarded. ``client`` is kept for the window only."""

    __tablename__ = "second_factor_attempt"

    coach_id: Mapped[int] = mapped_column(ForeignKey("coach.id", ondelete="CASCADE"),
                                          index=True)
