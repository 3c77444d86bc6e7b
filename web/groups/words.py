"""Words for the group session pages: the steps, the choices, and the facilitator's totals."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from sns import groups

#: The question of each step, as the participant reads it (one question per page).
STEP_TITLES = {
    groups.STEP_PEOPLE: _l("Wie staan er dicht bij u?"),
    groups.STEP_SUPPORT: _l("Wie helpt u waarmee?"),
    groups.STEP_GIVES: _l("Voor wie doet u zelf iets?"),
    groups.STEP_TIES: _l("Wie kennen elkaar?"),
    groups.STEP_RESULT: _l("Uw netwerk"),
}

#: How close someone is, in plain words.
CIRCLE_WORDS = {
    1: _l("Heel dichtbij"),
    2: _l("Dichtbij"),
    3: _l("Wat verder weg"),
}

#: A kind of support with a short example, for the checkboxes of step 2.
SUPPORT_CHOICES = {
    "praktisch": (_l("Praktische hulp"), _l("klusjes, boodschappen, vervoer")),
    "emotioneel": (_l("Een luisterend oor"), _l("praten als u ergens mee zit")),
    "advies": (_l("Advies"), _l("raad vragen, meedenken")),
    "gezelschap": (_l("Gezelschap"), _l("samen iets doen, op bezoek")),
    "nood": (_l("Hulp in nood"), _l("bellen als er iets gebeurt")),
}

#: A kind of support after "voor" in the facilitator's totals.
SUPPORT_WORDS = {
    "praktisch": _l("praktische hulp"),
    "emotioneel": _l("een luisterend oor"),
    "advies": _l("advies"),
    "gezelschap": _l("gezelschap"),
    "nood": _l("hulp in nood"),
}

_GAPS = {
    "cirkel1_leeg": _l("Niemand in de binnenste cirkel"),
    "rust_op_een": _l("De helft of meer van de hulp komt van één persoon"),
    "een_groep": _l("Alle mensen komen uit één groep (bijvoorbeeld alleen familie)"),
    "kennen_elkaar_niet": _l("De mensen op de kaart kennen elkaar niet"),
    "geeft_niet": _l("De hulp gaat nog niet over en weer"),
}


def gap_label(code: str) -> str:
    """The facilitator's words for a gap code of :func:`sns.groups.gaps_of`."""
    kind_part, _sep, kind = code.partition(":")
    if kind in SUPPORT_WORDS:
        word = SUPPORT_WORDS[kind]
        if kind_part == "niemand":
            return _l("Nog niemand voor %(kind)s", kind=word)
        return _l("Maar één persoon voor %(kind)s", kind=word)
    return _GAPS.get(code, code)


def size_bin_label(low: int, high: int | None) -> str:
    if high is None:
        return _l("%(low)s of meer", low=low)
    return _l("%(low)s tot en met %(high)s", low=low, high=high)


def show_code(code: str | None) -> str:
    """A join code as shown on the screen: two groups of three ("K7M 4PX")."""
    return f"{code[:3]} {code[3:]}" if code else ""
