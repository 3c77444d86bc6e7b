"""How an invitation greets someone: their first name, never the label on the map.

A map label is often a role with a name ("Buurvrouw Els", "Tante Riet", "Els (buurvrouw)")
or only a role ("Huisarts"). The greeting drops the role words and anything in brackets and
takes the first word left; with only a role there is no first name, and the coach is asked
for one instead of the letter saying "Beste Huisarts".
"""

from __future__ import annotations

import re

#: Words that say what someone is to the resident, not what they are called (lower case).
ROLE_WORDS = frozenset("""
    buurvrouw buurman buren buurmeisje buurjongen overbuurvrouw overbuurman
    moeder vader mama papa mam pap ma pa oma opa tante oom neef nicht zus zuster broer
    zoon dochter kleinzoon kleindochter schoonzus schoonbroer zwager schoonmoeder
    schoonvader schoonzoon schoondochter stiefmoeder stiefvader partner vriend vriendin
    collega baas juf meester trainer coach buurtcoach kapper kapster pastor dominee
    imam huisarts dokter arts tandarts verpleegkundige wijkverpleegkundige thuiszorg
    mantelzorger vrijwilliger maatje bewindvoerder schuldhulp begeleider praktijkondersteuner
    fysiotherapeut mevrouw meneer mevr dhr mw de het van der den
""".split())

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def first_name(label: str | None) -> str | None:
    """The first name in a map label, or None when it holds only a role.

    >>> [first_name(x) for x in ("Buurvrouw Els", "Els (buurvrouw)", "Jan van Dijk",
    ...                          "Huisarts", "tante riet", "  ", None)]
    ['Els', 'Els', 'Jan', None, 'Riet', None, None]
    """
    text = _BRACKETS.sub(" ", label or "")
    for word in _WORD.findall(text):
        if word.lower().rstrip(".") not in ROLE_WORDS:
            return word[0].upper() + word[1:]
    return None
