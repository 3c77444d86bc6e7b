"""Group sessions "Hoe sterk is mijn netwerk?": sessions, join codes, participants, anonymous
totals, and closing (deletion, and opt-in to a resident).

A coach (the facilitator) opens a session and shows its join code. Residents join with the
code, without an account: each gets a random token, of which only the SHA-256 is stored (a
lookup by hash: the token itself is never compared, so its comparison leaks no timing).
A participant's network is small JSON on their own row::

    {"people": [{"id": 1, "name": "Ans", "circle": 1, "sector": "familie",
                 "support": ["praktisch"], "gives": True}],
     "ties": [[1, 2]], "ties_asked": True, "next": 3}

``gives`` is whether the participant helps that person too (reciprocity; ``None`` until the
question was answered); ``ties`` are pairs of people who know each other.

The facilitator sees the group, never the individuals: :func:`totals` gives counts only, and
only once :data:`MIN_GROUP` participants have a map, so nobody can be recognised. Closing
(:func:`close_session`) deletes every participant; who asked for a netwerkcoach, with consent
and contact details, first becomes a resident in the facilitator's caseload with that network.

Examples
--------
>>> net = empty_network()
>>> add_person(net, "Ans", 1, "familie", sectors=("familie", "buren"))["id"]
1
>>> set_support(net, {1: ["praktisch", "nood"]})
>>> sorted(graph_of(net).edges["ego", "p1"]["support"])
['nood', 'praktisch']
>>> normalize_code(" k7m-4px ")
'K7M4PX'
"""

from __future__ import annotations

import copy
import hashlib
import re
import secrets
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

import networkx as nx
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from graph import schema
from graph.metrics import scan
from sns import audit
from sns.access import require_role
from sns.errors import Invalid, NotFound
from sns.i18n import N_
from sns.models import Coach, GroupParticipant, GroupSession, JoinAttempt, Resident
from sns.models.base import utcnow
from sns.network import store_graph
from sns.residents import clean_name, clean_text, create_resident

#: Join codes: six characters without look-alikes (no 0/O, 1/I/L), about 887 million codes.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
#: At most this many wrong codes per client address per window; then even a right code is
#: refused until the window has passed.
JOIN_LIMIT = 10
JOIN_WINDOW = timedelta(minutes=10)

#: The participant's steps: who is close, who helps with what, whom do you help, who knows
#: whom (optional), the result.
STEPS = (1, 2, 3, 4, 5)
STEP_PEOPLE, STEP_SUPPORT, STEP_GIVES, STEP_TIES, STEP_RESULT = STEPS

MAX_PEOPLE = 30
PERSON_NAME_MAX = 100  # as NetworkMember.name
TITLE_MAX = 200
QUESTION_MAX = 1000

#: Totals beyond the number of participants are shown from this many maps on.
MIN_GROUP = 3
#: Bins of the spread of network sizes: (lowest, highest or None).
SIZE_BINS = ((1, 4), (5, 9), (10, 14), (15, None))
#: How many of the most common gaps the facilitator sees.
TOP_GAPS = 5

DEFAULT_TITLE = "Hoe sterk is mijn netwerk?"

