"""Work that several measures of one scan need, done once per scan (private).

Every measure is a function of the graph alone, so each can be called on its own. Run one
after the other by :func:`graph.metrics.scan`, six of them listed the members in natural
id order, read each member's relation with the resident and looked up each member's sector
again, and two built the members-only adjacency: a third of a scan of 2,000 members. Inside
:func:`shared_work` a function marked :func:`once_per_scan` is computed once per graph and
its answer handed to every measure that asks; outside it, it is computed on every call.

The answers are shared, so the measures only read them. The graph must not change inside
:func:`shared_work` (the scan never changes it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, TypeVar

import networkx as nx

__all__ = ["once_per_scan", "shared_work"]

T = TypeVar("T")

#: ``{(function, id of the graph): (the graph, the answer)}`` inside :func:`shared_work`.
_Answers = dict[tuple[Callable[..., Any], int], tuple[nx.Graph, Any]]
_answers: ContextVar[_Answers | None] = ContextVar("scan_answers", default=None)


@contextmanager
def shared_work() -> Iterator[None]:
    """Within this block, every :func:`once_per_scan` function runs once per graph.

    The answers are dropped at the end of the block; a nested block shares the outer one's.
    Each thread (each request) has its own.
    """
    if _answers.get() is not None:
        yield
        return
    token = _answers.set({})
    try:
        yield
    finally:
        _answers.reset(token)


def once_per_scan(func: Callable[[nx.Graph], T]) -> Callable[[nx.Graph], T]:
    """Mark ``func(G)`` as shared work: within :func:`shared_work`, computed once per graph.

    >>> calls = []
    >>> @once_per_scan
    ... def count(G):
    ...     calls.append(1)
    ...     return len(G)
    >>> G = nx.path_graph(3)
    >>> with shared_work():
    ...     count(G), count(G)
    (3, 3)
    >>> count(G), len(calls)
    (3, 2)
    """

    @wraps(func)
    def shared(G: nx.Graph) -> T:
        answers = _answers.get()
        if answers is None:
            return func(G)
        key = (func, id(G))
        if key not in answers:
            # Keeping G with its answer keeps it alive to the end of the block, so that no
            # other graph can take its id in the meantime.
            answers[key] = (G, func(G))
        return answers[key][1]

    return shared
