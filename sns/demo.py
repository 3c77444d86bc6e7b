"""The demo: a team, a coach account and one resident with a realistic network.

Loading is idempotent: a second run finds what is there and adds nothing. The demo coach's
password is generated once and kept in the instance folder (never in the repository), so it
can be printed again at every start.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from sqlalchemy import select
from sqlalchemy.orm import Session

from graph import schema
from sns import accounts
from sns.models import Assignment, Coach, Resident
from sns.network import store_graph

DEMO_TEAM = "Wijkteam Demo"
DEMO_USERNAME = "demo"
DEMO_RESIDENT = "Riek de Vries"

# name, sector, circle, support kinds, reciprocal, frequency, quality, willing, kan meedenken
_MEMBERS = [
    ("Ans", "familie", 1, ("praktisch", "emotioneel", "nood"), True, "dagelijks", "goed",
     "boodschappen doen", True),
    ("Kees", "familie", 2, ("advies",), False, "maandelijks", "wisselend", None, True),
    ("Marloes", "familie", 2, ("gezelschap",), True, "wekelijks", "goed", None, False),
    ("Henk", "familie", 3, (), None, "zelden", "gespannen", None, False),
    ("Toos", "vrienden", 1, ("emotioneel", "gezelschap"), True, "wekelijks", "goed",
     "samen naar de markt", True),
    ("Wim", "vrienden", 2, ("gezelschap",), True, "maandelijks", "goed", None, False),
    ("Fatma", "buren", 1, ("praktisch", "nood"), True, "dagelijks", "goed",
     "even langskomen", True),
    ("Jan van nr. 12", "buren", 2, ("praktisch",), False, "wekelijks", "goed",
     "klusjes in huis", False),
    ("Greet", "buren", 3, (), None, "zelden", None, None, False),
    ("Koor De Lindeboom", "werk_school_club", 2, ("gezelschap",), True, "wekelijks", "goed",
     None, False),
    ("Mieke (kapper)", "werk_school_club", 3, ("gezelschap",), False, "maandelijks", "goed",
     None, False),
    ("Pastor Verbeek", "werk_school_club", 3, ("advies", "emotioneel"), False, "zelden", "goed",
     None, False),
    ("Huisarts Bakker", "professionals", 2, ("advies", "nood"), False, "maandelijks", "goed",
     None, False),
    ("Thuiszorg (Sandra)", "professionals", 2, ("praktisch",), False, "wekelijks", "goed",
     None, False),
    ("Schuldhulp (Ahmed)", "professionals", 3, ("advies",), False, "maandelijks", "wisselend",
     None, False),
]
_TIES = [
    ("Ans", "Kees", "wisselend"),
    ("Ans", "Marloes", "goed"),
    ("Ans", "Henk", "gespannen"),
    ("Kees", "Henk", "goed"),
    ("Toos", "Wim", "goed"),
    ("Toos", "Koor De Lindeboom", "goed"),
    ("Fatma", "Jan van nr. 12", "goed"),
    ("Fatma", "Greet", "goed"),
    ("Ans", "Fatma", "goed"),
    ("Huisarts Bakker", "Thuiszorg (Sandra)", "goed"),
]


def demo_network() -> nx.Graph:
    """The demo resident's network as a graph (15 members, 10 ties, every sector)."""
    G = schema.new_network(DEMO_RESIDENT)
    for name, sector, circle, support, reciprocal, freq, quality, willing, think in _MEMBERS:
        schema.add_member(
            G, name, name=name, sector=sector, circle=circle, support=support,
            reciprocal=reciprocal, frequency=freq, quality=quality, willing=willing,
            can_think_along=think,
        )
    for a, b, quality in _TIES:
        schema.add_tie(G, a, b, quality=quality)
    return G


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
