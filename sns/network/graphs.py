"""The stored network of a resident as a NetworkX graph, and back, through ``graph.schema``."""

from __future__ import annotations

import networkx as nx
from sqlalchemy import select
from sqlalchemy.orm import Session

from graph import schema
from graph.attributes import member_nodes, member_ties
from sns.models import NetworkMember, Resident, Tie


def member_node(member_id: int) -> str:
    """The graph node of a stored member."""
    return f"m{member_id}"


def members_of(db: Session, resident: Resident) -> list[NetworkMember]:
    """The members on the map (archived members are history, not network)."""
    return list(
        db.scalars(
            select(NetworkMember)
            .where(NetworkMember.resident_id == resident.id, NetworkMember.archived_at.is_(None))
            .order_by(NetworkMember.id)
        )
    )


def names_of(db: Session, resident: Resident) -> dict[int, str]:
    """Every member's name by id, archived ones included (for meetings and the plan)."""
    rows = db.execute(select(NetworkMember.id, NetworkMember.name)
                      .where(NetworkMember.resident_id == resident.id))
    return dict(rows.all())


def ties_of(db: Session, resident: Resident) -> list[Tie]:
    return list(db.scalars(select(Tie).where(Tie.resident_id == resident.id).order_by(Tie.id)))


def to_graph(db: Session, resident: Resident, sectors=schema.SECTORS) -> nx.Graph:
    """The resident's network: the resident, every member with their tie to the resident,
    and the ties between members.

    A stored sector that is no longer configured (the team changed its sectors) is unknown
    in the graph; the stored value itself is kept.
    """
    return graph_of(resident, members_of(db, resident), ties_of(db, resident), sectors)


def graph_of(resident: Resident, members: list[NetworkMember], ties: list[Tie],
             sectors=schema.SECTORS) -> nx.Graph:
    """:func:`to_graph` from rows already loaded (a page that also lists the members and
    ties loads them once)."""
    G = schema.new_network(resident.name, sectors=sectors)
    for m in members:
        schema.add_member(
            G,
            member_node(m.id),
            name=m.name,
            sector=m.sector if m.sector in G.graph["sectors"] else None,
            circle=m.circle,
            support=m.support,
            reciprocal=m.reciprocal,
            frequency=m.frequency,
            quality=m.quality,
            willing=m.willing,
            talents=m.talents,
            note=m.note,
            can_think_along=m.can_think_along,
            state=m.state,
            gives=m.gives,
        )
    for t in ties:
        schema.add_tie(G, member_node(t.a_id), member_node(t.b_id), quality=t.quality,
                       note=t.note)
    return G


def store_graph(db: Session, resident: Resident, G: nx.Graph) -> dict[str, NetworkMember]:
    """Add the members and member ties of ``G`` to the resident's stored network.

    Returns the new member row per graph node. The resident's own attributes are not
    touched. Used by imports and by the round-trip test.
    """
    rows: dict[str, NetworkMember] = {}
    for node in member_nodes(G):
        person, rel = G.nodes[node], schema.relation(G, node)
        rows[node] = NetworkMember(
            resident_id=resident.id,
            name=person["name"],
            sector=person.get("sector"),
            circle=rel.get("circle"),
            support=list(rel.get("support") or ()),
            reciprocal=rel.get("reciprocal"),
            frequency=rel.get("frequency"),
            quality=rel.get("quality"),
            willing=person.get("willing"),
            talents=person.get("talents"),
            note=person.get("note"),
            can_think_along=bool(person.get("can_think_along")),
            state=person.get("state"),
            gives=list(rel.get("gives") or ()),
        )
    db.add_all(rows.values())
    db.flush()
    for u, v in member_ties(G):
        a, b = sorted((rows[u].id, rows[v].id))
        tie = G.edges[u, v]
        db.add(Tie(resident_id=resident.id, a_id=a, b_id=b, quality=tie.get("quality"),
                   note=tie.get("note")))
    resident.network_version += 1
    db.flush()
    return rows
