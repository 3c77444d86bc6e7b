"""Support by question: the questions of the panel beside the map, in the order they are
asked (who helps the resident with each kind, then whom the resident helps), by the key
that names them in the page's address (``?vraag=praktisch``, ``?vraag=zelf-praktisch``)."""

from __future__ import annotations

from dataclasses import dataclass

from graph.schema import SUPPORT_KINDS
from web.core import labels

#: The address key of a question about support the resident gives starts with this.
GIVES_PREFIX = "zelf-"


@dataclass(frozen=True)
class Question:
    key: str
    direction: str  # "support" (the member gives it) or "gives" (the resident gives it)
    kind: str

    @property
    def text(self) -> str:
        return str(labels.SUPPORT_QUESTIONS[self.direction, self.kind])


ALL: tuple[Question, ...] = tuple(
    Question(f"{prefix}{kind}", direction, kind)
    for direction, prefix in (("support", ""), ("gives", GIVES_PREFIX))
    for kind in SUPPORT_KINDS
)
_BY_KEY = {q.key: q for q in ALL}


def named(key: str | None) -> Question | None:
    """The question with address key ``key``, or None (no question open)."""
    return _BY_KEY.get(key or "")


def after(question: Question) -> Question | None:
    """The next question, or None after the last one."""
    i = ALL.index(question) + 1
    return ALL[i] if i < len(ALL) else None
