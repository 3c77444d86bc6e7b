"""Diversity of the network across sectors: the index of qualitative variation."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from graph.metrics.common import sector_counts

__all__ = ["iqv", "sector_diversity"]


def iqv(counts: Iterable[int]) -> float | None:
    r"""Return the index of qualitative variation of counts over ``k`` categories.

    Parameters
    ----------
    counts : iterable of int
        One count per category, zeros included: ``k`` is the number of counts.

    Returns
    -------
    float or None
        Between 0 (everything in one category) and 1 (spread evenly over all ``k``).
        ``None`` when the counts add up to 0 (nothing to spread) or ``k < 2``.

    Notes
    -----
    .. math:: \mathrm{IQV} = \frac{k}{k - 1}\Big(1 - \sum_{i=1}^{k} p_i^2\Big)

    with :math:`p_i` the share of category :math:`i` [1]_: the Gini-Simpson index of
    diversity :math:`1 - \sum p_i^2` divided by its maximum :math:`1 - 1/k`.

    References
    ----------
    .. [1] Mueller, J. H. and Schuessler, K. F. *Statistical Reasoning in Sociology.*
       Houghton Mifflin, 1961; Agresti, A. and Agresti, B. F. "Statistical analysis of
       qualitative variation." *Sociological Methodology* 9 (1978): 204-237.

    Examples
    --------
    >>> iqv([2, 1, 1, 0, 0])  # 5/4 * (1 - (0.25 + 0.0625 + 0.0625))
    0.78125
    >>> iqv([3, 0]), iqv([1, 1])
    (0.0, 1.0)
    >>> iqv([0, 0, 0]) is None, iqv([4]) is None
    (True, True)
    """
    counts = list(counts)
    k, total = len(counts), sum(counts)
    if total == 0 or k < 2:
        return None
    return k / (k - 1) * (1.0 - sum((c / total) ** 2 for c in counts))


def sector_diversity(G: nx.Graph) -> float | None:
    """Return the :func:`iqv` of the members over the configured sectors.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network; ``k`` is the number of sectors in ``G.graph["sectors"]``.

    Returns
    -------
    float or None
        0 when everybody is in one sector, 1 when the members are spread evenly over every
        sector. Members with an unknown sector are left out; ``None`` when no member has a
        known sector (no members at all, for instance), since there is nothing to spread.
        Members with a state (died, no contact any more, from earlier, a pet) are left out.

    Examples
    --------
    >>> from graph.schema import new_network, add_member
    >>> G = new_network()
    >>> add_member(G, "m1", name="Ans", sector="familie")
    >>> add_member(G, "m2", name="Bob", sector="familie")
    >>> add_member(G, "m3", name="Cor", sector="vrienden")
    >>> add_member(G, "m4", name="Dirk", sector="buren")
    >>> add_member(G, "m5", name="Eva")
    >>> sector_diversity(G)
    0.78125
    >>> sector_diversity(new_network()) is None
    True
    """
    return iqv(sector_counts(G).values())
