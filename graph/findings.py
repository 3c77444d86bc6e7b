"""What the strength scan means, in a few plain Dutch sentences for the resident.

The sentences answer "Hoe sterk is mijn netwerk?" the way a coach would at the kitchen
table: formal *u*, language level B1, strengths first, and every gap turned into a question
or a tip. They never label the resident or the network (no "zwak", "kwetsbaar", ...; see
002:190 in the domain notes), and they name people by the name on the map without guessing
anyone's gender ("Wie zou Ans af en toe kunnen aflossen?", not "haar").

Examples
--------
>>> from graph.schema import new_network, add_member
>>> for line in findings(new_network("Riek")):
...     print(line)
Er staan nog geen mensen op uw kaart. Wie is er belangrijk voor u?
Denk aan familie, vrienden, buren of mensen van werk, school of club.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping

import networkx as nx

from graph._attrs import circle_of, member_nodes, name_of
from graph.metrics import Scan, scan
from graph.schema import PROFESSIONAL_SECTOR, SUPPORT_KINDS

__all__ = ["KIND_QUESTIONS", "KIND_WORDS", "MAX_FINDINGS", "SECTOR_WORDS", "findings"]

#: At most this many findings (each one or two short sentences).
MAX_FINDINGS = 6

#: How a kind of support is said after "Voor ...".
KIND_WORDS = {
    "praktisch": "praktische hulp",
    "emotioneel": "een luisterend oor",
    "advies": "advies",
    "gezelschap": "gezelschap",
    "nood": "hulp in een noodgeval",
}

#: The question that goes with a kind nobody gives yet.
KIND_QUESTIONS = {
    "praktisch": "Wie zou u kunnen helpen met klusjes of boodschappen?",
    "emotioneel": "Met wie kunt u praten als u ergens mee zit?",
    "advies": "Wie zou u om raad kunnen vragen?",
    "gezelschap": "Met wie zou u graag eens iets samen doen?",
    "nood": "Wie kunt u bellen als er iets gebeurt?",
}

#: How the people of a sector are called.
SECTOR_WORDS = {
    "familie": "familie",
    "vrienden": "vrienden",
    "buren": "buren",
    "werk_school_club": "mensen van werk, school of club",
    "professionals": "hulpverleners",
}


def findings(
    G: nx.Graph, result: Scan | None = None, *, sector_words: Mapping[str, str] | None = None
) -> list[str]:
    """Return up to six findings about a resident's network, in plain Dutch.

    Parameters
    ----------
    G : networkx.Graph
        The resident's network; member names come from here.
    result : Scan, optional
        The scan of ``G`` if it is already computed.
    sector_words : mapping, optional
        How to call the people of each sector ("buren", "mensen van de kerk"), for sector
        codes a team added; :data:`SECTOR_WORDS` and then ``"mensen van <code>"`` otherwise.

    Returns
    -------
    list of str
        Each finding is one or two short sentences. First how many people there are, then
        strengths, then gaps as a question or tip, at most :data:`MAX_FINDINGS` in all.
        An empty network gives an invitation to start.

    Notes
    -----
    A strength is said only when the data show it (two or more people for a kind of
    support, people from three or more sectors, support going both ways with at least half
    of the members whose answer is known, members who all know each other). A gap is only
    raised from what is recorded: nothing unknown is treated as "no".

    Examples
    --------
    >>> from graph.schema import new_network, add_member
    >>> G = new_network("Riek")
    >>> add_member(G, "m1", name="Ans", sector="familie", circle=1,
    ...            support=("praktisch", "emotioneel"))
    >>> add_member(G, "m2", name="Piet", sector="buren", circle=2, support=("emotioneel",))
    >>> for line in findings(G):
    ...     print(line)
    Er staan 2 mensen op uw kaart. Ans staat dicht bij u.
    Voor een luisterend oor kunt u bij meer mensen terecht.
    Voor advies, gezelschap en hulp in een noodgeval staat nog niemand op uw kaart. Wie zou u daarvoor kunnen vragen?
    Voor praktische hulp kunt u nu alleen bij Ans terecht. Wie zou Ans af en toe kunnen aflossen?
    Kennen de mensen op uw kaart elkaar? Mensen die elkaar kennen, kunnen samen meer voor u doen.
    """  # noqa: E501
    s = scan(G) if result is None else result
    name = _namer(G)
    words = {**SECTOR_WORDS, **(sector_words or {})}

    def sector(code: str) -> str:
        return words.get(code) or "mensen van " + code.replace("_", " ")

    if s.size.total == 0:
        return _invitation(s.sectors, sector)
    strengths = _strengths(s, name)
    gaps = _gaps(s, name, sector)
    room = MAX_FINDINGS - 1
    kept = min(len(strengths), max(2, room - len(gaps)))
    return [_count(G, name), *strengths[:kept], *gaps[: room - kept]]


def _namer(G: nx.Graph):
    def name(node: Hashable) -> str:
        return name_of(G, node) if node in G else str(node)

    return name


def _join(words: Iterable[str]) -> str:
    """Dutch list: "a", "a en b", "a, b en c"."""
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


def _invitation(sectors: tuple[str, ...], sector) -> list[str]:
    lines = ["Er staan nog geen mensen op uw kaart. Wie is er belangrijk voor u?"]
    groups = [sector(c) for c in sectors if c != PROFESSIONAL_SECTOR]
    if groups:
        hint = groups[0] if len(groups) == 1 else ", ".join(groups[:-1]) + " of " + groups[-1]
        lines.append(f"Denk aan {hint}.")
    return lines


def _count(G: nx.Graph, name) -> str:
    nodes = member_nodes(G)
    if len(nodes) == 1:
        return f"Er staat 1 persoon op uw kaart: {name(nodes[0])}."
    line = f"Er staan {len(nodes)} mensen op uw kaart."
    close = [n for n in nodes if circle_of(G, n) == 1]
    if len(close) > 3:
        line += f" Van hen staan er {len(close)} dicht bij u."
    elif close:
        verb = "staat" if len(close) == 1 else "staan"
        line += f" {_join(name(n) for n in close)} {verb} dicht bij u."
    return line


def _strengths(s: Scan, name) -> list[str]:
    lines = []
    shared = [k for k in SUPPORT_KINDS if len(s.support.givers.get(k, ())) >= 2]
    if len(shared) == len(SUPPORT_KINDS):
        lines.append("Voor elke soort hulp kunt u bij meer mensen terecht.")
    elif shared:
        kinds = _join(KIND_WORDS[k] for k in shared)
        lines.append(f"Voor {kinds} kunt u bij meer mensen terecht.")
    present = [c for c, n in s.size.per_sector.items() if n]
    if len(present) >= 3:
        lines.append(
            f"Op uw kaart staan mensen uit {len(present)} verschillende groepen. "
            "Dat is een mooie mix."
        )
    rec = s.reciprocity
    if rec.reciprocal and rec.share is not None and rec.share >= 0.5:
        if len(rec.reciprocal) == 1:
            lines.append(f"U helpt zelf ook: {name(rec.reciprocal[0])} krijgt ook iets van u.")
        else:
            lines.append(f"U helpt zelf ook: {len(rec.reciprocal)} mensen krijgen ook iets van u.")
    if s.cohesion.members >= 3 and s.cohesion.group_count == 1:
        lines.append("De mensen op uw kaart kennen elkaar. Zo kunnen ze samen helpen.")
    return lines


def _gaps(s: Scan, name, sector) -> list[str]:
    lines = []
    support, load = s.support, s.load
    if load.total == 0:
        lines.append(
            "Bij wie kunt u terecht als u hulp nodig heeft? Denk aan klusjes, "
            "een luisterend oor of iemand die u kunt bellen als er iets gebeurt."
        )
    elif support.uncovered:
        kinds = _join(KIND_WORDS[k] for k in support.uncovered)
        question = (
            KIND_QUESTIONS[support.uncovered[0]]
            if len(support.uncovered) == 1
            else "Wie zou u daarvoor kunnen vragen?"
        )
        lines.append(f"Voor {kinds} staat nog niemand op uw kaart. {question}")

    named: set[Hashable] = set()
    by_person: dict[Hashable, list[str]] = {}
    for kind, node in support.single.items():
        by_person.setdefault(node, []).append(kind)
    for node, kinds in by_person.items():
        who = name(node)
        lines.append(
            f"Voor {_join(KIND_WORDS[k] for k in kinds)} kunt u nu alleen bij {who} terecht. "
            f"Wie zou {who} af en toe kunnen aflossen?"
        )
        named.add(node)

    busiest = [n for n in load.busiest if n not in named]
    if (
        busiest
        and len(busiest) == len(load.busiest)
        and load.share is not None
        and load.share >= 0.5
        and load.busiest_load >= 3
        and s.size.total >= 2
    ):
        who = _join(name(n) for n in busiest)
        verb = "helpt" if len(busiest) == 1 else "helpen"
        lines.append(
            f"{who} {verb} u bij veel dingen. "
            f"Wie zou een deel kunnen overnemen, zodat het voor {who} niet te veel wordt?"
        )

    if s.size.per_circle.get(1, 0) == 0:
        lines.append("Er staat nog niemand in de binnenste cirkel. Wie staat het dichtst bij u?")

    present = [c for c, n in s.size.per_sector.items() if n]
    if len(present) == 1 and s.size.unknown_sector == 0 and s.size.total >= 2:
        others = [sector(c) for c in s.sectors if c not in present and c != PROFESSIONAL_SECTOR][:2]
        if others:
            lines.append(
                f"Op uw kaart staan nu alleen {sector(present[0])}. "
                f"Kent u ook {' of '.join(others)} die u zou willen toevoegen?"
            )

    if s.cohesion.members >= 2 and s.cohesion.ties == 0:
        lines.append(
            "Kennen de mensen op uw kaart elkaar? "
            "Mensen die elkaar kennen, kunnen samen meer voor u doen."
        )

    strain = s.strain
    if strain.ego_count == 1:
        lines.append(
            f"Met {name(strain.ego[0])} is er soms spanning. Wat zou het contact makkelijker maken?"
        )
    elif strain.ego_count > 1:
        lines.append(
            f"Met {strain.ego_count} mensen op uw kaart is er soms spanning. "
            "Wat zou het contact makkelijker maken?"
        )
    if strain.tie_count == 1:
        a, b = strain.ties[0]
        lines.append(
            f"Tussen {name(a)} en {name(b)} is er soms spanning. "
            "Houd daar rekening mee als u mensen samen uitnodigt."
        )
    elif strain.tie_count > 1:
        lines.append(
            "Tussen sommige mensen op uw kaart is er spanning. "
            "Houd daar rekening mee als u mensen samen uitnodigt."
        )

    rec = s.reciprocity
    if rec.known >= 2 and not rec.reciprocal:
        lines.append("Wat doet u zelf voor de mensen op uw kaart? Ook iets kleins telt mee.")
    return lines
