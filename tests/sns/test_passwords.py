"""Passwords are kept as Argon2id hashes with the app's settings, and an older hash is made
anew at the next login. (The other tests hash with the least work: see
``quick_password_hashing`` in tests/conftest.py.)"""

from __future__ import annotations

import pytest

from sns.accounts import coaches as accounts
from sns.accounts import passwords

pytestmark = pytest.mark.db


def test_the_apps_hasher_is_argon2id_with_at_least_the_owasp_minimum(quick_password_hashing):
    apps = quick_password_hashing
    assert apps.type.name == "ID"
    assert apps.time_cost >= 2
    assert apps.memory_cost >= 19 * 1024  # KiB
    assert apps.hash("x").startswith("$argon2id$")


def test_a_hash_with_other_settings_logs_in_and_is_made_anew(db, quick_password_hashing):
    coach = accounts.create_coach(db, "ans", "lang genoeg wachtwoord")
    coach.password_hash = quick_password_hashing.hash("lang genoeg wachtwoord")
    db.commit()
    assert passwords.needs_rehash(coach.password_hash)
    assert accounts.authenticate(db, "ans", "lang genoeg wachtwoord") is coach
    assert not passwords.needs_rehash(coach.password_hash)
    assert passwords.verify_password(coach.password_hash, "lang genoeg wachtwoord")
    assert accounts.authenticate(db, "ans", "fout wachtwoord") is None
