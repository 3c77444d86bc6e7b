"""Accounts: creating, refusing duplicates, logging in."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sns import accounts
from sns.errors import DuplicateUsername, Invalid
from sns.models import Coach


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


def test_authenticate(db):
    coach = accounts.create_coach(db, "ans", "lang genoeg wachtwoord")
    assert accounts.authenticate(db, " ANS ", "lang genoeg wachtwoord") is coach
    assert accounts.authenticate(db, "ans", "fout wachtwoord") is None
    assert accounts.authenticate(db, "niemand", "lang genoeg wachtwoord") is None
    coach.active = False
    assert accounts.authenticate(db, "ans", "lang genoeg wachtwoord") is None
    assert coach.password_hash.startswith("$argon2id$")
