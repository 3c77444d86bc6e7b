"""Teams and the people who log in: coaches, team leaders (teamleider) and admins."""

from __future__ import annotations

import secrets

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sns.db import Base
from sns.models.base import FailedAttempt, Timestamped, Versioned

#: coach: works with assigned residents; teamleider: sees the team's caseload and assigns
#: coaches; admin: manages accounts and teams; gemeente: the municipality, which sees only the
#: anonymous outcome report (web/outcomes).
ROLES = ("coach", "teamleider", "admin", "gemeente")


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

    team: Mapped[Team | None] = relationship(back_populates="coaches")

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


class LoginAttempt(FailedAttempt, Base):
    """A failed login (see ``sns.accounts.LOGIN_LIMIT``); the username is not stored."""

    __tablename__ = "login_attempt"
