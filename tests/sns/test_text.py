"""The services store text without control characters, also when it does not come from the
web app (an import, a script)."""

from __future__ import annotations

import pytest

from sns.accounts import coaches as accounts
from sns.residents.caseload import create_resident

pytestmark = pytest.mark.db


def test_a_resident_created_by_a_service_has_no_control_characters(db):
    coach = accounts.create_coach(db, "ans", "lang genoeg wachtwoord")
    resident = create_resident(db, coach, "\x1b[31mPiet\x00 de Vries\x9b ")
    assert resident.name == "[31mPiet de Vries"
