"""Results kept for a while by the key of what they were made from: bounded, and safe to
share between a server's threads.

Two costs are paid again and again for the same input: placing the labels of a map
(:mod:`graph.map.placement`, every view of the map page while the network stays the same) and
rendering a PDF (:mod:`web.printing.cache`, printing again at the kitchen table). Both keep
their results here. The key must hold everything the result depends on, so nothing has to be
invalidated. What is kept holds residents' names: it is bounded in total (a count or bytes)
and in age, so nothing personal stays in a server's memory for long.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class Recent(Generic[V]):
    """Values by key: at most ``max_weight`` in total (a value weighs ``weight(value)``, one
    by default), the least recently used out first, and none older than ``max_age`` seconds.

    Examples
    --------
    >>> kept = Recent(max_weight=2, max_age=60)
    >>> kept.keep("a", 1), kept.keep("b", 2), kept.keep("c", 3)
    (1, 2, 3)
    >>> kept.get("a"), kept.get("c")
    (None, 3)
    """

    def __init__(self, max_weight: float, max_age: float,
                 weight: Callable[[V], float] = lambda value: 1,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.max_weight, self.max_age = max_weight, max_age
        self._weight, self._clock = weight, clock
        self._entries: OrderedDict[Hashable, tuple[float, V]] = OrderedDict()
        self._total = 0.0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        """The value kept for ``key``, or ``None``."""
        with self._lock:
            self._expire(self._clock())
            entry = self._entries.get(key)
            if entry is None:
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def keep(self, key: Hashable, value: V) -> V:
        """Keep ``value`` for ``key`` (unless it alone weighs more than the bound)."""
        weight = self._weight(value)
        with self._lock:
            self._expire(self._clock())
            if key in self._entries or weight > self.max_weight:
                return value
            self._entries[key] = (self._clock(), value)
            self._total += weight
            while self._total > self.max_weight:
                _, (_, old) = self._entries.popitem(last=False)
                self._total -= self._weight(old)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._total = 0.0

    def _expire(self, now: float) -> None:
        while self._entries:
            key, (made, value) = next(iter(self._entries.items()))
            if now - made <= self.max_age:
                break
            del self._entries[key]
            self._total -= self._weight(value)
