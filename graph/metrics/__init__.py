"""The strength scan of a resident's network ("Hoe sterk is mijn netwerk?").

One module per concept, each a function of the resident's graph (see :mod:`graph.schema`);
:func:`scan` runs them all and returns a :class:`Scan`. Members with a state (died, no
contact any more, from earlier, a pet) are left out of every measure but :mod:`.states`
(the rule is in :mod:`graph.metrics.common`).

==========================  ==========================================================
module                      question
==========================  ==========================================================
:mod:`.size`                How many people are there, how close, from which sectors?
:mod:`.support`             Who can I ask for each kind of support?
:mod:`.load`                Does everything rest on one person?
:mod:`.reciprocity`         Do I also give?
:mod:`.cohesion`            Do the people around me know each other?
:mod:`.brokers`             Who links the others?
:mod:`.structural_holes`    Burt: effective size and constraint of the resident.
:mod:`.diversity`           Is the network spread over sectors, or all of one kind?
:mod:`.entropy`             The same spread as Shannon entropy (egor's measure).
:mod:`.ei_index`            Do ties stay within a sector or cross sectors (E-I index)?
:mod:`.informal`            How much of the network and its support is informal?
:mod:`.strain`              Where is contact strained?
:mod:`.states`              Who died, lost contact, is from earlier, is a pet?
:mod:`.strength_scan`       All of the above at once.
==========================  ==========================================================
"""

from graph.metrics.brokers import Brokers, member_betweenness, top_brokers
from graph.metrics.cohesion import Cohesion, member_cohesion
from graph.metrics.diversity import iqv, sector_diversity
from graph.metrics.ei_index import EIIndex, ei, sector_ei_index
from graph.metrics.entropy import SectorEntropy, sector_entropy, shannon_entropy
from graph.metrics.informal import Informal, informal_share
from graph.metrics.load import Load, load_concentration
from graph.metrics.reciprocity import Reciprocity, reciprocity_share
from graph.metrics.size import Size, network_size
from graph.metrics.states import Apart, members_apart
from graph.metrics.strain import Strain, strained_relations
from graph.metrics.strength_scan import Scan, scan
from graph.metrics.structural_holes import (
    StructuralHoles,
    ego_constraint,
    ego_effective_size,
    structural_holes,
)
from graph.metrics.support import SupportCoverage, support_coverage

__all__ = [
    "Apart",
    "Brokers",
    "Cohesion",
    "EIIndex",
    "Informal",
    "Load",
    "Reciprocity",
    "Scan",
    "SectorEntropy",
    "Size",
    "Strain",
    "StructuralHoles",
    "SupportCoverage",
    "ego_constraint",
    "ego_effective_size",
    "ei",
    "informal_share",
    "iqv",
    "load_concentration",
    "member_betweenness",
    "member_cohesion",
    "members_apart",
    "network_size",
    "reciprocity_share",
    "scan",
    "sector_diversity",
    "sector_ei_index",
    "sector_entropy",
    "shannon_entropy",
    "strained_relations",
    "structural_holes",
    "support_coverage",
    "top_brokers",
]
