"""Network members and the ties between them: adding, editing, moving on the map, removing.

Every change bumps the resident's ``network_version`` and writes an audit event, and can be
undone and redone (``@undoable``, see ``sns.network.changes``). Values are checked against
the vocabulary of ``graph.schema`` here, so the web form, the map's drag and an import all
get the same rules and the same messages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from graph import schema
from sns.errors import Invalid, NotFound
from sns.i18n import N_
from sns.models import Coach, NetworkMember, Resident, Tie
from sns.models.base import utcnow
from sns.network.changes import in_history, undoable
from sns.network.changes import network_changed as _changed
from sns.privacy import erasure
from sns.rules import check_version, clean_name, clean_text

MEMBER_NAME_MAX = 100
MEMBER_TEXT_MAX = 2000
#: The audit event's detail column holds this much: a long answer's list of people is cut.
AUDIT_DETAIL_MAX = 500


@dataclass
class MemberFields:
    """What a coach can record about a member; ``None`` means not known (yet)."""

    name: str
    sector: str | None = None
    circle: int | None = None
    support: list[str] = field(default_factory=list)
    reciprocal: bool | None = None
    frequency: str | None = None
    quality: str | None = None
    willing: str | None = None
    talents: str | None = None
    note: str | None = None
    can_think_along: bool = False
    gives: list[str] = field(default_factory=list)
    state: str | None = None


def _choice(value, allowed: Iterable, message: str):
    if value in (None, ""):
        return None
    if value not in allowed:
        raise Invalid(message)
    return value


def validate(fields: MemberFields, sectors: Iterable[str] = schema.SECTORS) -> MemberFields:
    """Return cleaned fields, or raise Invalid with a message that names the problem."""
    support, gives = list(fields.support or []), list(fields.gives or [])
    if any(kind not in schema.SUPPORT_KINDS for kind in support + gives):
        raise Invalid(N_("Onbekende soort hulp."))
    return MemberFields(
        name=clean_name(fields.name, limit=MEMBER_NAME_MAX),
        sector=_choice(fields.sector, tuple(sectors), N_("Onbekende sector.")),
        circle=_choice(fields.circle, schema.CIRCLES, N_("Kies cirkel 1, 2 of 3.")),
        support=[k for k in schema.SUPPORT_KINDS if k in support],
        reciprocal=fields.reciprocal,
        frequency=_choice(fields.frequency, schema.FREQUENCIES, N_("Onbekend contact.")),
        quality=_choice(fields.quality, schema.QUALITIES, N_("Onbekende relatie.")),
        willing=clean_text(fields.willing, limit=MEMBER_TEXT_MAX),
        talents=clean_text(fields.talents, limit=MEMBER_TEXT_MAX),
        note=clean_text(fields.note, limit=MEMBER_TEXT_MAX),
        can_think_along=bool(fields.can_think_along),
        gives=[k for k in schema.SUPPORT_KINDS if k in gives],
        state=_choice(fields.state, schema.MEMBER_STATES, N_("Onbekende toestand.")),
    )


def get_member(db: Session, resident: Resident, member_id: int | None) -> NetworkMember:
    """A member of this resident's network; NotFound for anyone else's."""
    member = db.get(NetworkMember, member_id) if member_id is not None else None
    if member is None or member.resident_id != resident.id or member.archived_at is not None:
        raise NotFound()
    return member


@undoable
def add_member(
    db: Session, coach: Coach, resident: Resident, fields: MemberFields, sectors=schema.SECTORS
) -> NetworkMember:
    """Add someone to the map. Adding never conflicts with a duo colleague's edit."""
    clean = validate(fields, sectors)
    member = NetworkMember(resident_id=resident.id, **vars(clean))
    db.add(member)
    db.flush()
    _changed(db, coach, resident, "member.add", f"m{member.id}")
    return member


@undoable
def update_member(
    db: Session,
    coach: Coach,
    resident: Resident,
    member: NetworkMember,
    fields: MemberFields,
    *,
    expected_version: int | None,
    sectors=schema.SECTORS,
) -> None:
    """Save the edit form of a member; refused when someone saved the member in between."""
    check_version(member.version, expected_version)
    for key, value in vars(validate(fields, sectors)).items():
        setattr(member, key, value)
    _changed(db, coach, resident, "member.update", f"m{member.id}")


@undoable
def set_state(db: Session, coach: Coach, resident: Resident, member: NetworkMember,
              state: str | None, *, expected_version: int | None) -> None:
    """Mark a member as died, no contact any more, from earlier or a pet (``None``: in the
    resident's life now); refused when someone saved the member in between."""
    check_version(member.version, expected_version)
    member.state = _choice(state, schema.MEMBER_STATES, N_("Onbekende toestand."))
    _changed(db, coach, resident, "member.state", f"m{member.id} -> {member.state or '-'}")


