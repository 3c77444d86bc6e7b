"""How an invitation greets someone: what the coach typed, else what the map label says.

A map label is often a role with a name ("Buurvrouw Els", "Meneer en mevrouw de Boer",
"Els (buurvrouw)") or only a role ("Huisarts"). The suggestion is read from the label by
:func:`graph.names.salutation` ("Els", "meneer en mevrouw De Boer"); when it cannot be made
without guessing (only a role, only a surname) there is none, and the coach is asked for
the greeting instead of the letter saying "Beste Huisarts".
"""

from __future__ import annotations

from graph.names import salutation as suggestion

__all__ = ["greeting", "suggestion"]


def greeting(label: str | None, typed: str | None) -> str | None:
    """The greeting after "Beste": the invitee's salutation as the coach typed it, else the
    suggestion from their map label, else None (the pages then ask for one).

    >>> greeting("Dominee Van Dam", None), greeting("Dominee Van Dam", "Jaap")
    ('dominee Van Dam', 'Jaap')
    >>> greeting("Huisarts", "  ") is None
    True
    """
    return (typed or "").strip() or suggestion(label)
