"""Names in a map label: who someone is to the resident (the role) and what they are called.

A coach types labels the way a resident speaks: "Buurvrouw Annemarie van der
Heijden-Bakker", "Meneer en mevrouw de Boer", "Dominee Van Dam", "Opa en oma Jansen",
"Els (buurvrouw)", "Huisarts". :func:`split` reads one label into a :class:`Label`; the
greeting of a letter (:func:`salutation`), "Alleen voornamen" (:func:`first_name`) and
"Alleen initialen" (:func:`initials`) are made from that, never from the raw words.

The rules, in order:

1. **Cleaning.** Whitespace is collapsed and direction marks (U+200E, U+200F, U+202A-U+202E,
   U+2066-U+2069) are removed; a word without a letter (an emoji, "-", "12") is no name.
   Text in brackets and after the first comma is a note: it is left out of the name, but a
   role in it is the role when the label has none before ("Els (buurvrouw)").
2. **Role.** The label's first words that are in :data:`ROLE_WORDS` or :data:`TITLES`
   (Dutch and English, lower case, a final dot ignored), with "en", "&", "of" and "/"
   between them, are the role: "Meneer en mevrouw", "Opa en oma", "Mijn zus". A word whose
   last hyphenated part is a role word is one too ("Wmo-consulent", "oud-buurvrouw"), and
   so is a compound ending in a role word of five letters or more ("Achterbuurvrouw").
   After an informal role, "van" in lower case followed by a word in lower case or by a
   single word ("Vriendin van school", "Moeder van Sandra") says whose or where, not a
   name: it is left out. "Van" with a capital, or after a formal role ("Meneer van Dam"),
   starts a surname.
3. **Name.** What is left is the name; it ends at a word in lower case that is no
   particle ("Annemarie van der Heijden-Bakker die elke dinsdag komt" is a description
   after the name), unless the label has no capital at all ("tante riet"). It is a
   **surname only**, with no first name, when it starts with a particle
   (:data:`PARTICLES`: "de Boer", "van der Meer") or with an initial ("J.P. Smit"), or
   when it is a single word and the role addresses formally (:data:`ADDRESS_WORDS` and
   :data:`TITLES`: "Meneer Jansen", "Dr. Jansen"), the role names several people ("Opa en
   oma Jansen"), or the word is a common surname (:data:`SURNAMES`, or ending in "-sen",
   "-ssen", "-stra": "Oma Jansen", "Jansen").
   Otherwise its first word is the first name ("Annemarie", "Anne-Marie"). A word of more
   than :data:`MAX_WORD` characters is never taken as a first name. A name standing
   without a first name or initial before it starts with a capital: "De Boer", "Van Dam"
   (Dutch spelling: "meneer De Boer", but "Jan de Boer").
4. **Several people** joined by "en" or "&" in the name ("Jan en Els de Vries") keep
   their first names together: "Jan en Els".

From the parts:

* :func:`salutation`, what follows "Beste" in a letter: with a formal role its address
  words and the surname ("meneer en mevrouw De Boer", "dominee Van Dam", "dr. Jansen",
  "Huisarts dokter Bos" gives "dokter Bos", "Mevrouw Annie de Wit" "mevrouw De Wit");
  else the first name ("Annemarie"); with any other role and a surname the role and
  surname ("opa en oma Jansen"); a family word that is a greeting on its own
  (:data:`GREETING_ROLES`: "Opa en oma", "Mama") as it is; initials with a surname as
  written ("J.P. Smit").
  Anything else (only a role such as "Huisarts", only a surname such as "Jansen" or
  "Van Dam") gives ``None``: inventing "meneer" or "mevrouw" would be guessing, so the
  coach is asked for the greeting.
* :func:`initials`, "Alleen initialen": the role as written (it names nobody) and the
  initials of the name in the Dutch way, each letter followed by a dot without spaces,
  particles in lower case, a double name keeps its hyphen: "Buurvrouw A.v.d.H.-B.",
  "Meneer en mevrouw d.B.", "Dominee v.D.", "J.P.S.". A surname is never written out, so
  the printout names nobody.
* :func:`first_name`, "Alleen voornamen": the first name, else the role, else the
  initials ("Meneer en mevrouw", "Huisarts", "J.").

Examples
--------
>>> split("Buurvrouw Annemarie van der Heijden-Bakker")[:3]
('Buurvrouw', 'Annemarie van der Heijden-Bakker', 'Annemarie')
>>> split("Meneer en mevrouw de Boer")
Label(role='Meneer en mevrouw', name='De Boer', given=None, surname='De Boer', formal=True)
>>> [salutation(x) for x in ("Buurvrouw Annemarie van der Heijden-Bakker",
...                          "Meneer en mevrouw de Boer", "Dominee Van Dam", "Huisarts")]
['Annemarie', 'meneer en mevrouw De Boer', 'dominee Van Dam', None]
>>> [initials(x) for x in ("Meneer en mevrouw de Boer", "Jan van Dijk", "Huisarts", "")]
['Meneer en mevrouw d.B.', 'J.v.D.', 'Huisarts', '?']
>>> [first_name(x) for x in ("Tante riet", "Dominee Van Dam", "J.P. Smit", " ")]
['Riet', 'Dominee', 'J.P.S.', '']
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = [
    "ADDRESS_WORDS",
    "GREETING_ROLES",
    "MAX_WORD",
    "PARTICLES",
    "ROLE_WORDS",
    "SURNAMES",
    "TITLES",
    "Label",
    "first_name",
    "initials",
    "salutation",
    "split",
]

#: How to address someone formally: a surname follows, never a first name (lower case).
ADDRESS_WORDS = frozenset("""
    meneer mevrouw mevr mw mvr dhr heer familie fam dominee ds pastoor pater kapelaan
    dokter mr mrs ms miss sir madam
