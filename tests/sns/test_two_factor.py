"""TOTP codes: the window, no reuse, recovery codes stored hashed and used once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyotp
import pytest
from sqlalchemy import select

from sns.accounts import coaches as accounts
from sns.accounts import two_factor
from sns.models import AuditEvent, RecoveryCode

pytestmark = pytest.mark.db

NOON = datetime(2026, 12, 1, 12, 0, 5, tzinfo=UTC)
STEP = timedelta(seconds=30)


@pytest.fixture
def leider(db):
    return accounts.create_coach(db, "leider", "lang genoeg wachtwoord", role="teamleider")


def _code(secret, at):
    return pyotp.TOTP(secret).at(at)


def test_roles_that_need_a_second_factor(leider, db):
    coach = accounts.create_coach(db, "ans", "lang genoeg wachtwoord")
    assert two_factor.required(leider, for_coaches=False)
    assert not two_factor.required(coach, for_coaches=False)
    assert two_factor.required(coach, for_coaches=True)
    assert "privacy" in two_factor.TWO_FACTOR_ROLES


def test_setup_needs_a_right_code_and_gives_hashed_recovery_codes(leider, db):
    secret = two_factor.new_secret()
    with pytest.raises(two_factor.WrongCode):
        two_factor.enable(db, leider, secret, "000000", now=NOON)
    assert leider.totp_secret is None
    codes = two_factor.enable(db, leider, secret, _code(secret, NOON), now=NOON)
    assert leider.totp_secret == secret
    assert len(codes) == len(set(codes)) == two_factor.RECOVERY_CODE_COUNT
    stored = list(db.scalars(select(RecoveryCode.code_hash)))
    assert len(stored) == 10
    assert all(h.startswith("$argon2id$") for h in stored)
    assert not any(c.replace("-", "") in h for c in codes for h in stored)
    assert "account.2fa.enable" in db.scalars(select(AuditEvent.action)).all()


def test_a_code_is_accepted_one_step_either_side_and_only_once(leider, db):
    secret = two_factor.new_secret()
    two_factor.enable(db, leider, secret, _code(secret, NOON), now=NOON)
    # The same code again, within its window: refused.
    with pytest.raises(two_factor.ReusedCode):
        two_factor.check_code(leider, _code(secret, NOON), now=NOON + STEP)
    # The next step's code, half a minute late (a slow phone clock): accepted once.
    two_factor.check_code(leider, _code(secret, NOON + STEP), now=NOON + 2 * STEP)
    with pytest.raises(two_factor.ReusedCode):
        two_factor.check_code(leider, _code(secret, NOON + STEP), now=NOON + 2 * STEP)
    # An older step's code than the last one used: refused as well.
    with pytest.raises(two_factor.ReusedCode):
        two_factor.check_code(leider, _code(secret, NOON), now=NOON + STEP)
    # Two steps old is outside the window.
    with pytest.raises(two_factor.WrongCode):
        two_factor.check_code(leider, _code(secret, NOON + 2 * STEP), now=NOON + 4 * STEP)
    # A code of another account's app does not fit.
    with pytest.raises(two_factor.WrongCode):
        two_factor.check_code(leider, _code(two_factor.new_secret(), NOON + 5 * STEP),
                              now=NOON + 5 * STEP)
    two_factor.check_code(leider, _code(secret, NOON + 5 * STEP), now=NOON + 5 * STEP)
    assert leider.totp_last_step == pyotp.TOTP(secret).timecode(NOON + 5 * STEP)


def test_a_recovery_code_works_once_and_ends_the_second_factor(leider, db):
    secret = two_factor.new_secret()
    codes = two_factor.enable(db, leider, secret, _code(secret, NOON), now=NOON)
    with pytest.raises(two_factor.WrongCode):
        two_factor.use_recovery_code(db, leider, "AAAAA-AAAAA")
    two_factor.use_recovery_code(db, leider, codes[3].lower().replace("-", " "))
    assert leider.totp_secret is None
    assert db.scalars(select(RecoveryCode)).all() == []
    with pytest.raises(two_factor.WrongCode):
        two_factor.use_recovery_code(db, leider, codes[3])
    assert "account.2fa.recovery" in db.scalars(select(AuditEvent.action)).all()


def test_an_admin_reset_ends_the_factor_and_the_sessions(leider, db):
    admin = accounts.create_coach(db, "beheer", "lang genoeg wachtwoord", role="admin")
    secret = two_factor.new_secret()
    two_factor.enable(db, leider, secret, _code(secret, NOON), now=NOON)
    token = leider.session_token
    two_factor.reset(db, leider, actor=admin)
    db.flush()
    assert leider.totp_secret is None
    assert leider.session_token != token
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "account.2fa.reset"))
    assert (event.coach_id, event.detail) == (admin.id, "leider")
