"""What the strength scan means for the resident, as data: a kind, its parameters, a weight.

graph/ says *what* it found; how to say it (Dutch, English, B1, formal *u*) is the work of
:mod:`sns.scan.words`, the one catalogue of the findings' words. A finding carries
everything its sentence needs: the names as they are on the map, counts, the codes of
support kinds and sectors, and whether a person is a professional (a question for the GP
differs from one for a neighbour). So the resident's page, the take-home PDF, the group
participant's result and ``sns scan`` phrase the same findings and never disagree.

The rules, and what they never do:

- Unknown is reported as unknown ("Van 4 mensen weten we nog niet hoe dichtbij ze staan"),
  never as absent: a member whose circle is unknown is not "outside the inner circle".
- A strength is only said when the data show it: "they all know each other" only when
  every pair of members is tied (density 1); a connected network that is not complete
  (a chain) is "they know each other, directly or through someone else".
- Members with a state (died, no contact any more, from earlier, a pet) are not counted
  (see :mod:`graph.metrics.common`), and never named by that state as a label: who lost
  contact or is from earlier gets a question whether the resident would like to see them
  again (a step for the plan), a pet the question who looks after it when the resident
  cannot. Someone who died is remembered on the map and left out of the findings.
- Findings are ordered by :data:`WEIGHTS`: the count first, then the structural findings
  (only professionals, nothing recorded, one sector, a kind of support resting on nobody,
  most support resting on one person), then strengths, then lines about one person. The
  cap of :data:`MAX_FINDINGS` takes the heaviest, so a structural finding is never pushed
  out by per-person lines.

Examples
--------
>>> from graph.schema import new_network, add_member
>>> G = new_network("Riek")
>>> add_member(G, "m1", name="Ans", sector="familie", circle=1, support=("praktisch",))
>>> add_member(G, "m2", name="Huisarts", sector="professionals", support=("advies",))
>>> for f in findings(G, limit=None):
...     print(f.weight, f.kind, f.params)
98 count {'count': 2, 'close': ('Ans',), 'close_count': 1, 'name': None}
84 uncovered {'kinds': ('emotioneel', 'gezelschap', 'nood')}
76 mostly_professionals {'professional': 1, 'total': 2}
54 circle_unknown {'count': 1}
46 no_ties {}
40 only_one_helper {'name': 'Ans', 'kinds': ('praktisch',), 'member': 'informal'}
40 only_one_helper {'name': 'Huisarts', 'kinds': ('advies',), 'member': 'professional'}
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.attributes import circle_of, name_of, present_members, sector_of, sectors_of
from graph.metrics import Scan, scan
from graph.metrics.common import plain
from graph.schema import PROFESSIONAL_SECTOR, SUPPORT_KINDS

__all__ = ["MAX_FINDINGS", "WEIGHTS", "Finding", "findings"]

#: At most this many findings are shown (each one or two short sentences).
MAX_FINDINGS = 6

#: Every kind of finding and its weight: heavier first. Parameters in brackets.
WEIGHTS: dict[str, int] = {
    "empty": 100,  # nobody on the map yet
    "think_of": 99,  # ... think of these groups [sectors]
    "count": 98,  # how many people, who is very close [count, close, close_count, name]
    # structural
    "only_professionals": 90,  # [count]
    "no_support": 88,  # nothing recorded about who helps with what
    "one_sector": 86,  # everybody from one sector [sector, others]
    "uncovered": 84,  # kinds of support nobody gives [kinds]
    "carries_most": 80,  # half or more of the support from one person [names, count, total,
    #                      professional]
    "mostly_professionals": 76,  # [professional, total]
    # strengths
    "shared_support": 70,  # kinds with two givers or more [kinds, count, at_least]
    "sector_mix": 66,  # people from three sectors or more [sectors]
    "gives_back": 62,  # support goes both ways with half or more [count, name, kinds]
    "no_contact": 60,  # members the resident lost contact with [count, name]
    "all_know": 58,  # every pair of members is tied [count]
    "know_via_via": 56,  # one connected group, not everyone tied directly
    # what is not known yet, and how people are tied
    "circle_unknown": 54,  # [count]
    "nobody_close": 50,  # circles known, none in circle 1
    "no_ties": 46,  # no ties among members recorded
    "separate_groups": 44,  # [count] groups of two or more that are not tied
    "tie_unknown": 42,  # members with no tie recorded, when others have ties [count]
    "from_before": 41,  # members from earlier in life [count, name]
    # one person
    "only_one_helper": 40,  # kinds only this person gives [name, kinds, member]
    "pet": 36,  # who looks after the pets when the resident cannot [names]
    "strain_with_resident": 34,  # [count, name]
    "strain_between": 30,  # [count, names]
    "gives_nothing": 26,  # support goes both ways with nobody (known for 2 or more)
    "sector_unknown": 22,  # [count]
}


@dataclass(frozen=True)
class Finding:
    """One finding: what it is about (:data:`WEIGHTS`), its parameters and its weight.

    Parameters are plain data: names (``str``, as on the map), counts (``int``), codes
    of support kinds and sectors (``str``), tuples of those and flags (``bool``).
    """

    kind: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def weight(self) -> int:
        return WEIGHTS[self.kind]

    def to_dict(self) -> dict[str, Any]:
        """``{"kind", "weight", "params"}`` as JSON-serialisable data."""
        return {"kind": self.kind, "weight": self.weight, "params": plain(self.params)}


def findings(G: nx.Graph, result: Scan | None = None, *,
             limit: int | None = MAX_FINDINGS) -> list[Finding]:
    """Return the findings about a resident's network, heaviest first.

    Parameters
    ----------
    G : networkx.Graph
        The resident's network; member names come from here.
    result : Scan, optional
        The scan of ``G`` if it is already computed.
    limit : int or None
        Keep this many (the heaviest); ``None`` keeps all.

    Returns
    -------
    list of Finding
        Sorted by weight, heaviest first; findings of the same weight (one per person) in
        the order of the support kinds they are about. An empty network gives ``empty``
        and ``think_of``.

    Examples
    --------
    A chain Ans - Bob - Cor: they know each other through each other, not all directly.

    >>> from graph.schema import new_network, add_member, add_tie
    >>> G = new_network()
    >>> for node, name in (("a", "Ans"), ("b", "Bob"), ("c", "Cor")):
    ...     add_member(G, node, name=name, sector="familie", circle=2,
    ...                support=("praktisch",))
    >>> add_tie(G, "a", "b"); add_tie(G, "b", "c")
    >>> [f.kind for f in findings(G, limit=None)]  # doctest: +NORMALIZE_WHITESPACE
    ['count', 'one_sector', 'uncovered', 'shared_support', 'know_via_via', 'nobody_close']
    >>> findings(G)[3].params
    {'kinds': ('praktisch',), 'count': 3, 'at_least': False}
    """
    s = scan(G) if result is None else result
    found = (_empty(s) if s.size.total == 0 else _all(G, s)) + _apart(G, s)
    found.sort(key=lambda f: -f.weight)  # stable: same weight keeps its order
    return found if limit is None else found[:limit]


def _empty(s: Scan) -> list[Finding]:
    informal = tuple(c for c in s.sectors if c != PROFESSIONAL_SECTOR)
    return [Finding("empty"), *([Finding("think_of", {"sectors": informal})] if informal else [])]


def _all(G: nx.Graph, s: Scan) -> list[Finding]:
    found = [_count(G)]
    found += _structure(G, s)
    found += _strengths(G, s)
    found += _unknown_and_ties(s)
    found += _per_person(G, s)
    return found


def _count(G: nx.Graph) -> Finding:
    nodes = present_members(G)
    close = [n for n in nodes if circle_of(G, n) == 1]
    names = tuple(name_of(G, n) for n in close) if len(close) <= 3 else ()
    return Finding("count", {"count": len(nodes), "close": names, "close_count": len(close),
                             "name": name_of(G, nodes[0]) if len(nodes) == 1 else None})


def _member_kind(G: nx.Graph, node: Hashable) -> str:
    """``"professional"``, ``"informal"`` or ``"unknown"`` (no sector: never guessed)."""
    sector = sector_of(G, node, sectors_of(G))
    if sector is None:
        return "unknown"
    return "professional" if sector == PROFESSIONAL_SECTOR else "informal"


def _structure(G: nx.Graph, s: Scan) -> list[Finding]:
    size, support, load = s.size, s.support, s.load
    found = []
    present = [c for c, n in size.per_sector.items() if n]
    all_known = size.unknown_sector == 0
    if all_known and present == [PROFESSIONAL_SECTOR]:
        found.append(Finding("only_professionals", {"count": size.total}))
    if load.total == 0:
        found.append(Finding("no_support"))
    elif support.uncovered:
        found.append(Finding("uncovered", {"kinds": support.uncovered}))
    if all_known and len(present) == 1 and present != [PROFESSIONAL_SECTOR] and size.total >= 2:
        others = tuple(c for c in s.sectors if c not in present and c != PROFESSIONAL_SECTOR)
        found.append(Finding("one_sector", {"sector": present[0], "others": others[:2]}))
    if (load.share is not None and load.share >= 0.5 and load.busiest_load >= 3
            and size.total >= 2):
        found.append(Finding("carries_most", {
            "names": tuple(name_of(G, n) for n in load.busiest),
            "count": load.busiest_load,
            "total": len(SUPPORT_KINDS),
            "professional": all(_member_kind(G, n) == "professional" for n in load.busiest),
        }))
    informal = s.informal
    if (all_known and informal.known >= 2 and 0 < informal.members
            and informal.share is not None and informal.share <= 0.5):
        found.append(Finding("mostly_professionals", {
            "professional": informal.known - informal.members, "total": informal.known}))
    return found


def _strengths(G: nx.Graph, s: Scan) -> list[Finding]:
    found = []
    shared = [k for k in SUPPORT_KINDS if len(s.support.givers.get(k, ())) >= 2]
    if shared:
        counts = [len(s.support.givers[k]) for k in shared]
        found.append(Finding("shared_support", {
            "kinds": tuple(shared), "count": min(counts), "at_least": len(set(counts)) > 1}))
    present = tuple(c for c, n in s.size.per_sector.items() if n)
    if len(present) >= 3:
        found.append(Finding("sector_mix", {"sectors": present}))
    rec = s.reciprocity
    if rec.reciprocal and rec.share is not None and rec.share >= 0.5:
        one = rec.reciprocal[0] if len(rec.reciprocal) == 1 else None
        found.append(Finding("gives_back", {
            "count": len(rec.reciprocal),
            "name": name_of(G, one) if one is not None else None,
            "kinds": _given_kinds(s, one)}))
    coh = s.cohesion
    if coh.members >= 3 and coh.density == 1.0:
        found.append(Finding("all_know", {"count": coh.members}))
    elif coh.members >= 3 and coh.group_count == 1:
        found.append(Finding("know_via_via"))
    return found


def _given_kinds(s: Scan, one: Hashable | None) -> tuple[str, ...]:
    """The kinds the resident gives: to ``one`` person, or to the most people first (a tie
    in :data:`SUPPORT_KINDS` order); empty where only the old yes/no is recorded."""
    given = s.reciprocity.given
    if one is not None:
        return tuple(k for k in SUPPORT_KINDS if one in given[k])
    kinds = [k for k in SUPPORT_KINDS if given[k]]
    return tuple(sorted(kinds, key=lambda k: -len(given[k])))


def _apart(G: nx.Graph, s: Scan) -> list[Finding]:
    """The members with a state, as a next step: see again, look after a pet."""
    found = []
    for kind, state in (("no_contact", "geen_contact"), ("from_before", "vroeger")):
        nodes = s.apart.per_state[state]
        if nodes:
            found.append(Finding(kind, {
                "count": len(nodes),
                "name": name_of(G, nodes[0]) if len(nodes) == 1 else None}))
    pets = s.apart.per_state["huisdier"]
    if pets:
        found.append(Finding("pet", {"names": tuple(name_of(G, n) for n in pets)}))
    return found


def _unknown_and_ties(s: Scan) -> list[Finding]:
    size, coh = s.size, s.cohesion
    found = []
    if size.unknown_circle:
        found.append(Finding("circle_unknown", {"count": size.unknown_circle}))
    elif size.per_circle.get(1, 0) == 0:
        found.append(Finding("nobody_close"))
    if coh.members >= 2 and coh.ties == 0:
        found.append(Finding("no_ties"))
    elif coh.ties:
        groups = sum(1 for g in coh.groups if len(g) > 1)
        if groups >= 2:
            found.append(Finding("separate_groups", {"count": groups}))
        if coh.isolated:
            found.append(Finding("tie_unknown", {"count": len(coh.isolated)}))
    if size.unknown_sector:
        found.append(Finding("sector_unknown", {"count": size.unknown_sector}))
    return found


def _per_person(G: nx.Graph, s: Scan) -> list[Finding]:
    found = []
    by_person: dict[Hashable, list[str]] = {}
    for kind, node in s.support.single.items():
        by_person.setdefault(node, []).append(kind)
    for node, kinds in by_person.items():
        found.append(Finding("only_one_helper", {
            "name": name_of(G, node), "kinds": tuple(kinds), "member": _member_kind(G, node)}))
    strain = s.strain
    if strain.ego_count:
        found.append(Finding("strain_with_resident", {
            "count": strain.ego_count,
            "name": name_of(G, strain.ego[0]) if strain.ego_count == 1 else None}))
    if strain.tie_count:
        pair = strain.ties[0]
        found.append(Finding("strain_between", {
            "count": strain.tie_count,
            "names": tuple(name_of(G, n) for n in pair) if strain.tie_count == 1 else ()}))
    rec = s.reciprocity
    if rec.known >= 2 and not rec.reciprocal:
        found.append(Finding("gives_nothing"))
    return found