""".split())

#: Titles written before a name; they address formally as well.
TITLES = frozenset("dr drs ir ing prof mr ds dr.ir".split())

#: Words that say what someone is to the resident, not what they are called (lower case).
ROLE_WORDS = frozenset("""
    buurvrouw buurman buren buurmeisje buurjongen overbuurvrouw overbuurman bovenbuurvrouw
    bovenbuurman benedenbuurvrouw benedenbuurman achterbuurvrouw achterbuurman
    moeder vader mama papa mam pap ma pa mams paps ouders grootouders oma opa omi opi
    tante oom neef nicht zus zusje zuster broer broertje zoon dochter kind kinderen
    kleinzoon kleindochter kleinkind kleinkinderen schoonzus schoonzuster schoonbroer zwager
    zwagerin schoonmoeder schoonvader schoonouders schoonzoon schoondochter stiefmoeder
    stiefvader stiefzoon stiefdochter pleegmoeder pleegvader peettante peetoom achterneef
    achternicht man vrouw ex partner vriend vriendin vrienden vriendinnen kennis maatje
    buddy collega oud-collega baas huisbaas verhuurder juf meester docent leraar lerares
    mentor trainer trainster coach buurtcoach wijkcoach netwerkcoach clubgenoot teamgenoot
    kerkgenoot klasgenoot kapper kapster pastor priester imam rabbijn diaken ouderling
    huisarts arts tandarts specialist apotheker psycholoog psychiater verpleegkundige
    wijkverpleegkundige wijkverpleging thuiszorg verzorgende verzorger mantelzorger
    mantelzorgmakelaar vrijwilliger vrijwilligster bewindvoerder schuldhulp
    schuldhulpverlener begeleider woonbegeleider praktijkondersteuner poh fysiotherapeut
    fysio ergotherapeut logopedist diëtist casemanager consulent wmo-consulent
    ouderenadviseur ouderenwerker jongerenwerker opbouwwerker maatschappelijk werker
    wijkagent agent postbode hulp huishoudelijke taalmaatje sportmaatje hond kat
    mijn m'n onze ons
    neighbour neighbor neighbours neighbors mother father mum mom dad grandma grandpa
    granny grandmother grandfather aunt uncle cousin nephew niece sister brother son
    daughter friend colleague boss teacher doctor gp nurse priest reverend carer
    caregiver volunteer husband wife my
""".split()) | ADDRESS_WORDS | TITLES

#: Family words that are a greeting on their own: "Beste opa en oma," names nobody wrongly.
GREETING_ROLES = frozenset("""
    oma opa omi opi mama papa mam pap mams paps grandma grandpa granny mum mom dad
""".split())

#: Dutch tussenvoegsels and their neighbours: a name that starts with one is a surname.
PARTICLES = frozenset("""
    van de der den het 't ten ter te in op aan bij onder uit uijt voor vd v.d. d' di da
    del della dos das do du des le la von vom zu el al
""".split())

#: Common Dutch surnames that are also single words: "Oma Jansen" is no first name.
SURNAMES = frozenset("""
    bakker visser smit meijer meyer mulder bos vos peters hendriks dekker brouwer smits
    kok verhoeven koster prins huisman kuipers willems jacobs vermeulen kramer schouten
    maas postma wouters
