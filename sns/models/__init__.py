"""SQLAlchemy models, cut by domain. Importing this package registers every table."""

from sns.models.accounts import ROLES, Coach, Team
from sns.models.audit import AuditEvent
from sns.models.life_domains import LifeDomainEntry
from sns.models.network import NetworkMember, Tie
from sns.models.residents import PHASES, Assignment, Resident
from sns.models.snapshots import NetworkSnapshot

__all__ = [
    "PHASES",
    "ROLES",
    "Assignment",
    "AuditEvent",
    "Coach",
    "LifeDomainEntry",
    "NetworkMember",
    "NetworkSnapshot",
    "Resident",
    "Team",
    "Tie",
]
