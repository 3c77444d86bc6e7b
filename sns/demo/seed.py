"""The demo: a team, a coach account and one resident with a realistic network.

Loading is idempotent: a second run finds what is there and adds nothing. The demo coach's
password is generated once and kept in the instance folder (never in the repository), so it
can be printed again at every start.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from graph.demo import DEMO_RESIDENT, demo_network
from sns.accounts import coaches as accounts
from sns.models import Assignment, Coach, Resident
from sns.network.graphs import store_graph

DEMO_TEAM = "Wijkteam Demo"
DEMO_USERNAME = "demo"


@dataclass
class DemoLogin:
    username: str
    password: str


def _demo_password(instance: Path) -> str:
    path = instance / "demo-password.txt"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(12) + "\n")
        path.chmod(0o600)
    return path.read_text().strip()


def load_demo(db: Session, instance: Path) -> DemoLogin:
    """Create the demo team, coach and resident if they are missing; return the login."""
    password = _demo_password(instance)
    team = accounts.get_or_create_team(db, DEMO_TEAM)
    coach = db.scalar(select(Coach).where(Coach.username == DEMO_USERNAME))
    if coach is None:
        coach = accounts.create_coach(
            db, DEMO_USERNAME, password, role="coach", team=team, display_name="Demo Coach"
        )
    resident = db.scalar(
        select(Resident).where(Resident.name == DEMO_RESIDENT, Resident.team_id == team.id)
    )
    if resident is None:
        resident = Resident(
            name=DEMO_RESIDENT,
            team_id=team.id,
            hulpvraag="Ik wil weer zelf naar de markt kunnen en minder alleen thuis zitten.",
            wishes="Weer zingen bij het koor.",
            talents="Goed met planten, maakt graag soep voor anderen.",
        )
        resident.assignments.append(Assignment(coach=coach))
        db.add(resident)
        db.flush()
        store_graph(db, resident, demo_network())
    return DemoLogin(DEMO_USERNAME, password)
