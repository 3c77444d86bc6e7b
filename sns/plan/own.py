"""What the resident does on their own page, opened with their personal code
(:mod:`sns.residents.codes`): mark an action of their plan done, and write a point for the
next meeting ("Dit wil ik bespreken"), which the coach reads on the plan page.

There is no account behind these: the audit events name no coach, and say
:data:`VIA_CODE` instead.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from sns import audit
from sns.errors import Invalid
from sns.i18n import N_
from sns.models import Action, Resident, ResidentTopic
from sns.plan.actions import get_action
from sns.rules import clean_text

#: How the access log names who opened or changed the file through the resident's code.
VIA_CODE = "via de code van de bewoner"
#: A point to discuss is at most this long (a few sentences on a phone).
TOPIC_MAX = 1000
#: The statuses an action can be marked done from (a stopped one stays stopped).
MARKABLE = ("open", "bezig")


def opened(db: Session, resident: Resident) -> None:
    """The resident opened their page: an access-log event (the caller commits)."""
    audit.record(db, None, "resident.view", resident_id=resident.id, detail=VIA_CODE)


def mark_done(db: Session, resident: Resident, action_id: int | None) -> Action:
    """The resident marks an action of their plan done; done already changes nothing.
    The caller commits."""
    action = get_action(db, resident, action_id)
    if action.status == "gedaan":
        return action
    if action.status not in MARKABLE:
        raise Invalid(N_("Deze afspraak is gestopt. Bespreek het met uw coach."))
    action.status = "gedaan"
    db.flush()
    audit.record(db, None, "action.done", resident_id=resident.id,
                 detail=f"{action.id} {VIA_CODE}")
    return action


def add_topic(db: Session, resident: Resident, text: str | None) -> ResidentTopic:
    """"Dit wil ik bespreken": a point for the next meeting. The caller commits."""
    cleaned = clean_text(text, limit=TOPIC_MAX)
    if cleaned is None:
        raise Invalid(N_("Schrijf eerst op wat u wilt bespreken."))
    topic = ResidentTopic(resident_id=resident.id, text=cleaned)
    db.add(topic)
    db.flush()
    audit.record(db, None, "topic.add", resident_id=resident.id, detail=VIA_CODE)
    return topic


def topics_of(db: Session, resident: Resident) -> list[ResidentTopic]:
    """The resident's points to discuss, oldest first."""
    return list(db.scalars(select(ResidentTopic).where(ResidentTopic.resident_id == resident.id)
                           .order_by(ResidentTopic.created_at, ResidentTopic.id)))
