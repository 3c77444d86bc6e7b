"""Words for the import preview: our fields and how the resident was found, in plain Dutch
(translated through Flask-Babel)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

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
