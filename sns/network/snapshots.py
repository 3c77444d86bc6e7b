"""Saving the network at a moment and reading it back for comparison."""

from __future__ import annotations

import networkx as nx
from sqlalchemy import select
from sqlalchemy.orm import Session

from graph import schema
from graph.outcome import network_figures
from sns import audit
from sns.errors import Invalid, NotFound
from sns.i18n import N_
from sns.models import Coach, NetworkSnapshot, Resident
from sns.network.graphs import to_graph
from sns.rules import clean_text

LABEL_MAX = 120


def _encode(G: nx.Graph) -> dict:
    data = nx.node_link_data(G, edges="edges")
    data["graph"] = {**data["graph"], "sectors": list(G.graph.get("sectors", schema.SECTORS))}
    return data


def _decode(data: dict) -> nx.Graph:
    G = nx.node_link_graph(data, edges="edges")
    G.graph["sectors"] = tuple(G.graph.get("sectors", schema.SECTORS))
    for _, _, attrs in G.edges(data=True):
        if "support" in attrs:  # JSON has lists where the schema has tuples
            attrs["support"] = tuple(attrs["support"])
    return G


def take(db: Session, coach: Coach, resident: Resident, label: str, sectors=schema.SECTORS
         ) -> NetworkSnapshot:
    """Save the resident's network as it is now, under ``label`` ("Einde verkenning")."""
    label = clean_text(label, limit=LABEL_MAX)
    if label is None:
        raise Invalid(N_("Geef het moment een naam, bijvoorbeeld 'Einde verkenning'."))
    G = to_graph(db, resident, sectors)
    snapshot = NetworkSnapshot(
        resident_id=resident.id, label=label, coach_id=coach.id, graph=_encode(G),
        figures=network_figures(G).to_dict(),
    )
    db.add(snapshot)
    db.flush()
    audit.record(db, coach, "snapshot.take", resident_id=resident.id, detail=str(snapshot.id))
    return snapshot


def of_resident(db: Session, resident: Resident) -> list[NetworkSnapshot]:
    """The resident's snapshots, oldest first."""
    return list(db.scalars(
        select(NetworkSnapshot).where(NetworkSnapshot.resident_id == resident.id)
        .order_by(NetworkSnapshot.taken_at, NetworkSnapshot.id)))


def get(db: Session, resident: Resident, snapshot_id: int | None) -> NetworkSnapshot:
    """A snapshot of this resident; NotFound for another resident's."""
    snapshot = db.get(NetworkSnapshot, snapshot_id) if snapshot_id is not None else None
    if snapshot is None or snapshot.resident_id != resident.id:
        raise NotFound()
    return snapshot


def pair(db: Session, resident: Resident, first_id: int | None, second_id: int | None
         ) -> tuple[NetworkSnapshot, NetworkSnapshot]:
    """Two different snapshots of this resident, the older one first."""
    if first_id is None or second_id is None:
        raise Invalid(N_("Kies twee momenten om te vergelijken."))
    if first_id == second_id:
        raise Invalid(N_("Kies twee verschillende momenten."))
    a, b = get(db, resident, first_id), get(db, resident, second_id)
    return (a, b) if (a.taken_at, a.id) <= (b.taken_at, b.id) else (b, a)


def graph_of(snapshot: NetworkSnapshot) -> nx.Graph:
    return _decode(snapshot.graph)


def figures_of(snapshot: NetworkSnapshot) -> dict:
    """The outcome figures of the snapshot (graph.outcome), counted now if they were not
    yet: a snapshot never changes, so the stored figures stay right. The caller commits."""
    if snapshot.figures is None:
        snapshot.figures = network_figures(graph_of(snapshot)).to_dict()
    return snapshot.figures
