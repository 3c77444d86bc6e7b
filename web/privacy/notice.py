"""The sentence an invitee reads in their invitation letter (AVG art. 14: they never
consented to being on the map): where their name is, and whom to ask to remove it."""

from __future__ import annotations

from flask_babel import gettext

from sns.i18n import N_
from sns.models import Resident

THIRD_PARTY_NOTICE = N_("Uw naam staat op de netwerkkaart van %(resident)s; wilt u dat niet, "
                        "vraag dan %(resident)s of %(coach)s om uw naam eraf te halen.")


def third_party_notice(resident: Resident) -> str:
    """The sentence for ``resident``'s letters, naming their coach(es) or else the team."""
    coaches = [c.display_name for c in resident.coaches]
    coach = (gettext("coach %(names)s", names=gettext(" of ").join(coaches)) if coaches
             else gettext("het wijkteam"))
    return gettext(THIRD_PARTY_NOTICE, resident=resident.name, coach=coach)
