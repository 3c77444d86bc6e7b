"""The trajectory panel on the resident's page: where they are, and the next steps."""

from __future__ import annotations

from flask import flash, request, url_for
from flask_babel import gettext as _

from sns.models import Resident
from sns.residents import trajectory
from web.core.access import current_coach
from web.core.database import get_db
from web.core.labels import PHASE_LABELS
from web.core.saving import save
from web.residents import bp


@bp.post("/fase")
def move_phase(resident: Resident):
    return save(lambda: trajectory.move(get_db(), current_coach(), resident,
                                        request.form.get("phase", "")),
                saved=lambda _none: flash(_("De fase is nu: %(phase)s.",
                                            phase=PHASE_LABELS[resident.phase])),
                back=url_for("residents.show", resident_id=resident.id, _anchor="traject"))

