"""Accounts: creating, refusing duplicates, logging in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from sns.accounts import coaches as accounts
from sns.errors import DuplicateUsername, Invalid
from sns.models import Coach


@pytest.mark.db
def test_duplicate_username_ignores_case_and_writes_nothing(db):
    accounts.create_coach(db, "Ans", "lang genoeg wachtwoord")
    db.commit()
    with pytest.raises(DuplicateUsername):
        accounts.create_coach(db, "ans", "lang genoeg wachtwoord")
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Coach)) == 1


def test_short_password_is_refused(db):
    with pytest.raises(Invalid):
        accounts.create_coach(db, "kort", "123")


@pytest.mark.db
def test_authenticate(db):
    coach = accounts.create_coach(db, "ans", "lang genoeg wachtwoord")
    assert accounts.authenticate(db, " ANS ", "lang genoeg wachtwoord") is coach
    assert accounts.authenticate(db, "ans", "fout wachtwoord") is None
    assert accounts.authenticate(db, "niemand", "lang genoeg wachtwoord") is None
    coach.active = False
    assert accounts.authenticate(db, "ans", "lang genoeg wachtwoord") is None
    assert coach.password_hash.startswith("$argon2id$")


@pytest.mark.db
def test_failed_logins_are_counted_per_address_and_forgotten_after_the_window(db):
    from datetime import UTC, datetime

    from sns.models import LoginAttempt

    accounts.create_coach(db, "ans", "lang genoeg wachtwoord")
    start = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    for _ in range(accounts.LOGIN_LIMIT - 1):
        assert accounts.log_in(db, "ans", "fout", "192.0.2.1", now=start) is None
    # A right password before the limit works and is not counted as a failure.
    assert accounts.log_in(db, "ans", "lang genoeg wachtwoord", "192.0.2.1", now=start)
    assert accounts.log_in(db, "ans", "fout", "192.0.2.1", now=start) is None
    with pytest.raises(accounts.TooManyLogins):
        accounts.log_in(db, "ans", "lang genoeg wachtwoord", "192.0.2.1", now=start)
    assert accounts.log_in(db, "ans", "lang genoeg wachtwoord", "192.0.2.2", now=start)
    later = start + accounts.LOGIN_WINDOW + timedelta(seconds=1)
    assert accounts.log_in(db, "ans", "lang genoeg wachtwoord", "192.0.2.1", now=later)
    # The old failures are gone from the database, not just ignored.
    assert db.scalar(select(func.count()).select_from(LoginAttempt)) == 0