_PHONE = re.compile(r"^\+?[0-9 ()\-]{6,25}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class WrongCode(Invalid):
    """No open session has this code (a typo, or the session has closed)."""

    message = N_(
        "Deze code klopt niet, of de bijeenkomst is al afgelopen. "
        "Kijk nog eens goed op het scherm of vraag het de begeleider."
    )


class TooManyAttempts(Invalid):
    """Too many wrong codes from this client in a short time."""

    message = N_(
        "Er is te vaak een verkeerde code ingevuld. Wacht tien minuten en probeer het dan "
        "opnieuw. Of vraag de begeleider om hulp."
    )


# -- codes and tokens ----------------------------------------------------------------------


def new_code() -> str:
    """A random join code.

    >>> code = new_code()
    >>> len(code), set(code) <= set(CODE_ALPHABET)
    (6, True)
    """
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(raw: str | None) -> str:
    """A typed code as stored: capitals, without spaces or dashes."""
    return re.sub(r"[\s\-]", "", (raw or "")).upper()[:20]


def hash_token(token: str) -> str:
    """The stored form of a participant's token."""
    return hashlib.sha256(token.encode()).hexdigest()


# -- sessions (the facilitator) ------------------------------------------------------------


def create_session(
    db: Session, coach: Coach, title: str | None, on_date: date | None, place: str | None
) -> GroupSession:
    """Open a session led by ``coach``, with a join code no other open session has."""
    require_role(coach, "coach", "teamleider")
    title = clean_text(title, limit=TITLE_MAX)
    if title is None:
        raise Invalid(N_("Geef de bijeenkomst een titel."))
    if on_date is None:
        raise Invalid(N_("Vul de datum van de bijeenkomst in."))
    session = GroupSession(
        facilitator_id=coach.id,
        title=title,
        on_date=on_date,
        place=clean_text(place, limit=TITLE_MAX),
        join_code=_free_code(db),
    )
    db.add(session)
    db.flush()
    audit.record(db, coach, "group.create", detail=f"groepsbijeenkomst {session.id}")
    return session


def _free_code(db: Session) -> str:
    # A closed session has no code, so a code only has to differ from the open ones; the
    # unique constraint guards the (astronomically rare) race between two new sessions.
    for _ in range(20):
        code = new_code()
        if db.scalar(select(GroupSession.id).where(GroupSession.join_code == code)) is None:
            return code
    raise RuntimeError("no free join code found")  # pragma: no cover


def sessions_of(db: Session, coach: Coach) -> list[GroupSession]:
    """The coach's own sessions: open ones first, newest first."""
    return list(db.scalars(
        select(GroupSession)
        .where(GroupSession.facilitator_id == coach.id)
        .order_by(GroupSession.closed_at.is_not(None), GroupSession.on_date.desc(),
                  GroupSession.id.desc())
    ))


def load_own_session(db: Session, coach: Coach, session_id: int) -> GroupSession:
    """The session if ``coach`` leads it; NotFound otherwise (also for another coach)."""
    session = db.get(GroupSession, session_id)
    if session is None or session.facilitator_id != coach.id:
        audit.record(db, coach, "group.denied", detail=f"groepsbijeenkomst {session_id}")
        raise NotFound()
    return session


def participants_of(db: Session, session: GroupSession) -> list[GroupParticipant]:
    return list(db.scalars(
        select(GroupParticipant).where(GroupParticipant.session_id == session.id)
        .order_by(GroupParticipant.id)
    ))


# -- joining -------------------------------------------------------------------------------


def join(
    db: Session, raw_code: str | None, client: str, now: datetime | None = None
) -> tuple[GroupParticipant, str]:
    """Join the open session with this code; returns the participant and their token.

    ``client`` is the address the attempt came from. A wrong code is recorded (the caller
    commits also when :class:`WrongCode` is raised); after :data:`JOIN_LIMIT` wrong codes
    within :data:`JOIN_WINDOW` every attempt from that client is refused with
    :class:`TooManyAttempts`, the right code too, until the window has passed.
    """
    now = now or utcnow()
    client = (client or "onbekend")[:64]
    since = now - JOIN_WINDOW
    db.execute(delete(JoinAttempt).where(JoinAttempt.at < since))
    wrong = db.scalar(
        select(func.count()).select_from(JoinAttempt)
        .where(JoinAttempt.client == client, JoinAttempt.at >= since)
    )
    if wrong >= JOIN_LIMIT:
        raise TooManyAttempts()
    code = normalize_code(raw_code)
    session = None
    if len(code) == CODE_LENGTH:
        session = db.scalar(select(GroupSession).where(
            GroupSession.join_code == code, GroupSession.closed_at.is_(None)))
    if session is None:
        db.add(JoinAttempt(client=client, at=now))
        db.flush()
        raise WrongCode()
    token = secrets.token_urlsafe(32)
    participant = GroupParticipant(session_id=session.id, token_hash=hash_token(token),
                                   step=STEP_PEOPLE, network=empty_network())
    db.add(participant)
    db.flush()
    return participant, token


def participant_by_token(
    db: Session, session_id: int | None, token: str | None, *, for_update: bool = False
) -> GroupParticipant | None:
    """The participant with this token in this session, else None."""
    if not token or session_id is None:
        return None
    query = select(GroupParticipant).where(GroupParticipant.token_hash == hash_token(token),
                                           GroupParticipant.session_id == session_id)
    if for_update:
        query = query.with_for_update()
    return db.scalar(query)


# -- the participant's network -------------------------------------------------------------


def empty_network() -> dict:
    return {"people": [], "ties": [], "ties_asked": False, "next": 1}


def _person(net: dict, person_id: int) -> dict:
    for person in net["people"]:
        if person["id"] == person_id:
            return person
    raise NotFound()


def _ids(net: dict, ids: Iterable[int]) -> set[int]:
    known = {p["id"] for p in net["people"]}
    wanted = set(ids)
    if not wanted <= known:
        raise Invalid(N_("Kies mensen van uw eigen kaart."))
    return wanted


def add_person(
    net: dict, name: str | None, circle: int | str | None, sector: str | None,
    sectors: Iterable[str] = schema.SECTORS,
) -> dict:
    """Add someone (name and circle; the group is optional) and return them."""
    name = clean_name(name, limit=PERSON_NAME_MAX)
    if circle not in schema.CIRCLES:
        raise Invalid(N_("Kies hoe dichtbij deze persoon bij u staat."))
    if sector in ("", None):
        sector = None
    elif sector not in tuple(sectors):
        raise Invalid(N_("Kies een groep uit de lijst."))
    if len(net["people"]) >= MAX_PEOPLE:
        raise Invalid(N_("Er staan al veel mensen op uw kaart. Dat is genoeg voor vandaag."))
    person = {"id": net["next"], "name": name, "circle": circle, "sector": sector,
              "support": [], "gives": None}
    net["people"].append(person)
    net["next"] += 1
    return person


def remove_person(net: dict, person_id: int) -> dict:
    """Take someone off the map (and their ties); NotFound for an unknown id."""
    person = _person(net, person_id)
    net["people"].remove(person)
    net["ties"] = [t for t in net["ties"] if person_id not in t]
    return person


def set_support(net: dict, support: Mapping[int, Iterable[str]]) -> None:
    """Who helps with what: ``{person id: support kinds}``; people left out give nothing."""
    _ids(net, support)
    for kinds in support.values():
        if not set(kinds) <= set(schema.SUPPORT_KINDS):
            raise Invalid(N_("Kies soorten hulp uit de lijst."))
    for person in net["people"]:
        kinds = set(support.get(person["id"], ()))
        person["support"] = [k for k in schema.SUPPORT_KINDS if k in kinds]


def set_gives(net: dict, ids: Iterable[int]) -> None:
    """Whom the participant helps: these people yes, everyone else on the map no."""
    chosen = _ids(net, ids)
    for person in net["people"]:
        person["gives"] = person["id"] in chosen


def set_ties(net: dict, pairs: Iterable[tuple[int, int]]) -> None:
    """Who knows whom: the pairs replace the earlier answer."""
    ties = set()
    for a, b in pairs:
        _ids(net, (a, b))
        if a == b:
            raise Invalid(N_("Kies twee verschillende mensen."))
        ties.add((min(a, b), max(a, b)))
    net["ties"] = [list(t) for t in sorted(ties)]
    net["ties_asked"] = True


def next_step(net: dict, step: int) -> int:
    """The step after ``step``: without people straight to the result; "who knows whom"
    only with two people or more."""
    if step == STEP_PEOPLE and not net["people"]:
        return STEP_RESULT
    if step == STEP_GIVES and len(net["people"]) < 2:
        return STEP_RESULT
    return min(step + 1, STEP_RESULT)


def previous_step(net: dict, step: int) -> int:
    if step == STEP_RESULT and not net["people"]:
        return STEP_PEOPLE
    if step == STEP_RESULT and len(net["people"]) < 2:
        return STEP_GIVES
    return max(step - 1, STEP_PEOPLE)


def update(participant: GroupParticipant, net: dict, step: int | None = None) -> None:
    """Store a changed copy of the network (JSON columns do not notice changes in place)."""
    participant.network = copy.deepcopy(net)
    if step is not None:
        participant.step = step


def node(person_id: int) -> str:
    return f"p{person_id}"


def graph_of(net: dict, name: str | None = None,
             sectors: Iterable[str] = schema.SECTORS) -> nx.Graph:
    """The participant's network as a resident's graph (see :mod:`graph.schema`)."""
    G = schema.new_network(name, sectors=sectors)
    known = set(G.graph["sectors"])
    for p in net["people"]:
        schema.add_member(
            G, node(p["id"]), name=p["name"], circle=p.get("circle"),
            sector=p.get("sector") if p.get("sector") in known else None,
            support=p.get("support") or (), reciprocal=p.get("gives"),
        )
    for a, b in net["ties"]:
        if node(a) in G and node(b) in G:
            schema.add_tie(G, node(a), node(b))
    return G


# -- asking for a netwerkcoach -------------------------------------------------------------


def request_coach(
    participant: GroupParticipant, *, consent: bool, name: str | None, phone: str | None,
    email: str | None, question: str | None = None, now: datetime | None = None,
) -> None:
    """"Ik wil graag hulp van een netwerkcoach": refused without consent, a name, and a
    phone number or e-mail address. Nothing is stored when refused."""
    if not consent:
        raise Invalid(N_(
            "Zet een vinkje bij 'Ik geef toestemming' als u wilt dat een netwerkcoach contact "
            "met u opneemt."))
    name = clean_text(name, limit=200)
    if name is None:
        raise Invalid(N_("Vul uw naam in, zodat de netwerkcoach weet wie u is."))
    phone = clean_text(phone, limit=40)
    email = clean_text(email, limit=200)
    if phone is None and email is None:
        raise Invalid(N_("Vul een telefoonnummer of een e-mailadres in."))
    if phone is not None and (not _PHONE.match(phone) or sum(c.isdigit() for c in phone) < 6):
        raise Invalid(N_("Dit telefoonnummer klopt niet. Vul alleen cijfers in."))
    if email is not None and not _EMAIL.match(email):
        raise Invalid(N_("Dit e-mailadres klopt niet."))
    participant.wants_coach = True
    participant.consent_at = now or utcnow()
    participant.contact_name = name
    participant.contact_phone = phone
    participant.contact_email = email
    participant.question = clean_text(question, limit=QUESTION_MAX)


def withdraw_request(participant: GroupParticipant) -> None:
    """"Ik wil toch geen hulp": the consent and contact details are removed."""
    participant.wants_coach = False
    participant.consent_at = None
    participant.contact_name = participant.contact_phone = participant.contact_email = None
    participant.question = None


def has_opted_in(participant: GroupParticipant) -> bool:
    return bool(
        participant.wants_coach and participant.consent_at and participant.contact_name
        and (participant.contact_phone or participant.contact_email)
    )


# -- anonymous totals ----------------------------------------------------------------------


@dataclass(frozen=True)
class Totals:
    """What the facilitator may see: counts, never a name.

    ``shown`` is False below :data:`MIN_GROUP` maps; then everything but ``participants``
    and ``with_map`` is empty or zero.
    """

    participants: int
    with_map: int
    shown: bool
    finished: int = 0
    asked_coach: int = 0
    size_min: int | None = None
    size_median: float | None = None
    size_max: int | None = None
    #: ``[(lowest, highest or None, maps)]`` per bin of :data:`SIZE_BINS`.
    size_bins: list[tuple[int, int | None, int]] = field(default_factory=list)
    #: ``{kind: {"nobody": maps, "one": maps}}``: support resting on nobody / one person.
    per_kind: dict[str, dict[str, int]] = field(default_factory=dict)
    #: ``[(gap code, maps)]``, most common first; codes see :func:`gaps_of`.
    gaps: list[tuple[str, int]] = field(default_factory=list)

    def as_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Totals:
        data = dict(data)
        data["size_bins"] = [tuple(b) for b in data.get("size_bins", [])]
        data["gaps"] = [tuple(g) for g in data.get("gaps", [])]
        return cls(**data)


#: Every gap code of :func:`gaps_of`, in the order of its docstring (ties in :func:`totals`
#: are listed in this order).
GAP_CODES = (
    *(f"niemand:{k}" for k in schema.SUPPORT_KINDS),
    *(f"een:{k}" for k in schema.SUPPORT_KINDS),
    "cirkel1_leeg", "rust_op_een", "een_groep", "kennen_elkaar_niet", "geeft_niet",
)


def gaps_of(net: dict, sectors: Iterable[str] = schema.SECTORS) -> list[str]:
    """The gap codes of one map (those of the findings, without names):

    ``niemand:<kind>`` nobody gives this support, ``een:<kind>`` one person does,
    ``cirkel1_leeg`` nobody in the inner circle, ``rust_op_een`` most support rests on one
    person, ``een_groep`` everyone from one group, ``kennen_elkaar_niet`` (asked, and nobody
    knows each other), ``geeft_niet`` the participant helps nobody on the map.

    >>> net = empty_network()
    >>> _ = add_person(net, "Ans", 2, None)
    >>> set_support(net, {1: ["praktisch"]})
    >>> gaps_of(net)[:3]
    ['niemand:emotioneel', 'niemand:advies', 'niemand:gezelschap']
    """
    if not net["people"]:
        return []
    s = scan(graph_of(net, sectors=sectors))
    codes = [f"niemand:{k}" for k in s.support.uncovered]
    codes += [f"een:{k}" for k in schema.SUPPORT_KINDS if k in s.support.single]
    if s.size.per_circle.get(1, 0) == 0:
        codes.append("cirkel1_leeg")
    load = s.load
    if (load.share is not None and load.share >= 0.5 and load.busiest_load >= 3
            and s.size.total >= 2):
        codes.append("rust_op_een")
    present = [c for c, n in s.size.per_sector.items() if n]
    if len(present) == 1 and s.size.unknown_sector == 0 and s.size.total >= 2:
        codes.append("een_groep")
    if net.get("ties_asked") and s.cohesion.members >= 2 and s.cohesion.ties == 0:
        codes.append("kennen_elkaar_niet")
    if s.reciprocity.known >= 1 and not s.reciprocity.reciprocal:
        codes.append("geeft_niet")
    return codes


def totals(participants: Iterable[GroupParticipant],
           sectors: Iterable[str] = schema.SECTORS) -> Totals:
    """The anonymous totals of a group.

    Examples
    --------
    >>> class P:  # a participant with just a network
    ...     def __init__(self, n): self.network, self.step, self.wants_coach = n, 5, False
    >>> nets = []
    >>> for size in (2, 3, 7):
    ...     net = empty_network()
    ...     for i in range(size):
    ...         _ = add_person(net, f"X{i}", 1, None)
    ...     set_support(net, {1: ["nood"]})
    ...     nets.append(P(net))
    >>> t = totals(nets)
    >>> t.participants, t.size_min, t.size_median, t.size_max
    (3, 2, 3, 7)
    >>> t.per_kind["nood"], t.per_kind["praktisch"]
    ({'nobody': 0, 'one': 3}, {'nobody': 3, 'one': 0})
    """
    sectors = tuple(sectors)
    people = list(participants)
    maps = [p.network for p in people if p.network and p.network.get("people")]
    if len(maps) < MIN_GROUP:
        return Totals(participants=len(people), with_map=len(maps), shown=False)
    sizes = sorted(len(net["people"]) for net in maps)
    bins = [
        (lo, hi, sum(1 for n in sizes if n >= lo and (hi is None or n <= hi)))
        for lo, hi in SIZE_BINS
    ]
    gap_count: Counter[str] = Counter()
    for net in maps:
        gap_count.update(set(gaps_of(net, sectors)))
    per_kind = {
        kind: {"nobody": gap_count[f"niemand:{kind}"], "one": gap_count[f"een:{kind}"]}
        for kind in schema.SUPPORT_KINDS
    }
    order = {code: i for i, code in enumerate(GAP_CODES)}
    common = sorted(gap_count.items(), key=lambda item: (-item[1], order.get(item[0], 99)))
    median = statistics.median(sizes)
    return Totals(
        participants=len(people),
        with_map=len(maps),
        shown=True,
        finished=sum(1 for p in people if p.step == STEP_RESULT),
        asked_coach=sum(1 for p in people if p.wants_coach),
        size_min=sizes[0],
        size_median=int(median) if median == int(median) else median,
        size_max=sizes[-1],
        size_bins=bins,
        per_kind=per_kind,
        gaps=common[:TOP_GAPS],
    )


# -- closing -------------------------------------------------------------------------------


def referral_note(session: GroupSession, participant: GroupParticipant) -> str:
    """What the coach reads on the new resident's page: where the request came from, how to
    reach the person, and what they consented to."""
    when = session.on_date.strftime("%d-%m-%Y") if session.on_date else ""
    lines = [
        f"Aangemeld via groepsbijeenkomst '{session.title}' {when}".rstrip() + ".",
        "Wil graag hulp van een netwerkcoach.",
        "Contact: " + ", ".join(x for x in (
            participant.contact_name,
            participant.contact_phone and f"tel. {participant.contact_phone}",
            participant.contact_email and f"e-mail {participant.contact_email}",
        ) if x),
        "Toestemming gegeven op "
        f"{participant.consent_at.strftime('%d-%m-%Y') if participant.consent_at else ''} "
        "om deze gegevens en de netwerkkaart te bewaren voor contact met een netwerkcoach.",
    ]
    return "\n".join(lines)


def close_session(
    db: Session, coach: Coach, session: GroupSession, sectors: Iterable[str] = schema.SECTORS
) -> list[Resident]:
    """Close the session: the code expires, the anonymous totals are kept, every participant
    is deleted. Who asked for a netwerkcoach with consent and contact details first becomes a
    resident in ``coach``'s team caseload, assigned to ``coach``, with their network.

    Returns the new residents. Refused (:class:`Invalid`) for a closed session; two closings
    at once are refused by the session's version (the second one changes nothing).
    """
    if session.facilitator_id != coach.id:
        raise NotFound()
    if not session.is_open:
        raise Invalid(N_("Deze bijeenkomst is al afgesloten."))
    sectors = tuple(sectors)
    people = participants_of(db, session)
    opted_in = [p for p in people if has_opted_in(p)]
    session.summary = totals(people, sectors).as_json()
    session.closed_at = utcnow()
    session.join_code = None
    session.referred = len(opted_in)
    db.flush()  # bumps the version: a concurrent second closing fails here

    residents = []
    for participant in opted_in:
        resident = create_resident(db, coach, participant.contact_name, participant.question)
        resident.wishes = referral_note(session, participant)
        store_graph(db, resident, graph_of(participant.network, resident.name, sectors))
        audit.record(db, coach, "group.referral", resident_id=resident.id,
                     detail=f"groepsbijeenkomst {session.id}")
        residents.append(resident)

    db.execute(delete(GroupParticipant).where(GroupParticipant.session_id == session.id))
    db.expire(session, ["participants"])
    audit.record(db, coach, "group.close",
                 detail=f"groepsbijeenkomst {session.id}: {len(people)} deelnemers, "
                        f"{len(residents)} aangemeld")
    return residents
