"""A participant's own network, the guided steps that fill it, and its graph.

The network is small JSON on the participant's row::

    {"people": [{"id": 1, "name": "Ans", "circle": 1, "sector": "familie",
                 "support": ["praktisch"], "gives": True}],
     "ties": [[1, 2]], "ties_asked": True, "next": 3}

``gives`` is whether the participant helps that person too (reciprocity; ``None`` until the
question was answered); ``ties`` are pairs of people who know each other.

>>> net = empty_network()
>>> add_person(net, "Ans", 1, "familie", sectors=("familie", "buren"))["id"]
1
>>> set_support(net, {1: ["praktisch", "nood"]})
>>> sorted(graph_of(net).edges["ego", "p1"]["support"])
['nood', 'praktisch']
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping

import networkx as nx

from graph import schema
from sns.errors import Invalid, NotFound
from sns.i18n import N_
from sns.models import GroupParticipant
from sns.rules import clean_name

#: The participant's steps: who is close, who helps with what, whom do you help, who knows
#: whom (optional), the result.
STEPS = (1, 2, 3, 4, 5)
STEP_PEOPLE, STEP_SUPPORT, STEP_GIVES, STEP_TIES, STEP_RESULT = STEPS

MAX_PEOPLE = 30
PERSON_NAME_MAX = 100  # as NetworkMember.name


def empty_network() -> dict:
    return {"people": [], "ties": [], "ties_asked": False, "next": 1}


def _person(net: dict, person_id: int) -> dict:
    for person in net["people"]:
        if person["id"] == person_id:
            return person
    raise NotFound()


def _ids(net: dict, ids: Iterable[int]) -> set[int]:
    known = {p["id"] for p in net["people"]}
    wanted = set(ids)
    if not wanted <= known:
        raise Invalid(N_("Kies mensen van uw eigen kaart."))
    return wanted


def add_person(
    net: dict, name: str | None, circle: int | str | None, sector: str | None,
    sectors: Iterable[str] = schema.SECTORS,
) -> dict:
    """Add someone (name and circle; the group is optional) and return them."""
    name = clean_name(name, limit=PERSON_NAME_MAX)
    if circle not in schema.CIRCLES:
        raise Invalid(N_("Kies hoe dichtbij deze persoon bij u staat."))
    if sector in ("", None):
        sector = None
    elif sector not in tuple(sectors):
        raise Invalid(N_("Kies een groep uit de lijst."))
    if len(net["people"]) >= MAX_PEOPLE:
        raise Invalid(N_("Er staan al veel mensen op uw kaart. Dat is genoeg voor vandaag."))
    person = {"id": net["next"], "name": name, "circle": circle, "sector": sector,
              "support": [], "gives": None}
    net["people"].append(person)
    net["next"] += 1
    return person


def remove_person(net: dict, person_id: int) -> dict:
    """Take someone off the map (and their ties); NotFound for an unknown id."""
    person = _person(net, person_id)
    net["people"].remove(person)
    net["ties"] = [t for t in net["ties"] if person_id not in t]
    return person


def set_support(net: dict, support: Mapping[int, Iterable[str]]) -> None:
    """Who helps with what: ``{person id: support kinds}``; people left out give nothing."""
    _ids(net, support)
    for kinds in support.values():
        if not set(kinds) <= set(schema.SUPPORT_KINDS):
            raise Invalid(N_("Kies soorten hulp uit de lijst."))
    for person in net["people"]:
        kinds = set(support.get(person["id"], ()))
        person["support"] = [k for k in schema.SUPPORT_KINDS if k in kinds]


def set_gives(net: dict, ids: Iterable[int]) -> None:
    """Whom the participant helps: these people yes, everyone else on the map no."""
    chosen = _ids(net, ids)
    for person in net["people"]:
        person["gives"] = person["id"] in chosen


def set_ties(net: dict, pairs: Iterable[tuple[int, int]]) -> None:
    """Who knows whom: the pairs replace the earlier answer."""
    ties = set()
    for a, b in pairs:
        _ids(net, (a, b))
        if a == b:
            raise Invalid(N_("Kies twee verschillende mensen."))
        ties.add((min(a, b), max(a, b)))
    net["ties"] = [list(t) for t in sorted(ties)]
    net["ties_asked"] = True


def next_step(net: dict, step: int) -> int:
    """The step after ``step``: without people straight to the result; "who knows whom"
    only with two people or more."""
    if step == STEP_PEOPLE and not net["people"]:
        return STEP_RESULT
    if step == STEP_GIVES and len(net["people"]) < 2:
        return STEP_RESULT
    return min(step + 1, STEP_RESULT)


def previous_step(net: dict, step: int) -> int:
    if step == STEP_RESULT and not net["people"]:
        return STEP_PEOPLE
    if step == STEP_RESULT and len(net["people"]) < 2:
        return STEP_GIVES
    return max(step - 1, STEP_PEOPLE)


def update(participant: GroupParticipant, net: dict, step: int | None = None) -> None:
    """Store a changed copy of the network (JSON columns do not notice changes in place)."""
    participant.network = copy.deepcopy(net)
    if step is not None:
        participant.step = step


def node(person_id: int) -> str:
    return f"p{person_id}"


def graph_of(net: dict, name: str | None = None,
             sectors: Iterable[str] = schema.SECTORS) -> nx.Graph:
    """The participant's network as a resident's graph (see :mod:`graph.schema`)."""
    G = schema.new_network(name, sectors=sectors)
    known = set(G.graph["sectors"])
    for p in net["people"]:
        schema.add_member(
            G, node(p["id"]), name=p["name"], circle=p.get("circle"),
            sector=p.get("sector") if p.get("sector") in known else None,
            support=p.get("support") or (), reciprocal=p.get("gives"),
        )
    for a, b in net["ties"]:
        if node(a) in G and node(b) in G:
            schema.add_tie(G, node(a), node(b))
    return G
