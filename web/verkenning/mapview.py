"""The interactive netwerkkaart's data: the graph.map.payload payload with translated words."""

from __future__ import annotations

import networkx as nx
from flask_babel import gettext as _
from markupsafe import Markup

from graph.map import layout, style, svg
from graph.map import payload as render
from graph.map.pseudonyms import pseudonymised
from web.core import labels

#: The placement of the resident's view: the one with the largest names for the rings
#: (the phone's), so the names are at least 20 px on a laptop and 16 px on a tablet there.
RESIDENT_TARGET = "screen-390"


def map_payload(G: nx.Graph, target: str = "screen-1280") -> dict:
    """Nodes, edges and the rings-and-wedges frame, as plain JSON-able data, placed for
    ``target`` (see :data:`graph.map.placement.TARGETS`)."""
    return render.map_payload(
        G,
        sectors=labels.sectors(),
        sector_labels=labels.translated(labels.sector_labels()),
        circle_labels=labels.translated(labels.CIRCLE_LABELS),
        quality_labels=labels.translated(labels.QUALITY_LABELS),
        support_labels=labels.translated(labels.SUPPORT_LABELS),
        frequency_labels=labels.translated(labels.FREQUENCY_LABELS),
        detail_labels=labels.translated(labels.DETAIL_LABELS),
        target=target,
        state_labels=labels.translated(labels.STATE_LABELS),
        # shown only where no kind is recorded: a yes from before the kinds were asked
        reciprocal_labels={True: _("Ja, soort onbekend"), False: _("Nee")},
    )


def with_pseudonyms(G: nx.Graph) -> nx.Graph:
    """``G`` with a role word and a number for every name ("Familielid 1", the resident
    "Bewoner") and no free text, for the resident's view with schuilnamen."""
    sector_words = labels.sector_labels()
    words = {code: str(labels.PSEUDONYM_LABELS.get(code, sector_words[code]))
             for code in labels.sectors()}
    return pseudonymised(G, words, resident=_("Bewoner"), unknown=_("Iemand"))


def drop_cell(G: nx.Graph, x: float, y: float) -> tuple[int | None, str | None] | None:
    """The (circle, sector) where a member was dropped, on the frame the page drew."""
    return layout.frame(G, sectors=labels.sectors()).locate(x, y)


def legend() -> dict:
    """What the map's shapes and line styles mean, for the legend beside it: each sector's
    shape as the printed legend draws it (outlined, an unknown sector's dashed), each
    quality's line, and how a member who died, lost contact, is from earlier or is a pet is
    drawn apart."""
    sector_words = labels.sector_labels()
    return {
        "sectors": [(str(sector_words[code]),
                     Markup(svg.legend_shape(shape, None, dashed=code is None)))  # noqa: S704
                    for code, shape in style.sector_shapes(labels.sectors()).items()],
        "lines": [(str(word), style.edge_style(code))
                  for code, word in labels.QUALITY_LABELS.items()],
        "states": [(str(labels.STATE_LABELS[code]),
                    Markup(svg.legend_state(code)))  # noqa: S704
                   for code in style.STATE_STYLES],
    }


def where_message(name: str, sector: str | None, circle: int | None) -> str:
    """Where a person landed on the map, for the message next to the form that put them
    there: "Kees staat bij Familie, in cirkel 2." An unknown sector or circle is said too,
    so the coach knows what is still open."""
    if sector is None and circle is None:
        return _("%(name)s staat op de kaart. Kies nog een sector en een cirkel: nu staat "
                 "%(name)s bij ‘Onbekend’.", name=name)
    if circle is None:
        return _("%(name)s staat bij %(sector)s, in de buitenste ring: kies nog een cirkel.",
                 name=name, sector=labels.sector_labels().get(sector, sector))
    if sector is None:
        return _("%(name)s staat in cirkel %(circle)s, bij ‘Onbekend’: kies nog een sector.",
                 name=name, circle=circle)
    return _("%(name)s staat bij %(sector)s, in cirkel %(circle)s.",
             name=name, sector=labels.sector_labels().get(sector, sector), circle=circle)