""".split())

#: Longer than this, a word is not taken as a first name (a label of one long word).
MAX_WORD = 40

_JOINS = frozenset(("en", "&", "of", "/", "and", "+"))
#: Joins between people in a name ("Jan en Els"); "of" and "/" only join roles.
_PEOPLE = frozenset(("en", "&", "and", "+"))
_DIRECTION = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NOTE = re.compile(r"\(([^)]*)\)?|\[([^\]]*)\]?")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)+(?:[^\W\d_])?$|^[^\W\d_]$")
_SURNAME_ENDINGS = ("sen", "stra")


class Label(NamedTuple):
    """A map label read: ``role`` as written ("Meneer en mevrouw", ``None`` when there is
    none), ``name`` ("De Boer", ``None`` for only a role), ``given`` the first name(s) in it
    ("Annemarie", "Jan en Els", ``None`` for a surname only), ``surname`` the name's words
    after the last first name, capitalised ("Van der Heijden-Bakker", ``None`` when there are
    none) and ``formal`` when the role addresses formally (meneer, dominee, dr., ...)."""

    role: str | None
    name: str | None
    given: str | None
    surname: str | None
    formal: bool


def _key(word: str) -> str:
    return word.lower().rstrip(".,:;")


def _is_role(word: str) -> bool:
    key = _key(word)
    if key in ROLE_WORDS or key.split("-")[-1] in ROLE_WORDS:
        return True
    return any(key.endswith(role) for role in ROLE_WORDS if len(role) >= 5 and key != role
               and role not in ADDRESS_WORDS)


def _has_letter(word: str) -> bool:
    return any(c.isalpha() for c in word)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _words(text: str) -> list[str]:
    """The words of ``text`` that can be part of a name or role: with a letter, or a join."""
    words = []
    for word in text.replace("/", " / ").split():
        word = "".join(c for c in word if c.isalpha() or c in ".-'’&")
        word = word.strip("-")
        if len(word) > 2 and word[0] in "'’" and word[-1] in "'’":  # 'Sjaak'
            word = word[1:-1]
        if _has_letter(word) or word in _JOINS:
            words.append(word)
    while words and words[-1].lower() in _JOINS:
        words.pop()
    while words and words[0].lower() in _JOINS:
        words.pop(0)
    return words


def _role_words(words: list[str]) -> int:
    """How many of the first ``words`` are the role (joins between role words included)."""
    count = 0
    i = 0
    while i < len(words):
        if _is_role(words[i]):
            i += 1
            count = i
        elif words[i].lower() in _JOINS and i + 1 < len(words) and _is_role(words[i + 1]):
            i += 1
        else:
            break
    return count


def _given(words: list[str], formal: bool, several: bool) -> tuple[str | None, int]:
    """The first name(s) at the start of ``words`` (the name) and how many words they reach
    over, or ``(None, 0)`` for a surname."""
    groups, current = [], []
    for i, word in enumerate(words):
        if word.lower() in _PEOPLE:
            groups.append(current)
            current = []
        elif current or not _is_role(word):  # "Sandra en schoonzoon Paul"
            current.append((i, word))
    groups.append(current)
    if any(not group for group in groups):
        return None, 0
    firsts = []
    for group in groups:
        first = group[0][1]
        key = _key(first)
        if (key in PARTICLES or _INITIALS.match(first) or len(first) > MAX_WORD
                or (len(group) == 1 and len(groups) == 1
                    and _is_surname(first, several or formal))):
            return None, 0
        firsts.append(_capital(first))
    return " en ".join(firsts), groups[-1][0][0] + 1


def _is_surname(word: str, several: bool) -> bool:
    key = _key(word)
    return several or key in SURNAMES or key.endswith(_SURNAME_ENDINGS)


def _name_words(words: list[str], cased: bool) -> list[str]:
    """The name at the start of ``words``: it ends at a word in lower case that is no
    particle ("Annemarie van der Heijden-Bakker die elke dinsdag komt": a description), unless
    the label has no capital at all ("tante riet"); a join or particle left at the end goes."""
    name = []
    for i, word in enumerate(words):
        lower = word[:1].islower() and _key(word) not in PARTICLES
        joined = i > 0 and words[i - 1].lower() in _PEOPLE and _is_role(word)
        if i and cased and lower and word.lower() not in _PEOPLE and not joined:
            break
        name.append(word)
    while name and (name[-1].lower() in _JOINS or _key(name[-1]) in PARTICLES):
        name.pop()
    return name


def split(label: str | None) -> Label:
    """Read a map label into its role and name (see the module's rules).

    >>> split("Els (buurvrouw)")
    Label(role='buurvrouw', name='Els', given='Els', surname=None, formal=False)
    >>> split("Opa en oma Jansen").surname
    'Jansen'
    >>> split("Huisarts")
    Label(role='Huisarts', name=None, given=None, surname=None, formal=False)
    """
    text = " ".join(_DIRECTION.sub("", str(label or "")).split())
    notes = [a or b for a, b in _NOTE.findall(text)]
    main, _, after = _NOTE.sub(",", text).partition(",")
    notes.append(after)
    words = _words(main)
    n = _role_words(words)
    role_words, rest = words[:n], words[n:]
    if not role_words:
        for note in notes:
            note_words = _words(note)
            k = _role_words(note_words)
            if k:
                role_words = note_words[:k]
                break
    formal = any(_key(w) in ADDRESS_WORDS or _key(w) in TITLES for w in role_words)
    if role_words and not formal and rest and rest[0] == "van" and (
            len(rest) == 2 or (len(rest) > 1 and rest[1][:1].islower()
                               and _key(rest[1]) not in PARTICLES)):
        rest = []  # "Vriendin van school", "Moeder van Sandra": whose, not a name
    role = " ".join(role_words) or None
    rest = _name_words(rest, cased=any(c.isupper() for c in text))
    several = any(w.lower() in _JOINS for w in role_words) or any(
        _key(w) in {"ouders", "grootouders", "buren", "familie", "fam", "kinderen",
                    "schoonouders", "vrienden"} for w in role_words)
    if not rest:
        return Label(role, None, None, None, formal)
    given, reach = _given(rest, formal, several)
    surname = _capital(" ".join(rest[reach:])) or None
    return Label(role, _capital(" ".join(rest)), given, surname, formal)


def salutation(label: str | None) -> str | None:
    """What follows "Beste" in a letter, or None when only the coach can say it.

    >>> [salutation(x) for x in ("Opa en oma Jansen", "Dr. Jansen", "J.P. Smit", "Jansen",
    ...                          "Van Dam", "Opa", "Jan en Els de Vries")]
    ['opa en oma Jansen', 'dr. Jansen', 'J.P. Smit', None, None, 'opa', 'Jan en Els']
    """
    parts = split(label)
    if parts.formal and parts.surname:  # "Huisarts dokter Bos": "dokter Bos"
        words = parts.role.split(" ")
        start = next(i for i, w in enumerate(words)
                     if _key(w) in ADDRESS_WORDS or _key(w) in TITLES)
        return f"{' '.join(words[start:]).lower()} {parts.surname}"
    if parts.given:
        return parts.given
    if parts.role and parts.surname:
        return f"{parts.role.lower()} {parts.surname}"
    if parts.role and not parts.name and all(
            _key(w) in GREETING_ROLES or w.lower() in _JOINS for w in parts.role.split()):
        return parts.role.lower()
    if not parts.role and parts.name and _INITIALS.match(parts.name.split()[0]) \
            and len(parts.name.split()) > 1:
        return parts.name
    return None


def _name_initials(name: str) -> str:
    out = []
    for word in name.split():
        if word.lower() in _JOINS:
            out.append(" en ")
        elif _is_role(word):  # "Sandra en schoonzoon Paul"
            out.append(word + " ")
        elif _INITIALS.match(word):
            out.append(word if word.endswith(".") else word + ".")
        else:
            letters = [next((c for c in part if c.isalpha()), "") for part in word.split("-")]
            letter = "-".join(c + "." for c in letters if c)
            if _key(word) in PARTICLES:
                letter = letter.lower()
            out.append(letter)
    return "".join(out).strip()


def initials(label: str | None) -> str:
    """"Alleen initialen": the role as written and the name's initials; "?" for nothing.

    >>> [initials(x) for x in ("Buurvrouw Annemarie van der Heijden-Bakker", "Dominee Van Dam",
    ...                        "J.P. Smit", "Anne-Marie de Vries", "👵")]
    ['Buurvrouw A.v.d.H.-B.', 'Dominee v.D.', 'J.P.S.', 'A.-M.d.V.', '?']
    """
    parts = split(label)
    shown = [_capital(parts.role) if parts.role else "",
             _name_initials(parts.name) if parts.name else ""]
    return " ".join(p for p in shown if p) or "?"


def first_name(label: str | None) -> str:
    """"Alleen voornamen": the first name, else the role, else the initials ("" for nothing).

    >>> [first_name(x) for x in ("Buurvrouw Annemarie van der Heijden-Bakker",
    ...                          "Meneer en mevrouw de Boer", "Huisarts", "Jansen")]
    ['Annemarie', 'Meneer en mevrouw', 'Huisarts', 'J.']
    """
    parts = split(label)
    if parts.given:
        return parts.given
    if parts.role:
        return _capital(parts.role)
    return _name_initials(parts.name) if parts.name else ""
