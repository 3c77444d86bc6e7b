"""The strength scan's findings in words: the one catalogue of their sentences.

:func:`graph.findings.findings` says *what* it found (a kind and its parameters); this
module says it the way a coach would at the kitchen table: formal *u*, B1 (short
sentences, everyday words), strengths as they are, gaps as a question or a tip, counts
instead of "more" or "many", never a label ("zwak", "kwetsbaar", ...; see 002:190 in the
domain notes), and people by the name on the map without guessing anyone's gender.

The sentences are Dutch msgids, translated through gettext from the app's catalogue
(``web/translations/<lang>/LC_MESSAGES/messages.po``), so there is one text per sentence
for every place that shows findings:

- in the app, pass Flask-Babel's ``get_translations()`` (the request's language);
- without an app (``sns scan --lang en``), pass :func:`sns.i18n.translations` ``("en")``,
  a plain Babel catalogue loaded from the same directory, so the command line imports
  neither Flask nor the web app.

Examples
--------
>>> from babel.support import NullTranslations
>>> from graph.findings import findings
>>> from graph.schema import new_network, add_member
>>> G = new_network("Riek")
>>> add_member(G, "m1", name="Ans", sector="familie", circle=1, support=("praktisch",))
>>> for line in phrase_all(findings(G), NullTranslations()):
...     print(line)
Er staat 1 persoon op uw kaart: Ans.
Voor een luisterend oor, advies, gezelschap en hulp in nood staat nog niemand op uw kaart. Wie zou u daarvoor kunnen vragen?
Voor praktische hulp kunt u nu alleen bij Ans terecht. Wie zou Ans af en toe kunnen aflossen?
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from graph.findings import Finding
from sns.i18n import N_

__all__ = ["KIND_WORDS", "SECTOR_WORDS", "Translations", "phrase", "phrase_all"]


class Translations(Protocol):
    """What a gettext catalogue offers: Babel's ``Translations`` and Flask-Babel's."""

    def gettext(self, message: str) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int) -> str: ...


#: A kind of support as it is said after "Voor ...".
KIND_WORDS = {
    "praktisch": N_("praktische hulp"),
    "emotioneel": N_("een luisterend oor"),
    "advies": N_("advies"),
    "gezelschap": N_("gezelschap"),
    "nood": N_("hulp in nood"),
}

#: How the people of a sector are called; a sector a team added is "mensen van <code>".
SECTOR_WORDS = {
    "familie": N_("familie"),
    "vrienden": N_("vrienden"),
    "buren": N_("buren"),
    "werk_school_club": N_("mensen van werk, school of club"),
    "professionals": N_("hulpverleners"),
}


def phrase(finding: Finding, t: Translations) -> str:
    """Return one finding as one or two short sentences in the language of ``t``."""
    return _PHRASES[finding.kind](t, **finding.params)


def phrase_all(found: Iterable[Finding], t: Translations) -> list[str]:
    """Return the findings as sentences, in their order."""
    return [phrase(f, t) for f in found]


def phrasable_kinds() -> frozenset[str]:
    """The kinds this catalogue can say (a test compares them with graph.findings)."""
    return frozenset(_PHRASES)


# -- words ------------------------------------------------------------------------------


def _join(t: Translations, words: Sequence[str], last: str = "en") -> str:
    """"a", "a en b", "a, b en c" (or "of"), in the language of ``t``."""
    words = list(words)
    if len(words) == 1:
        return words[0]
    both = {"items": ", ".join(words[:-1]), "last": words[-1]}
    if last == "of":
        return t.gettext("%(items)s of %(last)s") % both
    return t.gettext("%(items)s en %(last)s") % both


def _kinds(t: Translations, kinds: Iterable[str]) -> str:
    return _join(t, [t.gettext(KIND_WORDS[k]) for k in kinds])


def _sector(t: Translations, code: str) -> str:
    if code in SECTOR_WORDS:
        return t.gettext(SECTOR_WORDS[code])
    return t.gettext("mensen van %(code)s") % {"code": code.replace("_", " ")}


def _sectors(t: Translations, codes: Iterable[str], last: str = "en") -> str:
    return _join(t, [_sector(t, c) for c in codes], last)


def _names(t: Translations, names: Sequence[str]) -> str:
    return _join(t, list(names))


# -- one function per kind ----------------------------------------------------------------


def _empty(t: Translations) -> str:
    return t.gettext("Er staan nog geen mensen op uw kaart. Wie is er belangrijk voor u?")


def _think_of(t: Translations, sectors: Sequence[str]) -> str:
    return t.gettext("Denk aan %(groups)s.") % {"groups": _sectors(t, sectors, "of")}


def _count(t: Translations, count: int, close: Sequence[str], close_count: int,
           name: str | None = None) -> str:
    if count == 1:
        return t.gettext("Er staat 1 persoon op uw kaart: %(name)s.") % {"name": name}
    line = t.gettext("Er staan %(count)s mensen op uw kaart.") % {"count": count}
    if close:
        line += " " + t.ngettext("%(names)s staat heel dicht bij u.",
                                 "%(names)s staan heel dicht bij u.",
                                 len(close)) % {"names": _names(t, close)}
    elif close_count:
        line += " " + t.gettext("Van hen staan er %(count)s heel dicht bij u.") % {
            "count": close_count}
    return line


def _only_professionals(t: Translations, count: int) -> str:
    return t.ngettext(
        "Op uw kaart staat nu alleen een hulpverlener. "
        "Wie van uw familie, vrienden of buren is belangrijk voor u?",
        "Op uw kaart staan nu alleen hulpverleners. "
        "Wie van uw familie, vrienden of buren is belangrijk voor u?",
        count,
    )


def _no_support(t: Translations) -> str:
    return t.gettext(
        "Bij wie kunt u terecht als u hulp nodig heeft? Denk aan klusjes, "
        "een luisterend oor of iemand die u kunt bellen als er iets gebeurt."
    )


def _one_sector(t: Translations, sector: str, others: Sequence[str]) -> str:
    values = {"group": _sector(t, sector), "others": _sectors(t, others, "of") if others else ""}
    if others:
        return t.gettext("Op uw kaart staan nu alleen %(group)s. "
                         "Kent u ook %(others)s die u zou willen toevoegen?") % values
    return t.gettext("Op uw kaart staan nu alleen %(group)s. "
                     "Wie is er nog meer belangrijk voor u?") % values


#: The question after "Voor <kind> staat nog niemand op uw kaart."
_NOBODY_QUESTIONS = {
    "praktisch": N_("Wie zou u kunnen helpen met klusjes of boodschappen?"),
    "emotioneel": N_("Met wie kunt u praten als u ergens mee zit?"),
    "advies": N_("Wie zou u om raad kunnen vragen?"),
    "gezelschap": N_("Met wie zou u graag eens iets samen doen?"),
    "nood": N_("Wie kunt u bellen als er iets gebeurt?"),
}


def _uncovered(t: Translations, kinds: Sequence[str]) -> str:
    line = t.gettext("Voor %(kinds)s staat nog niemand op uw kaart.") % {
        "kinds": _kinds(t, kinds)}
    question = (t.gettext(_NOBODY_QUESTIONS[kinds[0]]) if len(kinds) == 1
                else t.gettext("Wie zou u daarvoor kunnen vragen?"))
    return f"{line} {question}"


def _carries_most(t: Translations, names: Sequence[str], count: int, total: int,
                  professional: bool) -> str:
    values = {"names": _names(t, names), "count": count, "total": total}
    if professional:
        return t.ngettext(
            "%(names)s helpt u met %(count)s van de %(total)s soorten hulp. "
            "Wie van uw familie, vrienden of buren zou een deel daarvan kunnen doen?",
            "%(names)s helpen u elk met %(count)s van de %(total)s soorten hulp. "
            "Wie van uw familie, vrienden of buren zou een deel daarvan kunnen doen?",
            len(names)) % values
    return t.ngettext(
        "%(names)s helpt u met %(count)s van de %(total)s soorten hulp. "
        "Wie zou een deel kunnen overnemen, zodat het voor %(names)s niet te veel wordt?",
        "%(names)s helpen u elk met %(count)s van de %(total)s soorten hulp. "
        "Wie zou een deel kunnen overnemen, zodat het voor %(names)s niet te veel wordt?",
        len(names)) % values


def _mostly_professionals(t: Translations, professional: int, total: int) -> str:
    return t.ngettext(
        "%(professional)s van de %(total)s mensen op uw kaart werkt als hulpverlener. "
        "Wie van uw familie, vrienden of buren zou u erbij willen zetten?",
        "%(professional)s van de %(total)s mensen op uw kaart werken als hulpverlener. "
        "Wie van uw familie, vrienden of buren zou u erbij willen zetten?",
        professional) % {"professional": professional, "total": total}


def _shared_support(t: Translations, kinds: Sequence[str], count: int, at_least: bool) -> str:
    values = {"kinds": _kinds(t, kinds), "count": count}
    if len(kinds) == len(KIND_WORDS):
        if at_least:
            return t.gettext("Voor elke soort hulp kunt u bij minstens %(count)s mensen "
                             "terecht.") % values
        return t.gettext("Voor elke soort hulp kunt u bij %(count)s mensen terecht.") % values
    if at_least:
        return t.gettext("Voor %(kinds)s kunt u bij minstens %(count)s mensen terecht.") % values
    return t.gettext("Voor %(kinds)s kunt u bij %(count)s mensen terecht.") % values


def _sector_mix(t: Translations, sectors: Sequence[str]) -> str:
    values = {"count": len(sectors), "groups": _sectors(t, sectors)}
    if len(sectors) > 3:  # a longer list is hard to read aloud
        return t.gettext("Op uw kaart staan mensen uit %(count)s verschillende groepen. "
                         "Dat is een mooie mix.") % values
    return t.gettext("Op uw kaart staan mensen uit %(count)s groepen: %(groups)s. "
                     "Dat is een mooie mix.") % values


def _gives_back(t: Translations, count: int, name: str | None,
                kinds: Sequence[str] = ()) -> str:
    if name is not None:
        if kinds:
            return t.gettext("U helpt zelf ook: %(name)s krijgt %(kinds)s van u.") % {
                "name": name, "kinds": _kinds(t, kinds)}
        return t.gettext("U helpt zelf ook: %(name)s krijgt ook iets van u.") % {"name": name}
    if kinds:
        return t.gettext("U helpt zelf ook %(count)s mensen, bijvoorbeeld met %(kind)s.") % {
            "count": count, "kind": t.gettext(KIND_WORDS[kinds[0]])}
    return t.gettext("U helpt zelf ook: %(count)s mensen krijgen ook iets van u.") % {
        "count": count}


def _no_contact(t: Translations, count: int, name: str | None) -> str:
    if name is not None:
        return t.gettext("Met %(name)s heeft u geen contact meer. "
                         "Wilt u %(name)s weer zien?") % {"name": name}
    return t.gettext("Met %(count)s mensen heeft u geen contact meer. "
                     "Wilt u een van hen weer zien?") % {"count": count}


def _from_before(t: Translations, count: int, name: str | None) -> str:
    if name is not None:
        return t.gettext("%(name)s is iemand van vroeger. "
                         "Zou u %(name)s weer eens willen spreken?") % {"name": name}
    return t.gettext("Op uw kaart staan %(count)s mensen van vroeger. "
                     "Zou u een van hen weer eens willen spreken?") % {"count": count}


def _pet(t: Translations, names: Sequence[str]) -> str:
    return t.gettext("Wie kan voor %(names)s zorgen als u dat even niet kunt?") % {
        "names": _names(t, names)}


def _all_know(t: Translations, count: int) -> str:
    return t.gettext("Alle %(count)s mensen op uw kaart kennen elkaar. "
                     "Zo kunnen ze samen helpen.") % {"count": count}


def _know_via_via(t: Translations) -> str:
    return t.gettext("De mensen op uw kaart kennen elkaar, direct of via een ander. "
                     "Zo kunnen ze elkaar bereiken als dat nodig is.")


def _circle_unknown(t: Translations, count: int) -> str:
    return t.ngettext(
        "Van %(count)s persoon weten we nog niet hoe dichtbij die staat. "
        "Hoe dicht staat die bij u?",
        "Van %(count)s mensen weten we nog niet hoe dichtbij ze staan. "
        "Wie van hen staat heel dicht bij u?",
        count) % {"count": count}


def _nobody_close(t: Translations) -> str:
    return t.gettext("Er staat nog niemand in de binnenste cirkel. Wie staat het dichtst bij u?")


def _no_ties(t: Translations) -> str:
    return t.gettext("Kennen de mensen op uw kaart elkaar? "
                     "Mensen die elkaar kennen, kunnen samen meer voor u doen.")


def _separate_groups(t: Translations, count: int) -> str:
    return t.gettext("Op uw kaart staan %(count)s groepjes mensen die elkaar kennen. "
                     "Kent iemand uit het ene groepje ook iemand uit een ander?") % {
        "count": count}


def _tie_unknown(t: Translations, count: int) -> str:
    return t.ngettext(
        "Van %(count)s persoon weten we nog niet of die iemand anders op uw kaart kent.",
        "Van %(count)s mensen weten we nog niet of ze iemand anders op uw kaart kennen.",
        count) % {"count": count}


#: After "Voor <kind> kunt u nu alleen bij <name> terecht.": for a neighbour, a friend or
#: family, and for someone whose sector is not known yet (``"unknown"``).
_ALSO_QUESTIONS = {
    "praktisch": N_("Wie zou u nog meer kunnen helpen met klusjes of boodschappen?"),
    "emotioneel": N_("Met wie kunt u nog meer praten als u ergens mee zit?"),
    "advies": N_("Wie zou u nog meer om raad kunnen vragen?"),
    "gezelschap": N_("Met wie zou u nog meer iets samen kunnen doen?"),
    "nood": N_("Wie kunt u bellen als %(name)s er niet is?"),
}
#: The same for a professional: the question turns to the resident's own people.
_OWN_PEOPLE_QUESTIONS = {
    "praktisch": N_("Wie van uw familie, vrienden of buren zou ook kunnen helpen met "
                    "klusjes of boodschappen?"),
    "emotioneel": N_("Met wie van uw familie, vrienden of buren kunt u praten als u ergens "
                     "mee zit?"),
    "advies": N_("Wie van uw familie, vrienden of buren zou u ook om raad kunnen vragen?"),
    "gezelschap": N_("Met wie van uw familie, vrienden of buren zou u graag eens iets samen "
                     "doen?"),
    "nood": N_("Wie van uw familie, vrienden of buren kunt u bellen als er iets gebeurt?"),
}


def _only_one_helper(t: Translations, name: str, kinds: Sequence[str], member: str) -> str:
    values = {"name": name, "kinds": _kinds(t, kinds)}
    line = t.gettext("Voor %(kinds)s kunt u nu alleen bij %(name)s terecht.") % values
    if member == "professional":
        question = (t.gettext(_OWN_PEOPLE_QUESTIONS[kinds[0]]) if len(kinds) == 1 else
                    t.gettext("Wie van uw familie, vrienden of buren zou daar ook bij "
                              "kunnen helpen?"))
    elif member == "informal" and "praktisch" in kinds:
        # Taking turns with practical help (mantelzorg) is what relieves a person.
        question = t.gettext("Wie zou %(name)s af en toe kunnen aflossen?") % values
    elif len(kinds) == 1:
        question = t.gettext(_ALSO_QUESTIONS[kinds[0]]) % values
    else:
        question = t.gettext("Wie zou daar naast %(name)s ook bij kunnen helpen?") % values
    return f"{line} {question}"


def _strain_with_resident(t: Translations, count: int, name: str | None) -> str:
    if name is not None:
        return t.gettext("Met %(name)s is er soms spanning. "
                         "Wat zou het contact makkelijker maken?") % {"name": name}
    return t.gettext("Met %(count)s mensen op uw kaart is er soms spanning. "
                     "Wat zou het contact makkelijker maken?") % {"count": count}


def _strain_between(t: Translations, count: int, names: Sequence[str]) -> str:
    if names:
        return t.gettext("Tussen %(first)s en %(second)s is er soms spanning. "
                         "Houd daar rekening mee als u mensen samen uitnodigt.") % {
            "first": names[0], "second": names[1]}
    return t.gettext("Tussen %(count)s paren mensen op uw kaart is er soms spanning. "
                     "Houd daar rekening mee als u mensen samen uitnodigt.") % {"count": count}


def _gives_nothing(t: Translations) -> str:
    return t.gettext("Wat doet u zelf voor de mensen op uw kaart? Ook iets kleins telt mee.")


def _sector_unknown(t: Translations, count: int) -> str:
    return t.ngettext(
        "Van %(count)s persoon weten we nog niet uit welke groep die komt.",
        "Van %(count)s mensen weten we nog niet uit welke groep ze komen.",
        count) % {"count": count}


_PHRASES: dict[str, Callable[..., str]] = {
    "empty": _empty,
    "think_of": _think_of,
    "count": _count,
    "only_professionals": _only_professionals,
    "no_support": _no_support,
    "one_sector": _one_sector,
    "uncovered": _uncovered,
    "carries_most": _carries_most,
    "mostly_professionals": _mostly_professionals,
    "shared_support": _shared_support,
    "sector_mix": _sector_mix,
    "gives_back": _gives_back,
    "no_contact": _no_contact,
    "from_before": _from_before,
    "pet": _pet,
    "all_know": _all_know,
    "know_via_via": _know_via_via,
    "circle_unknown": _circle_unknown,
    "nobody_close": _nobody_close,
    "no_ties": _no_ties,
    "separate_groups": _separate_groups,
    "tie_unknown": _tie_unknown,
    "only_one_helper": _only_one_helper,
    "strain_with_resident": _strain_with_resident,
    "strain_between": _strain_between,
    "gives_nothing": _gives_nothing,
    "sector_unknown": _sector_unknown,
}
