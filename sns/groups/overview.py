"""What the facilitator sees of a group: anonymous totals, never a name, and only once
:data:`MIN_GROUP` participants have a map, so nobody can be recognised."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from graph import schema
from graph.findings import findings
from sns.groups.maps import STEP_RESULT, graph_of
from sns.models import GroupParticipant

#: Totals beyond the number of participants are shown from this many maps on.
MIN_GROUP = 3
#: Bins of the spread of network sizes: (lowest, highest or None).
SIZE_BINS = ((1, 4), (5, 9), (10, 14), (15, None))
#: How many of the most common gaps the facilitator sees.
TOP_GAPS = 5


@dataclass(frozen=True)
class Totals:
    """What the facilitator may see: counts, never a name.

    ``shown`` is False below :data:`MIN_GROUP` maps; then everything but ``participants``
    and ``with_map`` is empty or zero.
    """

    participants: int
    with_map: int
    shown: bool
    finished: int = 0
    asked_coach: int = 0
    size_min: int | None = None
    size_median: float | None = None
    size_max: int | None = None
    #: ``[(lowest, highest or None, maps)]`` per bin of :data:`SIZE_BINS`.
    size_bins: list[tuple[int, int | None, int]] = field(default_factory=list)
    #: ``{kind: {"nobody": maps, "one": maps}}``: support resting on nobody / one person.
    per_kind: dict[str, dict[str, int]] = field(default_factory=dict)
    #: ``[(gap code, maps)]``, most common first; codes see :func:`gaps_of`.
    gaps: list[tuple[str, int]] = field(default_factory=list)

    def as_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Totals:
        data = dict(data)
        data["size_bins"] = [tuple(b) for b in data.get("size_bins", [])]
        data["gaps"] = [tuple(g) for g in data.get("gaps", [])]
        return cls(**data)


#: Every gap code of :func:`gaps_of`, in the order of its docstring (ties in :func:`totals`
#: are listed in this order).
GAP_CODES = (
    *(f"niemand:{k}" for k in schema.SUPPORT_KINDS),
    *(f"een:{k}" for k in schema.SUPPORT_KINDS),
    "cirkel1_leeg", "rust_op_een", "een_groep", "kennen_elkaar_niet", "geeft_niet",
)


def gaps_of(net: dict, sectors: Iterable[str] = schema.SECTORS) -> list[str]:
    """The gap codes of one map: the findings the participant sees, without names.

    ``niemand:<kind>`` nobody gives this support, ``een:<kind>`` one person does,
    ``cirkel1_leeg`` nobody in the inner circle, ``rust_op_een`` most support rests on one
    person, ``een_groep`` everyone from one group, ``kennen_elkaar_niet`` (asked, and nobody
    knows each other), ``geeft_niet`` the participant helps nobody on the map. Each comes
    from a kind of :func:`graph.findings.findings`, so the facilitator's totals count
    exactly what the participants were told. A participant's map has no member states and
    records giving as a yes/no (``gives``, the old ``reciprocal``), so the scan's rule for
    members with a state changes nothing here and the findings about them (``no_contact``,
    ``from_before``, ``pet``) never occur; they name people, so they would have no gap
    code anyway.

    >>> from sns.groups.maps import add_person, empty_network, set_support
    >>> net = empty_network()
    >>> _ = add_person(net, "Ans", 2, None)
    >>> set_support(net, {1: ["praktisch"]})
    >>> gaps_of(net)[:3]
    ['niemand:emotioneel', 'niemand:advies', 'niemand:gezelschap']
    """
    if not net["people"]:
        return []
    found = findings(graph_of(net, sectors=sectors), limit=None)
    kinds = {f.kind: f for f in found}
    codes: list[str] = []
    if "no_support" in kinds:
        codes += [f"niemand:{k}" for k in schema.SUPPORT_KINDS]
    if "uncovered" in kinds:
        codes += [f"niemand:{k}" for k in kinds["uncovered"].params["kinds"]]
    single = {k for f in found if f.kind == "only_one_helper" for k in f.params["kinds"]}
    codes += [f"een:{k}" for k in schema.SUPPORT_KINDS if k in single]
    for kind, code in (("nobody_close", "cirkel1_leeg"), ("carries_most", "rust_op_een"),
                       ("one_sector", "een_groep")):
        if kind in kinds:
            codes.append(code)
    if "only_professionals" in kinds and kinds["only_professionals"].params["count"] >= 2:
        codes.append("een_groep")
    if net.get("ties_asked") and "no_ties" in kinds:
        codes.append("kennen_elkaar_niet")
    if "gives_nothing" in kinds:
        codes.append("geeft_niet")
    return codes


def totals(participants: Iterable[GroupParticipant],
           sectors: Iterable[str] = schema.SECTORS) -> Totals:
    """The anonymous totals of a group.

    Examples
    --------
    >>> from sns.groups.maps import add_person, empty_network, set_support
    >>> class P:  # a participant with just a network
    ...     def __init__(self, n): self.network, self.step, self.wants_coach = n, 5, False
    >>> nets = []
    >>> for size in (2, 3, 7):
    ...     net = empty_network()
    ...     for i in range(size):
    ...         _ = add_person(net, f"X{i}", 1, None)
    ...     set_support(net, {1: ["nood"]})
    ...     nets.append(P(net))
    >>> t = totals(nets)
    >>> t.participants, t.size_min, t.size_median, t.size_max
    (3, 2, 3, 7)
    >>> t.per_kind["nood"], t.per_kind["praktisch"]
    ({'nobody': 0, 'one': 3}, {'nobody': 3, 'one': 0})
    """
    sectors = tuple(sectors)
    people = list(participants)
    maps = [p.network for p in people if p.network and p.network.get("people")]
    if len(maps) < MIN_GROUP:
        return Totals(participants=len(people), with_map=len(maps), shown=False)
    sizes = sorted(len(net["people"]) for net in maps)
    bins = [
        (lo, hi, sum(1 for n in sizes if n >= lo and (hi is None or n <= hi)))
        for lo, hi in SIZE_BINS
    ]
    gap_count: Counter[str] = Counter()
    for net in maps:
        gap_count.update(set(gaps_of(net, sectors)))
    per_kind = {
        kind: {"nobody": gap_count[f"niemand:{kind}"], "one": gap_count[f"een:{kind}"]}
        for kind in schema.SUPPORT_KINDS
    }
    order = {code: i for i, code in enumerate(GAP_CODES)}
    common = sorted(gap_count.items(), key=lambda item: (-item[1], order.get(item[0], 99)))
    median = statistics.median(sizes)
    return Totals(
        participants=len(people),
        with_map=len(maps),
        shown=True,
        finished=sum(1 for p in people if p.step == STEP_RESULT),
        asked_coach=sum(1 for p in people if p.wants_coach),
        size_min=sizes[0],
        size_median=int(median) if median == int(median) else median,
        size_max=sizes[-1],
        size_bins=bins,
        per_kind=per_kind,
        gaps=common[:TOP_GAPS],
    )
