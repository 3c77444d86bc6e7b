"""Words for the codes of graph.schema, as coach and resident read them (translated)."""

from __future__ import annotations

from datetime import date

from flask import Flask, current_app
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from sns.plan.dates import day_text
from sns.residents.life_domains import QUESTIONS as LIFE_DOMAIN_QUESTIONS

PHASE_LABELS = {
    "verkenning": _l("Netwerkverkenning"),
    "netwerkberaad": _l("Netwerkberaad"),
    "actieteam": _l("Actieteam"),
    "evaluatie": _l("Evaluatie"),
    "afgesloten": _l("Afgesloten"),
    "onderhoud": _l("Onderhoud"),
}
MOVE_LABELS = {
    "verder": _l("Verder naar"),
    "terug": _l("Terug naar"),
    "heropenen": _l("Heropenen:"),
    "onderhoud": _l("Lichte nazorg:"),
}
STATUS_LABELS = {
    "open": _l("Nog te doen"),
    "bezig": _l("Bezig"),
    "gedaan": _l("Gedaan"),
    "gestopt": _l("Gestopt"),
}
SECTOR_LABELS = {
    "familie": _l("Familie"),
    "vrienden": _l("Vrienden"),
    "buren": _l("Buren"),
    "werk_school_club": _l("Werk, school, club"),
    "professionals": _l("Hulpverleners"),
    None: _l("Onbekend"),
}
#: Schuilnamen (the resident's view for a team meeting): what a member of each sector is
#: called there, with a number ("Familielid 1"); another sector is called by its label.
PSEUDONYM_LABELS = {
    "familie": _l("Familielid"),
    "vrienden": _l("Vriend"),
    "buren": _l("Buur"),
    "werk_school_club": _l("Kennis"),
    "professionals": _l("Hulpverlener"),
}
CIRCLE_LABELS = {
    None: _l("Onbekend"),
    1: _l("1 · heel dichtbij"),
    2: _l("2 · dichtbij"),
    3: _l("3 · verder weg"),
}
SUPPORT_LABELS = {
    "praktisch": _l("Praktische hulp"),
    "emotioneel": _l("Een luisterend oor"),
    "advies": _l("Advies"),
    "gezelschap": _l("Gezelschap"),
    "nood": _l("Hulp in nood"),
}
# "Onbekend" first: a form left as it is records nothing rather than a guess.
#: One plain question per kind of support and direction, asked for everybody at once (the
#: question panel beside the map): first who helps the resident, then whom the resident helps.
SUPPORT_QUESTIONS = {
    ("support", "praktisch"): _l("Wie helpt u met boodschappen of klusjes?"),
    ("support", "emotioneel"): _l("Met wie praat u als u ergens mee zit?"),
    ("support", "advies"): _l("Aan wie vraagt u raad als u iets moet beslissen?"),
    ("support", "gezelschap"): _l("Met wie doet u leuke dingen samen?"),
    ("support", "nood"): _l("Wie kunt u bellen als er iets mis is?"),
    ("gives", "praktisch"): _l("Voor wie doet u zelf boodschappen of klusjes?"),
    ("gives", "emotioneel"): _l("Wie praat met u als die ergens mee zit?"),
    ("gives", "advies"): _l("Wie komt bij u voor advies?"),
    ("gives", "gezelschap"): _l("Bij wie gaat u langs voor een praatje of een kop koffie?"),
    ("gives", "nood"): _l("Wie kan op u rekenen als er iets mis is?"),
}
QUALITY_LABELS = {
    None: _l("Onbekend"),
    "goed": _l("Goed"),
    "wisselend": _l("Wisselend"),
    "gespannen": _l("Gespannen of verbroken"),
}
FREQUENCY_LABELS = {
    None: _l("Onbekend"),
    "dagelijks": _l("Elke dag"),
    "wekelijks": _l("Elke week"),
    "maandelijks": _l("Elke maand"),
    "zelden": _l("Zelden"),
}
# "In het leven van nu" first: a member is a person in the resident's life unless said so.
STATE_LABELS = {
    None: _l("In het leven van nu"),
    "overleden": _l("Overleden"),
    "geen_contact": _l("Geen contact meer"),
    "vroeger": _l("Vroeger"),
    "huisdier": _l("Huisdier / geen mens"),
}
RECIPROCAL_LABELS = {True: _l("Ja, over en weer"), False: _l("Nee"), None: _l("Onbekend")}
DETAIL_LABELS = {
    "sector": _l("Sector"),
    "circle": _l("Cirkel"),
    "support": _l("Helpt met"),
    "reciprocal": _l("Over en weer"),
    "frequency": _l("Contact"),
    "quality": _l("Relatie"),
    "willing": _l("Wil graag"),
    "talents": _l("Talenten"),
    "gives": _l("U helpt met"),
    "state": _l("Staat op de kaart als"),
}


def sectors() -> tuple[str, ...]:
    """The sector codes this installation uses (``SECTORS`` in the config)."""
    return tuple(current_app.config["SECTORS"])


def sector_labels() -> dict:
    """Labels for the configured sectors, "Onbekend" first (a form left as it is records no
    guess); a custom code without a label shows as itself."""
    return {code: SECTOR_LABELS.get(code, code) for code in (None, *sectors())}


def translated(mapping: dict) -> dict:
    """``mapping`` with its words translated now, for a page that shows them once per row
    (a lazy word is looked up again each time it is shown)."""
    return {code: str(word) for code, word in mapping.items()}


def label(code, mapping: dict):
    """Template filter: the word for ``code`` in ``mapping``, or the code itself."""
    return mapping.get(code, code)


def day(value: date | None) -> str:
    """Template filter: a date the way the plan writes it everywhere ("1 dec 2026")."""
    return day_text(value, str(get_locale() or "nl")) if value else ""


def init_app(app: Flask) -> None:
    app.jinja_env.filters["label"] = label
    app.jinja_env.filters["day"] = day
    app.jinja_env.globals.update(
        sector_labels=sector_labels,
        translated=translated,
        phase_labels=PHASE_LABELS,
        move_labels=MOVE_LABELS,
        status_labels=STATUS_LABELS,
        circle_labels=CIRCLE_LABELS,
        support_labels=SUPPORT_LABELS,
        state_labels=STATE_LABELS,
        quality_labels=QUALITY_LABELS,
        frequency_labels=FREQUENCY_LABELS,
        reciprocal_labels=RECIPROCAL_LABELS,
        life_domain_questions=LIFE_DOMAIN_QUESTIONS,
    )
