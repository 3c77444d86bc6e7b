"""Storing an imported network (read and mapped by :mod:`graph.files.importing`) into a resident.

Every member goes through the same checks as the form on the verkenning page
(:func:`sns.network.members.validate`: name length, vocabulary), so a file cannot put in what a
coach could not type. A refused member refuses the whole import and nothing is stored.
Imported members are *added*: nothing on the map is merged or replaced, and
:func:`names_already_there` lets the preview say which names would then appear twice.
"""

from __future__ import annotations

import networkx as nx
from sqlalchemy.orm import Session

from graph import schema
from graph.attributes import member_nodes, member_ties
from graph.files.importing import Imported
from sns import audit
from sns.errors import Invalid
from sns.models import Coach, Resident
from sns.network import graphs as network
from sns.network.members import MEMBER_TEXT_MAX, MemberFields, validate
from sns.rules import clean_text

__all__ = ["checked_graph", "names_already_there", "store_import"]


def checked_graph(imported: Imported, sectors=schema.SECTORS) -> nx.Graph:
    """The imported network with every member cleaned as the form would, its members
    renamed ``i000000``, ``i000001``, ... in the file's order; Invalid (naming the person)
    when one would be refused."""
    G = imported.graph.copy()
    for node in member_nodes(G):
        person, rel = G.nodes[node], schema.relation(G, node)
        fields = MemberFields(
            name=person.get("name") or "", sector=person.get("sector"),
            circle=rel.get("circle"), support=list(rel.get("support") or ()),
            reciprocal=rel.get("reciprocal"), frequency=rel.get("frequency"),
            quality=rel.get("quality"), willing=person.get("willing"),
            talents=person.get("talents"), note=person.get("note"),
            can_think_along=bool(person.get("can_think_along")))
        try:
            clean = validate(fields, sectors)
        except Invalid as err:
            raise Invalid(f"{person.get('name') or node}: {err.message}") from err
        person.update(name=clean.name, sector=clean.sector, willing=clean.willing,
                      talents=clean.talents, note=clean.note,
                      can_think_along=clean.can_think_along)
        if G.has_edge(schema.EGO, node):
            G.edges[schema.EGO, node].update(support=tuple(clean.support))
    for u, v in member_ties(G):
        note = G.edges[u, v].get("note")
        if note is not None:
            G.edges[u, v]["note"] = clean_text(note, limit=MEMBER_TEXT_MAX)
    # Stored in the file's order (store_graph sorts by node id), so the members get ids in
    # that order and the map places them as it did where the file came from.
    order = [n for n in G if n != schema.EGO]
    return nx.relabel_nodes(G, {n: f"i{k:06d}" for k, n in enumerate(order)})


def names_already_there(db: Session, resident: Resident, imported: Imported) -> list[str]:
    """Names in the file that are already on the resident's map (they would appear twice)."""
    present = {m.name.casefold() for m in network.members_of(db, resident)}
    names = {imported.graph.nodes[n]["name"] for n in member_nodes(imported.graph)}
    return sorted(n for n in names if n.casefold() in present)


def store_import(db: Session, coach: Coach | None, resident: Resident, imported: Imported,
                 sectors=schema.SECTORS) -> int:
    """Add the imported members and ties to the resident's map; returns how many members.

    Audited as ``network.import`` with the format and the counts only: a file's name may be
    the resident's, and the access log outlives an erasure.
    """
    G = checked_graph(imported, sectors)
    rows = network.store_graph(db, resident, G)
    ties = len(member_ties(G))
    audit.record(db, coach, "network.import", resident_id=resident.id,
                 detail=f"{imported.format}: {len(rows)} leden, {ties} verbindingen")
    return len(rows)
