""""Ik wil graag hulp van een netwerkcoach": a participant's request, with consent and contact
details, that survives the closing of the session as a resident (see :mod:`.closing`)."""

from __future__ import annotations

import re
from datetime import datetime

from sns.errors import Invalid
from sns.i18n import N_
from sns.models import GroupParticipant
from sns.models.base import utcnow
from sns.rules import clean_text

QUESTION_MAX = 1000

_PHONE = re.compile(r"^\+?[0-9 ()\-]{6,25}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def request_coach(
    participant: GroupParticipant, *, consent: bool, name: str | None, phone: str | None,
    email: str | None, question: str | None = None, now: datetime | None = None,
) -> None:
    """"Ik wil graag hulp van een netwerkcoach": refused without consent, a name, and a
    phone number or e-mail address. Nothing is stored when refused."""
    if not consent:
        raise Invalid(N_(
            "Zet een vinkje bij 'Ik geef toestemming' als u wilt dat een netwerkcoach contact "
            "met u opneemt."))
    name = clean_text(name, limit=200)
    if name is None:
        raise Invalid(N_("Vul uw naam in, zodat de netwerkcoach weet wie u is."))
    phone = clean_text(phone, limit=40)
    email = clean_text(email, limit=200)
    if phone is None and email is None:
        raise Invalid(N_("Vul een telefoonnummer of een e-mailadres in."))
    if phone is not None and (not _PHONE.match(phone) or sum(c.isdigit() for c in phone) < 6):
        raise Invalid(N_("Dit telefoonnummer klopt niet. Vul alleen cijfers in."))
    if email is not None and not _EMAIL.match(email):
        raise Invalid(N_("Dit e-mailadres klopt niet."))
    participant.wants_coach = True
    participant.consent_at = now or utcnow()
    participant.contact_name = name
    participant.contact_phone = phone
    participant.contact_email = email
    participant.question = clean_text(question, limit=QUESTION_MAX)


def withdraw_request(participant: GroupParticipant) -> None:
    """"Ik wil toch geen hulp": the consent and contact details are removed."""
    participant.wants_coach = False
    participant.consent_at = None
    participant.contact_name = participant.contact_phone = participant.contact_email = None
    participant.question = None


def has_opted_in(participant: GroupParticipant) -> bool:
    return bool(
        participant.wants_coach and participant.consent_at and participant.contact_name
        and (participant.contact_phone or participant.contact_email)
    )
