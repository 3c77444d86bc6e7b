"""Group sessions: join codes, the rate limit on guessing, the participant's network, the
anonymous totals, and closing (everything deleted except a consented opt-in)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, inspect, select, text

from sns import groups
from sns.errors import Forbidden, Invalid, NotFound
from sns.models import (
    Assignment,
    AuditEvent,
    GroupParticipant,
    GroupSession,
    JoinAttempt,
    NetworkMember,
    Resident,
    Tie,
)
from sns.models.base import utcnow


@pytest.fixture
def group(db, people):
    session = groups.create_session(db, people.ans, "Hoe sterk is mijn netwerk?",
                                    date(2026, 11, 23), "Buurthuis De Brug")
    db.commit()
    return session


def _join(db, group, client="10.0.0.1"):
    participant, token = groups.join(db, group.join_code, client)
    db.commit()
    return participant, token


def _fill(db, participant, people, *, support=None, gives=(), ties=()):
    """Give a participant a map: ``people`` is [(name, circle, sector)]."""
    net = groups.empty_network()
    for name, circle, sector in people:
        groups.add_person(net, name, circle, sector)
    groups.set_support(net, support or {})
    if gives is not None:
        groups.set_gives(net, gives)
    if ties:
        groups.set_ties(net, ties)
    groups.update(participant, net, groups.STEP_RESULT)
    db.commit()
    return net


# -- codes -------------------------------------------------------------------------------


def test_codes_are_six_unambiguous_characters():
    for _ in range(200):
        code = groups.new_code()
        assert len(code) == 6
        assert not set(code) & set("0O1IL")
        assert set(code) <= set(groups.CODE_ALPHABET)


def test_typed_codes_are_normalized():
    assert groups.normalize_code(" k7m-4px ") == "K7M4PX"
    assert groups.normalize_code("k7m 4px") == "K7M4PX"
    assert groups.normalize_code(None) == ""


@pytest.mark.db
def test_open_sessions_have_different_codes(db, people, monkeypatch):
    first = groups.create_session(db, people.ans, "Een", date.today(), None)
    codes = iter([first.join_code, first.join_code, "HJK234"])
    monkeypatch.setattr(groups.sessions, "new_code", lambda: next(codes))
    second = groups.create_session(db, people.bob, "Twee", date.today(), None)
    assert second.join_code == "HJK234"


@pytest.mark.db
def test_a_closed_sessions_code_expires_and_can_be_reused(db, people, group):
    code = group.join_code
    groups.close_session(db, people.ans, group)
    db.commit()
    assert group.join_code is None
    with pytest.raises(groups.WrongCode):
        groups.join(db, code, "10.0.0.1")
    db.commit()
    # The code is free again for a new session (unique among open sessions only).
    again = GroupSession(facilitator_id=people.bob.id, title="Later", join_code=code)
    db.add(again)
    db.commit()


def test_session_needs_title_and_date_and_a_coach(db, people):
    with pytest.raises(Invalid):
        groups.create_session(db, people.ans, "  ", date.today(), None)
    with pytest.raises(Invalid):
        groups.create_session(db, people.ans, "Titel", None, None)
    with pytest.raises(Forbidden):
        groups.create_session(db, people.admin, "Titel", date.today(), None)


@pytest.mark.db
def test_only_the_facilitator_loads_the_session(db, people, group):
    assert groups.load_own_session(db, people.ans, group.id) is group
    for stranger in (people.bob, people.leider, people.other):
        with pytest.raises(NotFound):
            groups.load_own_session(db, stranger, group.id)
    with pytest.raises(NotFound):
        groups.close_session(db, people.bob, group)


# -- joining and the rate limit ------------------------------------------------------------


@pytest.mark.db
def test_joining_stores_only_the_tokens_hash(db, group):
    participant, token = _join(db, group)
    assert len(token) >= 40
    assert participant.token_hash == groups.hash_token(token)
    assert token not in participant.token_hash
    assert groups.participant_by_token(db, group.id, token) == participant
    # The token is only valid in its own session, and only the exact token.
    assert groups.participant_by_token(db, group.id + 1, token) is None
    assert groups.participant_by_token(db, group.id, token[:-1]) is None
    assert groups.participant_by_token(db, group.id, None) is None


@pytest.mark.db
def test_lowercase_code_with_spaces_joins(db, group):
    code = group.join_code
    participant, _ = groups.join(db, f" {code[:3].lower()} {code[3:].lower()} ", "10.0.0.1")
    assert participant.session_id == group.id


@pytest.mark.db
def test_typos_of_others_never_keep_out_the_right_code(db, group):
    for _ in range(10):
        with pytest.raises(groups.WrongCode):
            groups.join(db, "AAAAAA", "10.0.0.9")
        db.commit()
    participant, _ = groups.join(db, group.join_code, "10.0.0.9")
    assert participant.id


@pytest.mark.db
def test_guessing_stops_every_attempt_from_that_address(db, group):
    db.add_all(JoinAttempt(client="10.0.0.9", at=utcnow()) for _ in range(groups.JOIN_LIMIT))
    db.commit()
    with pytest.raises(groups.TooManyAttempts) as refused:
        groups.join(db, group.join_code, "10.0.0.9")
    assert "Wacht tien minuten" in refused.value.message
    db.rollback()
    # Another address is not affected.
    participant, _ = groups.join(db, group.join_code, "10.0.0.10")
    assert participant.id


@pytest.mark.db
def test_ending_a_token_makes_it_find_nobody(db, group):
    participant, token = groups.join(db, group.join_code, "10.0.0.1")
    groups.end_token(participant)
    db.commit()
    assert groups.participant_by_token(db, group.id, token) is None


@pytest.mark.db
def test_attempts_expire_after_the_window(db, group):
    long_ago = utcnow() - groups.JOIN_WINDOW - timedelta(seconds=1)
    db.add_all(JoinAttempt(client="10.0.0.9", at=long_ago) for _ in range(groups.JOIN_LIMIT))
    db.commit()
    participant, _ = groups.join(db, group.join_code, "10.0.0.9")
    assert participant.id
    # The old attempts were deleted: an address is kept for minutes, no longer.
    assert db.scalar(select(func.count()).select_from(JoinAttempt)) == 0


# -- the participant's network -------------------------------------------------------------


def test_network_steps_and_graph():
    net = groups.empty_network()
    ans = groups.add_person(net, "Ans", 1, "familie")
    piet = groups.add_person(net, "Piet", 2, None)
    groups.set_support(net, {ans["id"]: ["praktisch", "nood"], piet["id"]: ["gezelschap"]})
    groups.set_gives(net, [piet["id"]])
    groups.set_ties(net, [(piet["id"], ans["id"]), (ans["id"], piet["id"])])
    G = groups.graph_of(net)
    assert G.nodes["p1"]["name"] == "Ans"
    assert G.edges["ego", "p1"]["support"] == ("praktisch", "nood")
    assert G.edges["ego", "p1"]["reciprocal"] is False
    assert G.edges["ego", "p2"]["reciprocal"] is True
    assert G.has_edge("p1", "p2")
    assert net["ties"] == [[1, 2]]

    groups.remove_person(net, ans["id"])
    assert net["ties"] == []
    with pytest.raises(NotFound):
        groups.remove_person(net, 99)


@pytest.mark.parametrize(("call", "args"), [
    (groups.add_person, ("", 1, None)),
    (groups.add_person, ("Ans", None, None)),
    (groups.add_person, ("Ans", 4, None)),
    (groups.add_person, ("Ans", 1, "kerk")),
    (groups.add_person, ("x" * 101, 1, None)),
    (groups.set_support, ({1: ["geld"]},)),
    (groups.set_support, ({7: ["praktisch"]},)),
    (groups.set_gives, ([7],)),
    (groups.set_ties, ([(1, 1)],)),
    (groups.set_ties, ([(1, 7)],)),
])
def test_bad_answers_are_refused(call, args):
    net = groups.empty_network()
    groups.add_person(net, "Ans", 1, None)
    before = repr(net)
    with pytest.raises(Invalid):
        call(net, *args)
    assert repr(net) == before


def test_at_most_so_many_people():
    net = groups.empty_network()
    for i in range(groups.MAX_PEOPLE):
        groups.add_person(net, f"P{i}", 2, None)
    with pytest.raises(Invalid):
        groups.add_person(net, "Eén te veel", 2, None)


def test_steps_skip_what_does_not_apply():
    net = groups.empty_network()
    assert groups.next_step(net, groups.STEP_PEOPLE) == groups.STEP_RESULT
    assert groups.previous_step(net, groups.STEP_RESULT) == groups.STEP_PEOPLE
    groups.add_person(net, "Ans", 1, None)
    assert groups.next_step(net, groups.STEP_PEOPLE) == groups.STEP_SUPPORT
    assert groups.next_step(net, groups.STEP_GIVES) == groups.STEP_RESULT  # nobody to tie
    assert groups.previous_step(net, groups.STEP_RESULT) == groups.STEP_GIVES
    groups.add_person(net, "Piet", 1, None)
    assert groups.next_step(net, groups.STEP_GIVES) == groups.STEP_TIES
    assert groups.previous_step(net, groups.STEP_RESULT) == groups.STEP_TIES


# -- asking for a coach --------------------------------------------------------------------


@pytest.mark.db
@pytest.mark.parametrize("fields", [
    {"consent": False, "name": "Riek", "phone": "0612345678", "email": None},
    {"consent": True, "name": "", "phone": "0612345678", "email": None},
    {"consent": True, "name": "Riek", "phone": "", "email": ""},
    {"consent": True, "name": "Riek", "phone": "bel me", "email": None},
    {"consent": True, "name": "Riek", "phone": None, "email": "geen-adres"},
])
def test_opt_in_needs_consent_and_contact_details(db, group, fields):
    participant, _ = _join(db, group)
    with pytest.raises(Invalid):
        groups.request_coach(participant, **fields)
    assert not participant.wants_coach
    assert participant.consent_at is None
    assert not groups.has_opted_in(participant)


@pytest.mark.db
def test_opt_in_and_withdraw(db, group):
    participant, _ = _join(db, group)
    groups.request_coach(participant, consent=True, name="Riek", phone="06-123 456 78",
                         email=None, question="Mijn dochter woont ver weg.")
    assert groups.has_opted_in(participant)
    groups.withdraw_request(participant)
    assert not groups.has_opted_in(participant)
    assert participant.contact_name is None
    assert participant.contact_phone is None


# -- totals --------------------------------------------------------------------------------


class _P:
    """A hand-made participant: just a network, a step and the opt-in flag."""

    def __init__(self, people, support=None, gives=(), step=5, wants_coach=False, ties=()):
        net = groups.empty_network()
        for name, circle, sector in people:
            groups.add_person(net, name, circle, sector)
        groups.set_support(net, support or {})
        if gives is not None:
            groups.set_gives(net, gives)
        if ties:
            groups.set_ties(net, ties)
        self.network, self.step, self.wants_coach = net, step, wants_coach


def test_totals_below_the_minimum_group_show_only_the_count():
    t = groups.totals([_P([("A", 1, None)]), _P([("B", 1, None)]), _P([])])
    assert (t.participants, t.with_map, t.shown) == (3, 2, False)
    assert t.gaps == []
    assert t.per_kind == {}
    assert t.size_max is None


def test_totals_on_hand_made_participants():
    fam = "familie"
    people = [
        # 2 people, emergency help only from Ans, nobody in circle 1, helps nobody.
        _P([("Ans", 2, fam), ("Bep", 3, fam)], {1: ["nood"]}, gives=[], step=5),
        # 6 people, all support from Cor (on one person), practical from two.
        _P([("Cor", 1, "buren")] + [(f"X{i}", 2, "vrienden") for i in range(5)],
           {1: ["praktisch", "emotioneel", "advies", "gezelschap", "nood"], 2: ["praktisch"]},
           gives=[1], wants_coach=True),
        # 12 people, nobody gives anything yet, still at step 2.
        _P([(f"Y{i}", 1, fam) for i in range(12)], gives=None, step=2),
        # not started: no map
        _P([], gives=None, step=1),
    ]
    t = groups.totals(people)
    assert (t.participants, t.with_map, t.shown) == (4, 3, True)
    assert (t.finished, t.asked_coach) == (2, 1)
    assert (t.size_min, t.size_median, t.size_max) == (2, 6, 12)
    assert t.size_bins == [(1, 4, 1), (5, 9, 1), (10, 14, 1), (15, None, 0)]
    assert t.per_kind["nood"] == {"nobody": 1, "one": 2}
    assert t.per_kind["praktisch"] == {"nobody": 2, "one": 0}
    assert t.per_kind["emotioneel"] == {"nobody": 2, "one": 1}
    # The most common first: five of the gaps that two of the three maps have.
    assert len(t.gaps) == groups.TOP_GAPS
    assert all(count == 2 for _code, count in t.gaps)
    assert ("niemand:praktisch", 2) in t.gaps
    # Counts only: no name of anyone on any map is in the totals.
    dumped = repr(t.as_json())
    for name in ("Ans", "Bep", "Cor", "X1", "Y1"):
        assert name not in dumped
    assert groups.Totals.from_json(t.as_json()) == t


def test_gap_codes():
    p = _P([("Ans", 2, "familie"), ("Bep", 2, "familie")],
           {1: ["praktisch", "emotioneel", "advies"]}, gives=[])
    p.network["ties_asked"] = True
    codes = groups.gaps_of(p.network)
    for code in ("cirkel1_leeg", "rust_op_een", "een_groep", "kennen_elkaar_niet",
                 "geeft_niet", "een:praktisch", "niemand:nood"):
        assert code in codes
    # Not asked who knows whom: no conclusion about it.
    p.network["ties_asked"] = False
    assert "kennen_elkaar_niet" not in groups.gaps_of(p.network)


# -- closing -------------------------------------------------------------------------------


def _everything(db) -> str:
    """Every row of every table as text, to search for anything that should be gone."""
    rows = []
    for table in sorted(inspect(db.get_bind()).get_table_names()):
        query = text(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the database
        rows += [repr(tuple(r)) for r in db.execute(query)]
    return "\n".join(rows)


@pytest.mark.db
def test_closing_deletes_every_participant_except_the_opt_in(db, people, group):
    keep, _ = _join(db, group, "10.0.0.1")
    _fill(db, keep, [("Dochter Sanne", 1, "familie"), ("Buurman Henk", 2, "buren")],
          support={1: ["emotioneel", "nood"], 2: ["praktisch"]}, gives=[1], ties=[(1, 2)])
    groups.request_coach(keep, consent=True, name="Riek Jansen", phone="0612345678",
                         email="riek@example.org", question="Ik wil niemand tot last zijn.")
    gone, _ = _join(db, group, "10.0.0.2")
    _fill(db, gone, [("Geheime Gerda", 1, "vrienden")], support={1: ["advies"]})
    # Asked, but without consent: refused, so nothing of it is kept.
    half, _ = _join(db, group, "10.0.0.3")
    _fill(db, half, [("Verborgen Vera", 1, "familie")])
    with pytest.raises(Invalid):
        groups.request_coach(half, consent=False, name="Karel Klein", phone="0687654321",
                             email=None)
    db.commit()
    _join(db, group, "10.0.0.4")  # joined, never answered
    residents_before = db.scalar(select(func.count()).select_from(Resident))

    new = groups.close_session(db, people.ans, group)
    db.commit()

    assert db.scalar(select(func.count()).select_from(GroupParticipant)) == 0
    assert [r.name for r in new] == ["Riek Jansen"]
    assert db.scalar(select(func.count()).select_from(Resident)) == residents_before + 1
    resident = db.get(Resident, new[0].id)
    assert resident.team_id == people.ans.team_id
    assert [a.coach_id for a in db.scalars(select(Assignment).where(
        Assignment.resident_id == resident.id))] == [people.ans.id]
    assert resident.hulpvraag == "Ik wil niemand tot last zijn."
    assert "Aangemeld via groepsbijeenkomst 'Hoe sterk is mijn netwerk?'" in resident.contact
    assert "0612345678" in resident.contact
    assert "riek@example.org" in resident.contact
    members = {m.name: m for m in db.scalars(select(NetworkMember).where(
        NetworkMember.resident_id == resident.id))}
    assert set(members) == {"Dochter Sanne", "Buurman Henk"}
    assert members["Dochter Sanne"].support == ["emotioneel", "nood"]
    assert members["Dochter Sanne"].reciprocal is True
    assert members["Buurman Henk"].sector == "buren"
    assert members["Buurman Henk"].circle == 2
    assert db.scalar(select(func.count()).select_from(Tie).where(
        Tie.resident_id == resident.id)) == 1

    # Nothing of the others survives anywhere in the database.
    everything = _everything(db)
    for secret in ("Geheime Gerda", "Verborgen Vera", "Karel Klein", "0687654321"):
        assert secret not in everything
    # The session keeps only counts.
    assert group.summary["participants"] == 4
    assert group.referred == 1
    actions = [e.action for e in db.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert {"group.create", "resident.create", "group.referral", "group.close"} <= set(actions)


@pytest.mark.db
def test_closing_twice_is_refused(db, people, group):
    groups.close_session(db, people.ans, group)
    db.commit()
    with pytest.raises(Invalid):
        groups.close_session(db, people.ans, group)


@pytest.mark.db
def test_closing_keeps_anonymous_totals(db, people, group):
    for i in range(3):
        participant, _ = _join(db, group, f"10.0.1.{i}")
        _fill(db, participant, [(f"Persoon{i}", 1, None)], support={1: ["nood"]})
    groups.close_session(db, people.ans, group)
    db.commit()
    t = groups.Totals.from_json(group.summary)
    assert t.shown
    assert t.with_map == 3
    assert t.per_kind["nood"] == {"nobody": 0, "one": 3}
    assert "Persoon" not in repr(group.summary)
