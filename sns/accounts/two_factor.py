"""Two-factor login: a time-based code (TOTP, RFC 6238) from an app on the coach's phone,
with one-time recovery codes for a lost phone.

Required for the roles in :data:`TWO_FACTOR_ROLES`, and for coaches when the server says so
(``SNS_REQUIRE_2FA``). A code is accepted in its own 30-second step and one step either side
(a phone's clock is rarely exact), and each step's code only once: the last accepted step is
stored, so a code seen over someone's shoulder cannot be used again. Recovery codes are shown
once and stored as Argon2 hashes; using one ends the second factor, so the coach sets up the
app again (with new codes) right after.

Guessing is limited per account, whatever the address (NIST SP 800-63B, 5.2.2): at most
:data:`CODE_LIMIT` codes that were not right per :data:`CODE_WINDOW`, each counted before it
is checked (:func:`sns.accounts.throttle.claim`), so neither many addresses nor a parallel
burst get more checked. Past the limit the login starts over at the password and the
refusal is audited (``login.2fa.blocked``). This slows only an account whose password is
already known.
"""

from __future__ import annotations

import hmac
import re
import secrets
from datetime import datetime, timedelta

import pyotp
from sqlalchemy import delete
from sqlalchemy.orm import Session

from sns import audit
from sns.accounts import throttle
from sns.accounts.passwords import hash_password, verify_password
from sns.errors import Invalid
from sns.i18n import N_
from sns.models import Coach, RecoveryCode, SecondFactorAttempt
from sns.models.base import utcnow

#: Roles that must log in with a second factor (``privacy``: the privacy officer).
TWO_FACTOR_ROLES = ("teamleider", "admin", "privacy")
ISSUER = "Mijn netwerk"
#: Steps either side of now whose code is still accepted.
VALID_WINDOW = 1
RECOVERY_CODE_COUNT = 10
#: At most this many second-factor codes that were not right (wrong, reused, a wrong
#: recovery code), per account from any address, per :data:`CODE_WINDOW`.
CODE_LIMIT = 10
CODE_WINDOW = timedelta(minutes=15)
_RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no look-alikes (0/O, 1/I/L)


class WrongCode(Invalid):
    """The code does not fit this account's app (a typo, an old code, another account)."""

    message = N_("Deze code klopt niet. Kijk in uw app naar de code die er nu staat.")


class TooManyCodes(Invalid):
    """Past :data:`CODE_LIMIT` for this account: the login starts over at the password."""

    message = N_("Er is te vaak een verkeerde code ingevuld. Wacht een kwartier en log dan "
                 "opnieuw in.")


class ReusedCode(Invalid):
    """This step's code was already used to log in."""

    message = N_("Deze code is al gebruikt. Wacht tot uw app een nieuwe code laat zien en "
                 "vul die in.")


def required(coach: Coach, *, for_coaches: bool) -> bool:
    """Whether ``coach`` must log in with a second factor."""
    return coach.role in TWO_FACTOR_ROLES or for_coaches


def new_secret() -> str:
    """A fresh random TOTP secret (base32, 160 bits)."""
    return pyotp.random_base32(32)


def provisioning_uri(coach: Coach, secret: str) -> str:
    """The ``otpauth://`` URI a code app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=coach.username, issuer_name=ISSUER)


def _normalize(code: str | None) -> str:
    return re.sub(r"[\s\-]", "", code or "").upper()


def is_app_code(code: str | None) -> bool:
    """Whether ``code`` looks like a code from the app (six digits), not a recovery code."""
    return re.fullmatch(r"\d{6}", _normalize(code)) is not None


def _matching_step(secret: str, code: str, now: datetime) -> int | None:
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _accept(coach: Coach, secret: str, code: str | None, now: datetime | None) -> None:
    """Check ``code`` against ``secret`` and remember its step; refuse a reused step."""
    code = _normalize(code)
    step = _matching_step(secret, code, now or utcnow()) if is_app_code(code) else None
    if step is None:
        raise WrongCode()
    if coach.totp_last_step is not None and step <= coach.totp_last_step:
        raise ReusedCode()
    # A concurrent login with the same code updates the same version of the row: one of
    # the two fails on the version check (sns.models.base.Versioned).
    coach.totp_last_step = step


def check_code(coach: Coach, code: str | None, now: datetime | None = None) -> None:
    """A login's second step: :class:`WrongCode` or :class:`ReusedCode` unless ``code`` is
    this account's current code, used for the first time."""
    if coach.totp_secret is None:
        raise WrongCode()
    _accept(coach, coach.totp_secret, code, now)


