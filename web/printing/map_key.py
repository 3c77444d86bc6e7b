"""The key of a crowded printed map: members get numbers on the map, and sheets after it say
who is who.

Names print at 12 pt or more up to about 30 people on A4 and 60 on A3 (graph.map.placement keeps
every label free); beyond that, or when the names would come out smaller, numbers stay
readable. The key is laid out here, in columns and sheets, and not by
CSS columns: WeasyPrint balances those by laying the text out again and again (8 s for 100
names, against 0.2 s here), and left a sheet with only the introduction on it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import NamedTuple

import networkx as nx

from graph.attributes import circle_of, member_nodes, name_of, sector_of

#: From this many members on, the printed map shows numbers, per paper size (before that
#: too when the names would print under 12 pt: web.printing.documents.map_context).
NUMBERED_FROM = {"a4": 31, "a3": 61}
#: Columns per sheet, and lines of 14 pt per column: on the first sheet (under the
#: introduction) and on the sheets after it. A group's heading takes :data:`HEADING` lines
#: (one more per :data:`NAME_CHARS` characters of a long, configured group name).
COLUMNS = {"a4": 3, "a3": 4}
LINES = {"a4": (22, 25), "a3": (35, 38)}
HEADING = 2
#: Characters of a name on one line of a column (DejaVu Sans 14 pt, ~80 mm after the number).
NAME_CHARS = 24


class Entry(NamedTuple):
    """A line of the key: a group's heading (``number`` None; ``continued`` when the group
    started in an earlier column) or a person with their number."""

    text: str
    number: int | None = None
    continued: bool = False


def numbered(G: nx.Graph, sectors: Sequence[str], words: Mapping) -> tuple[nx.Graph, list]:
    """A copy of ``G`` with members numbered sector by sector (closest first, then by name),
    and the key: ``[(sector word, [(number, name), ...]), ...]`` in the same order."""
    def order(node):
        sector = sector_of(G, node, tuple(sectors))
        rank = sectors.index(sector) if sector is not None else len(sectors)
        return (rank, circle_of(G, node) or 9, name_of(G, node).lower())

    H = G.copy()
    key: list = []
    for number, node in enumerate(sorted(member_nodes(G), key=order), start=1):
        word = str(words.get(sector_of(G, node, tuple(sectors))))
        if not key or key[-1][0] != word:
            key.append((word, []))
        key[-1][1].append((number, name_of(G, node)))
        H.nodes[node]["name"] = str(number)
    return H, key


def sheets(key: list, paper: str) -> list[list[list[Entry]]]:
    """The key on sheets of columns: ``[sheet][column][entry]``. A group's heading never
    stands alone at the foot of a column; a group that goes on in the next column gets its
    heading again there.

    >>> key = [("Familie", [(1, "Ans"), (2, "Kees")]), ("Buren", [(3, "Fatma")])]
    >>> [[e.text for e in column] for column in sheets(key, "a4")[0]]
    [['Familie', 'Ans', 'Kees', 'Buren', 'Fatma']]
    >>> many = [("Familie", [(i, f"Lid {i}") for i in range(1, 71)])]
    >>> layout = sheets(many, "a4")
    >>> [len(sheet) for sheet in layout], layout[0][1][0]
    ([3, 1], Entry(text='Familie', number=None, continued=True))
    """
    first, later = LINES[paper]
    laid: list[list[list[Entry]]] = [[]]
    column: list[Entry] = []
    used = 0
    for word, people in key:
        for i, (number, name) in enumerate(people):
            lines = max(1, math.ceil(len(name) / NAME_CHARS))
            heading = HEADING + len(word) // NAME_CHARS
            room = first if len(laid) == 1 else later
            if column and used + lines + (heading if i == 0 else 0) > room:
                laid[-1].append(column)
                if len(laid[-1]) == COLUMNS[paper]:
                    laid.append([])
                column, used = [], 0
            if i == 0 or not column:
                column.append(Entry(word, continued=i > 0))
                used += heading
            column.append(Entry(name, number))
            used += lines
    if column:
        laid[-1].append(column)
    return [sheet for sheet in laid if sheet]
