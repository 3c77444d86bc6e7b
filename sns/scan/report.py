"""The strength scan as a plain-text report for the command line (``sns scan``).

Written in Dutch and translated like the app (``sns.i18n.translations``), without Flask.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping

from graph.metrics import Scan
from graph.schema import SUPPORT_KINDS
from sns.i18n import N_, translations

__all__ = ["format_report", "resident_line"]

_LABEL_WIDTH = 24


def format_report(
    name: str | None,
    scan: Scan,
    findings: Iterable[str],
    *,
    names: Mapping[Hashable, str] | None = None,
    file_ego: tuple[Hashable | None, str | None] | None = None,
    lang: str = "nl",
) -> str:
    """Return a readable report: a title, the findings as bullets, the key figures.

    Parameters
    ----------
    name : str or None
        The resident's name or pseudonym (``None``: unknown, e.g. a file without one).
    scan : Scan
        The result of :func:`graph.metrics.scan`.
    findings : iterable of str
        The findings in words (:func:`sns.scan.words.phrase_all`), in ``lang``.
    names : mapping, optional
        Member node -> name, so the table shows names instead of node ids.
    file_ego : (node, rule), optional
        For a network read from a file: the file's node taken as the resident and the rule
        that found it (``graph.files.graphml.EGO_RULES``), or ``(None, "none")``; the report
        names it.
    lang : {"nl", "en"}
        The language of the labels; decimals get a comma in Dutch, a point in English.

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
    >>> print(format_report(None, scan(G), [], lang="en"))  # doctest: +ELLIPSIS
    Network scan (resident without a name)
    ...
      Network members         1 (informal 1, professional 0)
    ...
    """
    _ = translations(lang).gettext
    names = names or {}
    nobody, none = _("niemand"), _("geen")
    comma = "," if lang == "nl" else "."

    def who(node: Hashable) -> str:
        return names.get(node) or str(node)

    def people(nodes: Iterable[Hashable], empty: str = nobody) -> str:
        listed = [who(n) for n in nodes]
        return ", ".join(listed) if listed else empty

    def number(value: float | None, digits: int = 2) -> str:
        return "-" if value is None else f"{value:.{digits}f}".replace(".", comma)

    def unknown(count: int) -> str:
        return _(", onbekend: %(count)s") % {"count": count} if count else ""

    title = (_("Netwerkscan van %(name)s") % {"name": name} if name
             else _("Netwerkscan (bewoner zonder naam)"))
    lines = [title, "=" * len(title), ""]
    if file_ego is not None:
        lines += [resident_line(*file_ego, lang=lang), ""]
    lines.append(_("Bevindingen"))
    lines += [f"- {line}" for line in findings] or [_("- (geen)")]
    lines += ["", _("Kerngetallen")]

    def row(label: str, value: str, indent: int = 2) -> None:
        width = _LABEL_WIDTH - (indent - 2)
        lines.append(f"{' ' * indent}{label:<{width}}{value}".rstrip())

    size = scan.size
    row(_("Netwerkleden"), _("%(total)s (informeel %(informal)s, professioneel "
                             "%(professional)s)") % {"total": size.total,
                                                     "informal": size.informal,
                                                     "professional": size.professional})
    circles = ", ".join(f"{c}: {n}" for c, n in size.per_circle.items())
    row(_("Per cirkel"), circles + unknown(size.unknown_circle))
    sectors = ", ".join(f"{s} {n}" for s, n in size.per_sector.items())
    row(_("Per sector"), sectors + unknown(size.unknown_sector))

    support = scan.support
    row(_("Steun"), _("soort: aantal gevers"))
    for kind in SUPPORT_KINDS:
        givers = support.givers.get(kind, ())
        row(kind, f"{len(givers)}  {people(givers)}", indent=4)

    load = scan.load
    if load.busiest:
        values = {"names": people(load.busiest), "count": load.busiest_load,
                  "total": load.total, "share": _percent(load.share)}
        row(_("Draaglast"), (
            _("%(names)s draagt %(count)s van de %(total)s vormen van steun (%(share)s)")
            if len(load.busiest) == 1 else
            _("%(names)s dragen elk %(count)s van de %(total)s vormen van steun (%(share)s)")
        ) % values)
    else:
        row(_("Draaglast"), _("niemand geeft steun"))

    rec = scan.reciprocity
    row(_("Wederkerig"), _("%(count)s van %(known)s bekend (%(share)s)") % {
        "count": len(rec.reciprocal), "known": rec.known, "share": _percent(rec.share)}
        + unknown(rec.unknown))
    given = ", ".join(f"{kind} {len(nodes)}" for kind, nodes in rec.given.items() if nodes)
    if given:
        row(_("Bewoner geeft"), given, indent=4)

    apart = scan.apart
    if apart.total:
        row(_("Niet meegeteld"), ", ".join(
            f"{state} {len(nodes)}" for state, nodes in apart.per_state.items() if nodes))

    coh = scan.cohesion
    row(_("Dichtheid"), _("%(density)s (%(ties)s verbindingen tussen leden)") % {
        "density": number(coh.density), "ties": coh.ties})
    multi = [g for g in coh.groups if len(g) > 1]
    row(_("Groepen"), _("%(count)s (waarvan %(alone)s losse leden)") % {
        "count": coh.group_count, "alone": len(coh.isolated)})
    for i, group in enumerate(multi, 1):
        row(_("groep %(number)s") % {"number": i}, people(group), indent=4)
    row(_("Losse leden"), people(coh.isolated, none))

    brokers = ", ".join(f"{who(n)} ({number(score)})" for n, score in scan.brokers.top)
    estimate = "" if scan.brokers.exact else _(" (geschat)")
    row(_("Bruggenbouwers"), (brokers or none) + estimate)

    holes = scan.structural_holes
    row(_("Effectieve omvang"), _("%(size)s (efficiëntie %(efficiency)s)") % {
        "size": number(holes.effective_size, 1), "efficiency": number(holes.efficiency)})
    row(_("Beperking (constraint)"), number(holes.constraint))
    row(_("Diversiteit"), _("%(iqv)s (0 = één sector, 1 = gelijk verdeeld)") % {
        "iqv": number(scan.diversity)})
    entropy = scan.entropy
    row(_("Entropie"), _("%(bits)s bits (gelijkmatig %(evenness)s)") % {
        "bits": number(entropy.bits), "evenness": number(entropy.evenness)})
    ei = scan.ei_index
    row(_("E-I-index sectoren"), _("%(raw)s (herschaald %(rescaled)s; %(external)s tussen, "
                                   "%(internal)s binnen sectoren)") % {
        "raw": number(ei.raw), "rescaled": number(ei.rescaled), "external": ei.external,
        "internal": ei.internal})
    informal = scan.informal
    row(_("Informeel"), _("%(members)s van %(known)s leden (%(share)s), %(support)s van "
                          "%(support_known)s vormen van steun (%(support_share)s)") % {
        "members": informal.members, "known": informal.known,
        "share": _percent(informal.share), "support": informal.support,
        "support_known": informal.support_known,
        "support_share": _percent(informal.support_share)})

    strain = scan.strain
    ties = ", ".join(_("%(first)s en %(second)s") % {"first": who(a), "second": who(b)}
                     for a, b in strain.ties)
    row(_("Spanning"), _("met bewoner: %(ego)s; tussen leden: %(ties)s") % {
        "ego": people(strain.ego), "ties": ties or none})
    return "\n".join(lines)


_RULES = {
    "kind": 'kind="ego"',
    "id": 'id "ego"',
    "name": 'naam "ego"',
    "label": 'label "ego"',
    "chosen": N_("zo gekozen"),
}


def resident_line(node: Hashable | None, rule: str | None, *, lang: str = "nl") -> str:
    """Which node of a file was taken as the resident, in one sentence.

    Examples
    --------
    >>> print(resident_line("p7", "kind"))
    Als bewoner genomen: knoop 'p7' (kind="ego").
    >>> print(resident_line(None, "none"))
    Geen bewoner gevonden in het bestand: de relatie van elk lid met de bewoner is onbekend.
    """
    _ = translations(lang).gettext
    if node is None:
        return _("Geen bewoner gevonden in het bestand: de relatie van elk lid met de bewoner "
                 "is onbekend.")
    return _("Als bewoner genomen: knoop '%(node)s' (%(rule)s).") % {
        "node": node, "rule": _(_RULES.get(rule or "", rule or ""))}


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)}%"
