"""SQLAlchemy models, cut by domain. Importing this package registers every table."""

from sns.models.accounts import (
    CASELOAD_ROLES,
    ROLES,
    Coach,
    LoginAttempt,
    RecoveryCode,
    SecondFactorAttempt,
    Team,
)
from sns.models.audit import AuditChainHead, AuditEvent
from sns.models.beraad import Invitee, Meeting, Offer
from sns.models.calendar import FEED_NAMES, CalendarFeed
from sns.models.changes import NetworkChange
from sns.models.codes import CODE_PURPOSES, CodeAttempt, PersonalCode, ResidentTopic
from sns.models.consent import Consent
from sns.models.groups import GroupParticipant, GroupSession, JoinAttempt, PublicRequest
from sns.models.life_domains import LifeDomainEntry
from sns.models.network import NetworkMember, Tie
from sns.models.plan import ACTION_STATUSES, Action, Performer, Review
from sns.models.residents import PHASES, Assignment, Resident
from sns.models.snapshots import NetworkSnapshot
from sns.models.submissions import UsedSubmission
from sns.models.trajectory import PhaseChange

__all__ = [
    "ACTION_STATUSES",
    "CODE_PURPOSES",
    "FEED_NAMES",
    "PHASES",
    "CASELOAD_ROLES",
    "ROLES",
    "Action",
    "Assignment",
    "AuditChainHead",
    "AuditEvent",
    "CalendarFeed",
    "CodeAttempt",
    "Coach",
    "Consent",
    "GroupParticipant",
    "GroupSession",
    "Invitee",
    "JoinAttempt",
    "LoginAttempt",
    "LifeDomainEntry",
    "Meeting",
    "NetworkChange",
    "NetworkMember",
    "NetworkSnapshot",
    "Offer",
    "Performer",
    "PersonalCode",
    "PhaseChange",
    "PublicRequest",
    "RecoveryCode",
    "Resident",
    "ResidentTopic",
    "Review",
    "SecondFactorAttempt",
    "Team",
    "Tie",
    "UsedSubmission",
]