def _new_recovery_codes(db: Session, coach: Coach) -> list[str]:
    coach.recovery_codes.clear()
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
        coach.recovery_codes.append(RecoveryCode(code_hash=hash_password(raw)))
    db.flush()
    return codes


def enable(db: Session, coach: Coach, secret: str, code: str | None,
           now: datetime | None = None) -> list[str]:
    """Set up the app with ``secret`` once ``code`` from it is right; returns the new
    recovery codes (to show once; earlier ones stop working)."""
    _accept(coach, secret, code, now)
    coach.totp_secret = secret
    codes = _new_recovery_codes(db, coach)
    audit.record(db, coach, "account.2fa.enable", detail=coach.username)
    return codes


def log_in_with_code(db: Session, coach: Coach, code: str | None, client: str | None,
                     now: datetime | None = None) -> None:
    """A login's second step: the code from the app (:func:`check_code`) or a recovery code
    (:func:`use_recovery_code`), counted for the account before it is checked and taken
    back when it was right (commits; the caller commits again). :class:`TooManyCodes` (and
    an audit event) past :data:`CODE_LIMIT`, else :class:`WrongCode` or
    :class:`ReusedCode` when the code is not right."""
    attempt = throttle.claim(db, SecondFactorAttempt, client, coach_id=coach.id,
                             limits=[(CODE_LIMIT, ("coach_id",))], window=CODE_WINDOW,
                             now=now)
    if attempt is None:
        audit.record(db, coach, "login.2fa.blocked", detail=coach.username)
        raise TooManyCodes()
    if is_app_code(code):
        check_code(coach, code, now)
    else:
        use_recovery_code(db, coach, code)
    throttle.withdraw(db, attempt)


def use_recovery_code(db: Session, coach: Coach, code: str | None) -> None:
    """Log in with a recovery code (a lost phone): :class:`WrongCode` unless it is one of
    the account's unused codes. It ends the second factor and every recovery code, so the
    coach sets up a new app.

    Commits before the hashes are checked: Argon2 is slow on purpose (ten codes take
    seconds), and on SQLite a write transaction would hold every other save meanwhile, as
    for the password (``sns.accounts.coaches.authenticate``). Nothing is pending here but
    the login's own bookkeeping, which is saved either way."""
    raw = _normalize(code)
    hashes = [(c.id, c.code_hash) for c in coach.recovery_codes]
    db.commit()
    used = next((code_id for code_id, code_hash in hashes
                 if raw and verify_password(code_hash, raw)), None)
    # Once each: of two logins with the same code at the same moment, one deletes it.
    if used is None or db.execute(
            delete(RecoveryCode).where(RecoveryCode.id == used)).rowcount != 1:
        raise WrongCode()
    db.expire(coach, ["recovery_codes"])
    _clear(coach)
    audit.record(db, coach, "account.2fa.recovery", detail=coach.username)


def reset(db: Session, coach: Coach, *, actor: Coach) -> None:
    """An admin ends ``coach``'s second factor (a lost phone and no recovery code): the
    coach's sessions end, and at the next login they set up the app again."""
    _clear(coach)
    coach.rotate_session_token()
    audit.record(db, actor, "account.2fa.reset", detail=coach.username)


def _clear(coach: Coach) -> None:
    coach.totp_secret = None
    coach.totp_last_step = None
    coach.recovery_codes.clear()
