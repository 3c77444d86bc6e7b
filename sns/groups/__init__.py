"""Group sessions "Hoe sterk is mijn netwerk?".

A coach (the facilitator) opens a session and shows its join code (:mod:`.sessions`,
:mod:`.codes`). Residents join with the code, without an account, and get a token of their
own (:mod:`.joining`); each maps their own network in guided steps (:mod:`.maps`) and may ask
for a netwerkcoach (:mod:`.coach_request`). The facilitator sees the group, never the
individuals (:mod:`.overview`). Closing deletes every participant; who asked for a
netwerkcoach, with consent and contact details, first becomes a resident in the
facilitator's caseload with that network (:mod:`.closing`).

The names below are the package's interface for the web layer and the tests.

>>> normalize_code(" k7m-4px ")
'K7M4PX'
"""

from sns.groups.closing import close_session, referral_note
from sns.groups.coach_request import has_opted_in, request_coach, withdraw_request
from sns.groups.codes import CODE_ALPHABET, CODE_LENGTH, hash_token, new_code, normalize_code
from sns.groups.joining import (
    JOIN_FLOOD_LIMIT,
    JOIN_LIMIT,
    JOIN_WINDOW,
    TooManyAttempts,
    TooManyJoins,
    WrongCode,
    end_token,
    join,
    participant_by_token,
)
from sns.groups.maps import (
    MAX_PEOPLE,
    STEP_GIVES,
    STEP_PEOPLE,
    STEP_RESULT,
    STEP_SUPPORT,
    STEP_TIES,
    STEPS,
    add_person,
    empty_network,
    graph_of,
    next_step,
    previous_step,
    remove_person,
    set_gives,
    set_support,
    set_ties,
    update,
)
from sns.groups.overview import GAP_CODES, MIN_GROUP, TOP_GAPS, Totals, gaps_of, totals
from sns.groups.public_limits import PDF_LIMIT, PDF_WINDOW, TooManyPrints, count_print
from sns.groups.sessions import (
    DEFAULT_TITLE,
    create_session,
    load_own_session,
    participants_of,
    sessions_of,
)

__all__ = [
    "CODE_ALPHABET", "CODE_LENGTH", "DEFAULT_TITLE", "GAP_CODES", "JOIN_LIMIT", "JOIN_WINDOW",
    "MAX_PEOPLE", "MIN_GROUP", "STEPS", "STEP_GIVES", "STEP_PEOPLE", "STEP_RESULT",
    "STEP_SUPPORT", "STEP_TIES", "TOP_GAPS", "TooManyAttempts", "Totals", "WrongCode", "add_person",
    "close_session", "create_session", "empty_network", "gaps_of", "graph_of", "has_opted_in",
    "hash_token", "join", "load_own_session", "new_code", "next_step", "normalize_code",
    "participant_by_token", "participants_of", "previous_step", "referral_note",
    "remove_person", "request_coach", "sessions_of", "set_gives", "set_support", "set_ties",
    "totals", "update", "withdraw_request",
    "JOIN_FLOOD_LIMIT", "PDF_LIMIT", "PDF_WINDOW", "TooManyJoins", "TooManyPrints",
    "count_print", "end_token",
]
