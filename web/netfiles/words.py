"""Words for the import preview: our fields, where a field was, why it was left out and how
the resident was found, in plain Dutch (translated through Flask-Babel). The report itself
is data (:class:`graph.files.mapping.FieldUse`)."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from graph.files.mapping import FieldUse

FIELD_LABELS = {
    "name": _l("naam"),
    "sector": _l("sector"),
    "willing": _l("wil graag doen"),
    "talents": _l("talenten"),
    "note": _l("notitie"),
    "can_think_along": _l("kan meedenken"),
    "circle": _l("cirkel"),
    "support": _l("helpt met"),
    "reciprocal": _l("wederkerig"),
    "frequency": _l("contact"),
    "quality": _l("relatie"),
    "gives": _l("de bewoner helpt met"),
    "state": _l("staat op de kaart als"),
}
PLACE_LABELS = {
    "persoon": _l("bij de persoon"),
    "relatie": _l("bij de lijn naar de bewoner"),
    "verbinding": _l("bij een lijn tussen twee mensen"),
    "bewoner": _l("bij de bewoner"),
}
RULE_LABELS = {
    "chosen": _l("door u gekozen"),
    "kind": _l('gemarkeerd met kind="ego"'),
    "id": _l("de persoon met id 'ego'"),
    "name": _l("de persoon met de naam 'ego'"),
    "label": _l("de persoon met het label 'ego'"),
}


def field_label(code: str | None) -> str:
    return str(FIELD_LABELS.get(code, code or ""))


def rule_label(code: str) -> str:
    return str(RULE_LABELS.get(code, code))


def place_label(code: str) -> str:
    return str(PLACE_LABELS.get(code, code))


def use_label(use: FieldUse) -> str:
    """What the field becomes, or why it is left out.

    (A field left out for an unknown reason code is shown as "niet ingelezen".)
    """
    if use.target is not None:
        return field_label(use.target)
    if use.reason == "technical":
        why = _("alleen voor het programma van het bestand")
    elif use.reason == "misfit":
        why = _("'%(value)s' past niet bij %(field)s", value=use.value,
                field=field_label(use.fits))
    elif use.reason == "twice":
        why = _("%(field)s komt al uit een ander veld", field=field_label(use.fits))
    else:
        why = _("sns kent dit veld niet")
    return _("niet ingelezen: %(why)s", why=why)
