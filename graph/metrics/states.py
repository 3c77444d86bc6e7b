"""Members drawn apart: who died, with whom contact is lost, who is from earlier, pets."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import networkx as nx

from graph.attributes import member_nodes, state_of
from graph.schema import MEMBER_STATES

__all__ = ["Apart", "members_apart"]


@dataclass(frozen=True)
class Apart:
    """The members with a state; see :func:`members_apart`."""

    #: ``{state: members}`` for every state of :data:`~graph.schema.MEMBER_STATES`, in
    #: order, members in natural id order, empty tuples included.
    per_state: dict[str, tuple[Hashable, ...]]
    #: How many members have a state.
    total: int


def members_apart(G: nx.Graph) -> Apart:
    """Find the members who have a state, per state.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network; a member's ``"state"`` is one of
        :data:`graph.schema.MEMBER_STATES` or ``None`` (in the resident's life now).

    Returns
    -------
    Apart

    Notes
    -----
    Every other measure of the scan leaves these members out (they give no support and are
    no active contact, see :mod:`graph.metrics.common`); this one counts them, so the
    findings can speak about them as they are: people to see again, people from earlier,
    a pet someone has to look after.

    Examples
    --------
    >>> from graph.schema import new_network, add_member
    >>> G = new_network()
    >>> add_member(G, "m1", name="Kees", state="geen_contact")
    >>> add_member(G, "m2", name="Bello", state="huisdier")
    >>> add_member(G, "m3", name="Ans")
    >>> apart = members_apart(G)
    >>> apart.per_state["geen_contact"], apart.per_state["huisdier"], apart.total
    (('m1',), ('m2',), 2)
    """
    per_state: dict[str, list[Hashable]] = {state: [] for state in MEMBER_STATES}
    for node in member_nodes(G):
        state = state_of(G, node)
        if state is not None:
            per_state[state].append(node)
    return Apart(per_state={s: tuple(nodes) for s, nodes in per_state.items()},
                 total=sum(len(nodes) for nodes in per_state.values()))
