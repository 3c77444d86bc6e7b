"""Reading the verkenning's submitted forms into the domain's input types.

Only parsing happens here; the rules (required name, known codes, lengths) live in
sns.network.members and sns.residents.life_domains, so the map, the forms and imports share them.
"""

from __future__ import annotations

import math

from werkzeug.datastructures import MultiDict

from sns.network.members import MemberFields
from sns.residents.life_domains import DomainInput
from web.core.forms import int_or_none, number_or_raw

_YES_NO = {"ja": True, "nee": False}


def member_fields(form: MultiDict) -> MemberFields:
    """The member form: what the resident gives is ticked per kind (``gives``); the yes/no
    ``reciprocal`` is sent only as "nee" (gives nothing) or, for a member recorded before
    the kinds were asked, "ja" (over en weer, kind unknown). Any kind ticked means "ja"."""
    gives = form.getlist("gives")
    return MemberFields(
        name=form.get("name", ""),
        sector=form.get("sector") or None,
        circle=number_or_raw(form.get("circle")),
        support=form.getlist("support"),
        reciprocal=True if gives else _YES_NO.get(form.get("reciprocal", "")),
        frequency=form.get("frequency") or None,
        quality=form.get("quality") or None,
        willing=form.get("willing"),
        talents=form.get("talents"),
        note=form.get("note"),
        can_think_along=form.get("can_think_along") == "ja",
        gives=gives,
        state=form.get("state") or None,
    )


def member_ref(value: str | None) -> int | None:
    """A member id from a map node id (``m12``) or a plain number."""
    value = (value or "").strip()
    return int_or_none(value[1:] if value.startswith("m") else value)


def point(form: MultiDict) -> tuple[float, float] | None:
    """The dropped position on the map, or None when it is not a finite number pair."""
    try:
        x, y = float(form.get("x", "")), float(form.get("y", ""))
    except ValueError:
        return None
    return (x, y) if math.isfinite(x) and math.isfinite(y) else None


def life_domains(form: MultiDict, codes) -> dict[str, DomainInput]:
    return {
        code: DomainInput(
            current=form.get(f"current_{code}"),
            desired=form.get(f"desired_{code}"),
            score=number_or_raw(form.get(f"score_{code}")),
            version=int_or_none(form.get(f"version_{code}")),
        )
        for code in codes
        if f"current_{code}" in form
    }
