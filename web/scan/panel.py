"""The scan panel's data: findings, and support coverage as bars."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from flask_babel import get_translations

from graph import findings, metrics, schema
from graph.attributes import name_of
from sns.scan import words as scan_words
from web.core import labels

BAR_FULL = 5  # this many givers fill the bar: more is not "better" beyond a handful


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    names: str
    fraction: float


def findings_in_words(G: nx.Graph, result: metrics.Scan | None = None) -> list[str]:
    """The findings of ``G`` in the request's language: the one way every page (the
    resident's page, the PDF, the group participant's result) says them."""
    return scan_words.phrase_all(findings.findings(G, result), get_translations())


def strength(G: nx.Graph) -> dict:
    """Findings in plain words and one bar per kind of support."""
    result = metrics.scan(G)
    bars = [
        Bar(
            label=str(labels.SUPPORT_LABELS[kind]),
            count=len(givers),
            names=", ".join(name_of(G, n) for n in givers),
            fraction=min(len(givers), BAR_FULL) / BAR_FULL,
        )
        for kind, givers in ((k, result.support.givers[k]) for k in schema.SUPPORT_KINDS)
    ]
    return {"findings": findings_in_words(G, result), "bars": bars, "scan": result}
