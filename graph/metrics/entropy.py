"""Diversity of the network across sectors as Shannon entropy (egor's measure)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from graph.metrics.common import sector_counts

__all__ = ["SectorEntropy", "sector_entropy", "shannon_entropy"]


@dataclass(frozen=True)
class SectorEntropy:
    """Shannon entropy of the members over the sectors; see :func:`sector_entropy`."""

    #: Entropy in bits (log base 2); ``None`` without members of a known sector.
    bits: float | None
    #: ``bits`` over its maximum :math:`\log_2 k`: 0 to 1, next to the IQV; ``None`` when
    #: undefined.
    evenness: float | None


def shannon_entropy(counts: Iterable[int], base: float = 2) -> float | None:
    r"""Return the Shannon entropy of counts over categories.

    Parameters
    ----------
    counts : iterable of int
        One count per category; zeros add nothing.
    base : float
        Base of the logarithm: 2 (bits) as egor's ``alts_diversity_entropy``.

    Returns
    -------
    float or None
        0 when everything is in one category, :math:`\log_b k` when spread evenly over
        ``k`` categories; ``None`` when the counts add up to 0.

    Notes
    -----
    .. math:: H = -\sum_i p_i \log_b p_i

    with :math:`p_i` the share of category :math:`i` [1]_, the terms with
    :math:`p_i = 0` left out.

    References
    ----------
    .. [1] Shannon, C. E. "A mathematical theory of communication." *Bell System Technical
       Journal* 27 (1948): 379-423; Krenz, T. et al. *egor*, R package, function
       ``alts_diversity_entropy()``.

    Examples
    --------
    >>> shannon_entropy([2, 1, 1, 0, 0])  # 1/2 * 1 + 1/4 * 2 + 1/4 * 2
    1.5
    >>> shannon_entropy([3, 0]), shannon_entropy([1, 1, 1, 1])
    (0.0, 2.0)
    >>> shannon_entropy([0, 0]) is None
    True
    """
    counts = [c for c in counts if c]
    total = sum(counts)
    if not total:
        return None
    return abs(-sum(c / total * math.log(c / total, base) for c in counts))


def sector_entropy(G: nx.Graph) -> SectorEntropy:
    r"""Return the Shannon entropy of the members over the configured sectors.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network; ``k`` is the number of sectors in ``G.graph["sectors"]``.

    Returns
    -------
    SectorEntropy

    Notes
    -----
    The IQV (:func:`graph.metrics.diversity.iqv`) and the entropy both grow as members
    spread over more sectors; the entropy weighs a small sector more (it counts surprise,
    not pairs). ``evenness`` is Pielou's :math:`J = H / \log_2 k`. Members with an unknown
    sector are left out, and so are members with a state (died, no contact any more, from
    earlier, a pet); with fewer than two sectors the evenness is ``None``.

    Examples
    --------
    >>> from graph.schema import new_network, add_member
    >>> G = new_network()
    >>> for node, sector in (("a", "familie"), ("b", "familie"), ("c", "vrienden"),
    ...                      ("d", "buren"), ("e", None)):
    ...     add_member(G, node, name=node.upper(), sector=sector)
    >>> result = sector_entropy(G)
    >>> result.bits, round(result.evenness, 4)  # 1.5 / log2(5)
    (1.5, 0.646)
    >>> sector_entropy(new_network())
    SectorEntropy(bits=None, evenness=None)
    """
    counts = sector_counts(G)
    bits = shannon_entropy(counts.values())
    evenness = bits / math.log2(len(counts)) if bits is not None and len(counts) > 1 else None
    return SectorEntropy(bits=bits, evenness=evenness)