@undoable
def move_member(
    db: Session,
    coach: Coach,
    resident: Resident,
    member: NetworkMember,
    *,
    circle: int,
    sector: str | None,
    expected_network_version: int | None,
    sectors=schema.SECTORS,
) -> None:
    """Put a member in another circle and sector (a drag on the map).

    Checked against the version of the whole network the map was drawn from, so a map that
    is out of date never moves anyone.
    """
    check_version(resident.network_version, expected_network_version)
    member.circle = _choice(circle, schema.CIRCLES, N_("Kies cirkel 1, 2 of 3."))
    member.sector = _choice(sector, tuple(sectors), N_("Onbekende sector."))
    _changed(db, coach, resident, "member.move", f"m{member.id} -> {circle}/{sector}")


@undoable
def remove_member(db: Session, coach: Coach, resident: Resident, member: NetworkMember,
                  *, expected_version: int | None) -> bool:
    """Take someone off the map, with their ties. A member who is part of the history is
    archived instead of deleted; returns True when that happened."""
    check_version(member.version, expected_version)
    db.execute(delete(Tie).where((Tie.a_id == member.id) | (Tie.b_id == member.id)))
    archived = in_history(db, member.id)
    if archived:
        member.archived_at = utcnow()
        member.in_actieteam = False
    else:
        db.delete(member)
        erasure.forget_member_in_snapshots(db, resident, member.id)
    _changed(db, coach, resident, "member.archive" if archived else "member.remove",
             f"m{member.id}")
    return archived


@undoable
def add_tie(
    db: Session,
    coach: Coach,
    resident: Resident,
    a_id: int | None,
    b_id: int | None,
    quality: str | None = None,
) -> Tie:
    """Record that two members of this resident's network know each other."""
    if a_id is None or b_id is None:
        raise Invalid(N_("Kies twee mensen die elkaar kennen."))
    a, b = sorted((a_id, b_id))
    if a == b:
        raise Invalid(N_("Kies twee verschillende mensen."))
    for member_id in (a, b):
        member = db.get(NetworkMember, member_id)
        if member is None or member.resident_id != resident.id or member.archived_at:
            raise Invalid(N_("Kies mensen uit dit netwerk."))
    quality = _choice(quality, schema.QUALITIES, N_("Onbekende relatie."))
    tie = db.scalar(select(Tie).where(Tie.a_id == a, Tie.b_id == b))
    if tie is not None:
        raise Invalid(N_("Deze twee zijn al verbonden."))
    tie = Tie(resident_id=resident.id, a_id=a, b_id=b, quality=quality)
    db.add(tie)
    db.flush()
    _changed(db, coach, resident, "tie.add", f"m{a} - m{b}")
    return tie


@undoable
def remove_tie(db: Session, coach: Coach, resident: Resident, tie_id: int) -> None:
    tie = db.get(Tie, tie_id)
    if tie is None or tie.resident_id != resident.id:
        raise NotFound()
    db.delete(tie)
    _changed(db, coach, resident, "tie.remove", f"m{tie.a_id} - m{tie.b_id}")



#: Which way a kind of support goes: ``support`` the member gives the resident, ``gives``
#: the resident gives the member (the columns of the same names).
DIRECTIONS = ("support", "gives")


@undoable
def set_support(db: Session, coach: Coach, resident: Resident, kind: str, direction: str,
                answers: Mapping[int, bool], *,
                expected_network_version: int | None) -> list[NetworkMember]:
    """Answer one question ("Wie helpt u met boodschappen?") for several people at once:
    ``answers`` says per member id whether they have the support ``kind`` in ``direction``.

    One change with one version bump and one audit event, checked against the version of
    the network the question was asked on (like a move on the map). Refused as a whole,
    with nothing stored, for an unknown kind or direction and for anyone not on this
    resident's map (removed, or another resident's). Returns the members that changed.
    """
    check_version(resident.network_version, expected_network_version)
    if kind not in schema.SUPPORT_KINDS:
        raise Invalid(N_("Onbekende soort hulp."))
    if direction not in DIRECTIONS:
        raise Invalid(N_("Onbekende richting van de hulp."))
    members = db.scalars(select(NetworkMember).where(
        NetworkMember.id.in_(list(answers)), NetworkMember.resident_id == resident.id,
        NetworkMember.archived_at.is_(None)).order_by(NetworkMember.id)).all()
    if len(members) != len(answers):
        raise Invalid(N_("Iemand van deze keuze staat niet (meer) op deze kaart. Er is niets "
                         "opgeslagen."))
    changed = []
    for member in members:
        kinds = set(getattr(member, direction) or ())
        if (kind in kinds) != answers[member.id]:
            kinds ^= {kind}
            setattr(member, direction, [k for k in schema.SUPPORT_KINDS if k in kinds])
            changed.append(member)
    if changed:
        detail = f"{kind}: " + " ".join(f"{'+' if answers[m.id] else '-'}m{m.id}"
                                        for m in changed)
        _changed(db, coach, resident, f"member.{direction}", detail[:AUDIT_DETAIL_MAX])
    return changed
