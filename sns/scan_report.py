"""The strength scan as a plain-text report for the command line (``sns scan``)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping

from graph.metrics import Scan
from graph.schema import SUPPORT_KINDS

__all__ = ["format_report"]

_LABEL_WIDTH = 24


def format_report(
    name: str | None,
    scan: Scan,
    findings: Iterable[str],
    *,
    names: Mapping[Hashable, str] | None = None,
) -> str:
    """Return a readable Dutch report: a title, the findings as bullets, the key figures.

    Parameters
    ----------
    name : str or None
        The resident's name or pseudonym (``None``: unknown, e.g. a file without one).
    scan : Scan
        The result of :func:`graph.metrics.scan`.
    findings : iterable of str
        The findings in words (:func:`sns.scan_words.phrase_all`), in any language.
    names : mapping, optional
        Member node -> name, so the table shows names instead of node ids.

    Examples
    --------
    >>> from graph.metrics import scan
    >>> from graph.schema import new_network, add_member
    >>> G = new_network("Riek")
    >>> add_member(G, "m1", name="Ans", sector="familie", circle=1, support=("nood",))
    >>> print(format_report("Riek", scan(G), ["Er staat 1 persoon op uw kaart: Ans."],
    ...                     names={"m1": "Ans"}))  # doctest: +ELLIPSIS
    Netwerkscan van Riek
    ====================
    <BLANKLINE>
    Bevindingen
    - Er staat 1 persoon op uw kaart: Ans.
    <BLANKLINE>
    Kerngetallen
      Netwerkleden            1 (informeel 1, professioneel 0)
      Per cirkel              1: 1, 2: 0, 3: 0
    ...
        nood                  1  Ans
      Draaglast               Ans draagt 1 van de 1 vormen van steun (100%)
      Wederkerig              0 van 0 bekend (-), onbekend: 1
    ...
      Spanning                met bewoner: niemand; tussen leden: geen
    """
    names = names or {}

    def who(node: Hashable) -> str:
        return names.get(node) or str(node)

    def people(nodes: Iterable[Hashable], empty: str = "niemand") -> str:
        listed = [who(n) for n in nodes]
        return ", ".join(listed) if listed else empty

    title = f"Netwerkscan van {name}" if name else "Netwerkscan (bewoner zonder naam)"
    lines = [title, "=" * len(title), "", "Bevindingen"]
    lines += [f"- {line}" for line in findings] or ["- (geen)"]
    lines += ["", "Kerngetallen"]

    def row(label: str, value: str, indent: int = 2) -> None:
        width = _LABEL_WIDTH - (indent - 2)
        lines.append(f"{' ' * indent}{label:<{width}}{value}".rstrip())

    size = scan.size
    row("Netwerkleden", f"{size.total} (informeel {size.informal}, "
        f"professioneel {size.professional})")
    circles = ", ".join(f"{c}: {n}" for c, n in size.per_circle.items())
    row("Per cirkel", circles + _unknown(size.unknown_circle))
    sectors = ", ".join(f"{s} {n}" for s, n in size.per_sector.items())
    row("Per sector", sectors + _unknown(size.unknown_sector))

    support = scan.support
    row("Steun", "soort: aantal gevers")
    for kind in SUPPORT_KINDS:
        givers = support.givers.get(kind, ())
        row(kind, f"{len(givers)}  {people(givers)}", indent=4)

    load = scan.load
    if load.busiest:
        verb = "draagt" if len(load.busiest) == 1 else "dragen elk"
        row("Draaglast", f"{people(load.busiest)} {verb} {load.busiest_load} van de "
            f"{load.total} vormen van steun ({_percent(load.share)})")
    else:
        row("Draaglast", "niemand geeft steun")

    rec = scan.reciprocity
    row("Wederkerig", f"{len(rec.reciprocal)} van {rec.known} bekend "
        f"({_percent(rec.share)}){_unknown(rec.unknown)}")

    coh = scan.cohesion
    row("Dichtheid", f"{_number(coh.density)} ({coh.ties} verbindingen tussen leden)")
    multi = [g for g in coh.groups if len(g) > 1]
    row("Groepen", f"{coh.group_count} (waarvan {len(coh.isolated)} losse leden)")
    for i, group in enumerate(multi, 1):
        row(f"groep {i}", people(group), indent=4)
    row("Losse leden", people(coh.isolated, "geen"))

    brokers = ", ".join(f"{who(n)} ({_number(score)})" for n, score in scan.brokers.top)
    estimate = "" if scan.brokers.exact else " (geschat)"
    row("Bruggenbouwers", (brokers or "geen") + estimate)

    holes = scan.structural_holes
    row("Effectieve omvang", f"{_number(holes.effective_size, 1)} "
        f"(efficiëntie {_number(holes.efficiency)})")
    row("Beperking (constraint)", _number(holes.constraint))
    row("Diversiteit", f"{_number(scan.diversity)} (0 = één sector, 1 = gelijk verdeeld)")
    entropy = scan.entropy
    row("Entropie", f"{_number(entropy.bits)} bits (gelijkmatig {_number(entropy.evenness)})")
    ei = scan.ei_index
    row("E-I-index sectoren", f"{_number(ei.raw)} (herschaald {_number(ei.rescaled)}; "
        f"{ei.external} tussen, {ei.internal} binnen sectoren)")
    informal = scan.informal
    row("Informeel", f"{informal.members} van {informal.known} leden "
        f"({_percent(informal.share)}), {informal.support} van {informal.support_known} "
        f"vormen van steun ({_percent(informal.support_share)})")

    strain = scan.strain
    ties = ", ".join(f"{who(a)} en {who(b)}" for a, b in strain.ties)
    row("Spanning", f"met bewoner: {people(strain.ego, 'niemand')}; "
        f"tussen leden: {ties or 'geen'}")
    return "\n".join(lines)


def _unknown(count: int) -> str:
    return f", onbekend: {count}" if count else ""


def _number(value: float | None, digits: int = 2) -> str:
    """A decimal with a comma, as Dutch readers expect; a dash when undefined."""
    return "-" if value is None else f"{value:.{digits}f}".replace(".", ",")


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)}%"
