"""The set of life domains (leefgebieden) a team works with.

The Big 5 of bestaanszekerheid is the default; a team may configure another set (Enschede's
seven domains, ZRM, ...) as a list of codes and Dutch names.
"""

from __future__ import annotations

from sns.i18n import N_

#: code -> name shown to coach and resident.
BIG_5: dict[str, str] = {
    "steun": N_("Steun en netwerk"),
    "wonen": N_("Wonen"),
    "dagbesteding": N_("Dagbesteding"),
    "financien": N_("Financiën"),
    "gezondheid": N_("Gezondheid"),
}
