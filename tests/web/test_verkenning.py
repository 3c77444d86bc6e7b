"""Netwerkverkenning: members, ties, dragging on the map, life domains, bad input."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from graph.map import layout
from sns.models import LifeDomainEntry, NetworkMember, Tie
from sns.network.graphs import to_graph

pytestmark = pytest.mark.db


def _members(db, resident):
    db.expire_all()
    return list(db.scalars(select(NetworkMember).where(NetworkMember.resident_id == resident.id)
                           .order_by(NetworkMember.id)))


def _count(db, model):
    db.expire_all()
    return db.scalar(select(func.count()).select_from(model))


@pytest.fixture
def riek(client, auth, people):
    auth.login("ans")
    return people.riek


def _add(client, resident, **data):
    return client.post(f"/bewoners/{resident.id}/leden", data=data)


def test_quick_entry_puts_a_member_on_map_table_and_graph(client, riek, db):
    response = _add(client, riek, name="Ans", sector="familie", circle="1")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("#kaart")  # back at the map, not the top
    page = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    # Where she landed, next to the form that put her there (before the map, not at the top).
    entry = page[page.index('id="snel"'):page.index('id="map"')]
    assert "Ans staat bij Familie, in cirkel 1." in entry
    assert "Ans staat bij" not in page[:page.index('id="snel"')]
    assert '<th scope="row">Ans</th>' in page
    (member,) = _members(db, riek)
    assert (member.sector, member.circle) == ("familie", 1)
    assert f'"id": "m{member.id}"' in page  # in the map's data


def test_only_a_name_is_required(client, riek, db):
    _add(client, riek, name="de huisarts")
    (member,) = _members(db, riek)
    assert (member.sector, member.circle, member.support) == (None, None, [])


@pytest.mark.parametrize(("data", "message"), [
    ({"name": "  "}, "Vul een naam in."),
    ({"name": "x" * 10_000}, "Deze tekst is te lang."),
    ({"name": "Ans", "sector": "marsbewoners"}, "Onbekende sector."),
    ({"name": "Ans", "circle": "4"}, "Kies cirkel 1, 2 of 3."),
    ({"name": "Ans", "circle": "dichtbij"}, "Kies cirkel 1, 2 of 3."),
    ({"name": "Ans", "support": "geld"}, "Onbekende soort hulp."),
])
def test_bad_member_input_gets_a_message_and_changes_nothing(client, riek, db, data, message):
    response = client.post(f"/bewoners/{riek.id}/leden", data=data, follow_redirects=True)
    assert message in response.get_data(as_text=True)
    assert _members(db, riek) == []


def test_markup_in_a_name_is_text_on_the_page_and_in_the_map_data(client, riek):
    name = "<img src=x onerror=alert(1)>"
    _add(client, riek, name=name, sector="vrienden", circle="2")
    page = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    assert name not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page  # |tojson in the JSON block


def test_edit_member_saves_every_field(client, riek, db):
    _add(client, riek, name="Toos")
    (member,) = _members(db, riek)
    response = client.post(f"/bewoners/{riek.id}/leden/m{member.id}", data={
        "version": member.version, "name": "Toos", "sector": "vrienden", "circle": "1",
        "support": ["emotioneel", "gezelschap"], "reciprocal": "ja", "frequency": "wekelijks",
        "quality": "goed", "willing": "samen naar de markt", "talents": "bakt taart",
        "note": "", "can_think_along": "ja"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/verkenning#kaart")
    (member,) = _members(db, riek)
    assert member.support == ["emotioneel", "gezelschap"]
    assert member.reciprocal is True
    assert member.can_think_along is True
    assert member.willing == "samen naar de markt"
    table = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    assert "Een luisterend oor, Gezelschap" in table
    assert "Toos is opgeslagen." in table
    assert f'data-selected="m{member.id}"' in table


def test_stale_member_edit_shows_the_current_state(client, riek, db):
    _add(client, riek, name="Toos")
    (member,) = _members(db, riek)
    url = f"/bewoners/{riek.id}/leden/m{member.id}"
    old = member.version
    client.post(url, data={"version": old, "name": "Toos B."})
    response = client.post(url, data={"version": old, "name": "Toos C."})
    assert response.status_code == 409
    assert "Iemand anders heeft dit intussen gewijzigd" in response.get_data(as_text=True)
    assert 'value="Toos B."' in response.get_data(as_text=True)
    assert _members(db, riek)[0].name == "Toos B."


def test_ties_between_members(client, riek, db):
    _add(client, riek, name="Ans")
    _add(client, riek, name="Kees")
    a, b = _members(db, riek)
    client.post(f"/bewoners/{riek.id}/banden", data={"a": b.id, "b": a.id, "quality": "goed"})
    tie = db.scalar(select(Tie))
    assert (tie.a_id, tie.b_id, tie.quality) == (a.id, b.id, "goed")
    again = client.post(f"/bewoners/{riek.id}/banden", data={"a": a.id, "b": b.id},
                        follow_redirects=True)
    assert "Deze twee zijn al verbonden." in again.get_data(as_text=True)
    client.post(f"/bewoners/{riek.id}/banden/verwijderen", data={"tie": tie.id})
    assert _count(db, Tie) == 0


def test_tie_to_another_residents_member_is_refused(client, riek, people, db):
    _add(client, riek, name="Ans")
    (ans,) = _members(db, riek)
    stranger = NetworkMember(resident_id=people.piet.id, name="Vreemde")
    db.add(stranger)
    db.commit()
    response = client.post(f"/bewoners/{riek.id}/banden", data={"a": ans.id, "b": stranger.id},
                           follow_redirects=True)
    assert "Kies mensen uit dit netwerk." in response.get_data(as_text=True)
    assert _count(db, Tie) == 0


def test_member_of_another_resident_cannot_be_edited_through_this_one(client, riek, people, db):
    stranger = NetworkMember(resident_id=people.piet.id, name="Vreemde")
    db.add(stranger)
    db.commit()
    assert client.get(f"/bewoners/{riek.id}/leden/m{stranger.id}").status_code == 404


def _move(client, resident, member, x, y, version):
    return client.post(f"/bewoners/{resident.id}/kaart/verplaats",
                       data={"member": f"m{member.id}", "x": x, "y": y, "version": version})


def test_drag_to_the_inner_circle_saves_circle_and_sector(client, riek, db):
    _add(client, riek, name="Fatma", sector="buren", circle="3")
    (member,) = _members(db, riek)
    version = riek.network_version  # reloaded by _members: the version the map shows
    f = layout.frame(to_graph(db, riek))  # the rings and wedges the page drew
    (r0, r1), (a0, a1) = f.rings()[1], f.wedges()["familie"]
    x, y = layout.to_xy((r0 + r1) / 2, (a0 + a1) / 2)  # circle 1, the familie wedge
    response = _move(client, riek, member, x, y, version)
    assert response.status_code == 200
    assert response.json["ok"] is True
    (member,) = _members(db, riek)
    assert (member.circle, member.sector) == (1, "familie")
    # after the drag the page reloads and says where Fatma landed, just above the map
    page = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    assert "Fatma staat bij Familie, in cirkel 1." in _section(page, "snel", "map")


def test_drag_outside_the_rings_or_on_a_stale_map_changes_nothing(client, riek, db):
    _add(client, riek, name="Fatma", sector="buren", circle="3")
    (member,) = _members(db, riek)
    version = riek.network_version
    outside = _move(client, riek, member, 0, 900, version)
    assert outside.status_code == 400
    assert "drie cirkels" in outside.json["message"]
    on_resident = _move(client, riek, member, 5, 5, version)
    assert on_resident.status_code == 400
    nonsense = _move(client, riek, member, "nan", "1", version)
    assert nonsense.status_code == 400
    stale = _move(client, riek, member, *layout.to_xy(120, 36), version - 1)
    assert stale.status_code == 409
    (member,) = _members(db, riek)
    assert (member.circle, member.sector) == (3, "buren")


def test_remove_member_takes_their_ties_too(client, riek, db):
    _add(client, riek, name="Ans")
    _add(client, riek, name="Kees")
    a, b = _members(db, riek)
    client.post(f"/bewoners/{riek.id}/banden", data={"a": a.id, "b": b.id})
    client.post(f"/bewoners/{riek.id}/leden/m{a.id}/verwijderen", data={"version": a.version})
    assert [m.name for m in _members(db, riek)] == ["Kees"]
    assert _count(db, Tie) == 0


def test_life_domains_save_and_refuse_bad_scores(client, riek, db):
    url = f"/bewoners/{riek.id}/leefgebieden"
    page = client.get(url).get_data(as_text=True)
    for domain in ("Steun en netwerk", "Wonen", "Dagbesteding", "Financiën", "Gezondheid"):
        assert domain in page
    # The jargon is explained in the resident's words.
    assert "<legend>Dagbesteding: wat doet u overdag?</legend>" in page
    response = client.post(url, data={"current_wonen": "Trap is lastig", "desired_wonen":
                                      "Gelijkvloers wonen", "score_wonen": "4"})
    assert response.status_code == 302
    entry = db.scalar(select(LifeDomainEntry))
    assert (entry.domain, entry.current, entry.score) == ("wonen", "Trap is lastig", 4)
    bad = client.post(url, data={"current_wonen": "x", "score_wonen": "11",
                                 "version_wonen": entry.version})
    assert bad.status_code == 400
    assert "Een cijfer is van 1 tot en met 10." in bad.get_data(as_text=True)
    stale = client.post(url, data={"current_wonen": "y", "score_wonen": "5"})
    assert stale.status_code == 409
    db.expire_all()
    assert db.scalar(select(LifeDomainEntry)).current == "Trap is lastig"


def test_quick_entry_starts_unknown_and_then_keeps_the_last_sector_and_circle(client, riek):
    page = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    assert "selected" not in page.split('id="quick-sector"')[1].split("</select>")[0]
    _add(client, riek, name="Fatma", sector="buren", circle="2")
    page = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    assert '<option value="buren" selected>' in page
    assert '<option value="2" selected>' in page


def _section(page: str, start: str, end: str) -> str:
    """The part of the page from the element with id ``start`` up to the one with ``end``."""
    return page[page.index(f'id="{start}"'):page.index(f'id="{end}"')]


def _move_to(client, resident, member, version, **data):
    return client.post(f"/bewoners/{resident.id}/kaart/verplaats-naar",
                       data={"member": f"m{member.id}", "version": version, **data})


def test_move_form_without_dragging_stores_sector_and_circle(client, riek, db):
    _add(client, riek, name="Kees", sector="familie", circle="3")
    (kees,) = _members(db, riek)
    response = _move_to(client, riek, kees, riek.network_version, sector="vrienden", circle="1")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("#verplaats")
    (kees,) = _members(db, riek)
    assert (kees.sector, kees.circle) == ("vrienden", 1)
    page = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    # the message stands under the move form, and the map shows Kees chosen
    assert "Kees staat bij Vrienden, in cirkel 1." in _section(page, "verplaats", "tabel")
    assert f'data-selected="m{kees.id}"' in page


@pytest.mark.parametrize(("data", "message"), [
    ({"sector": "marsbewoners", "circle": "1"}, "Onbekende sector."),
    ({"sector": "familie", "circle": "7"}, "Kies cirkel 1, 2 of 3."),
    ({"sector": "familie", "circle": "1", "stale": True},
     "Iemand anders heeft dit intussen gewijzigd"),
])
def test_move_form_refused_says_why_next_to_it_and_changes_nothing(client, riek, db, data,
                                                                  message):
    _add(client, riek, name="Kees", sector="buren", circle="3")
    (kees,) = _members(db, riek)
    fields = {k: v for k, v in data.items() if k != "stale"}  # the parameter is shared
    version = riek.network_version - (1 if data.get("stale") else 0)
    response = _move_to(client, riek, kees, version, **fields)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert message in _section(page, "verplaats", "tabel")
    (kees,) = _members(db, riek)
    assert (kees.sector, kees.circle) == ("buren", 3)


def test_move_form_needs_its_csrf_token_and_a_member_of_this_network(client, riek, people, db):
    _add(client, riek, name="Kees", sector="buren", circle="3")
    (kees,) = _members(db, riek)
    response = client.post(f"/bewoners/{riek.id}/kaart/verplaats-naar", csrf=False,
                           data={"member": f"m{kees.id}", "sector": "familie", "circle": "1",
                                 "version": riek.network_version})
    assert response.status_code == 400
    stranger = NetworkMember(resident_id=people.piet.id, name="Vreemde", circle=2)
    db.add(stranger)
    db.commit()
    response = client.post(f"/bewoners/{riek.id}/kaart/verplaats-naar", follow_redirects=True,
                           data={"member": f"m{stranger.id}", "sector": "familie",
                                 "circle": "1"})
    assert "Deze persoon staat niet op deze kaart." in response.get_data(as_text=True)
    db.expire_all()
    assert (db.get(NetworkMember, kees.id).circle, db.get(NetworkMember, stranger.id).circle) == (
        3, 2)


def test_who_knows_whom_starts_with_two_different_people(client, riek):
    for name in ("Ans", "Bert", "Cor"):
        _add(client, riek, name=name)
    page = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    a, b = _section(page, "tie-a", "tie-b"), _section(page, "tie-b", "tie-quality")
    # "Deze persoon" starts at the first name (no choice made), "kent" at the second
    assert "selected" not in a
    assert ' selected>Bert</option>' in b


def test_a_form_message_stands_next_to_that_form_not_at_the_top(client, riek):
    _add(client, riek, name="Ans")
    _add(client, riek, name="Bert")
    page = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    ans, bert = re.findall(r'<option value="(\d+)" ?(?:selected)?>(?:Ans|Bert)</option>', page)[:2]
    response = client.post(f"/bewoners/{riek.id}/banden", data={"a": ans, "b": bert},
                           follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "De lijn is getekend." in page[page.index('id="banden"'):]
    assert "De lijn is getekend." not in page[:page.index('id="kaart"')]


@pytest.mark.parametrize(("data", "message"), [
    ({"sector": "buren", "circle": "3"}, "Kees staat bij Buren, in cirkel 3."),
    ({"sector": "buren"}, "Kees staat bij Buren, in de buitenste ring: kies nog een cirkel."),
    ({"circle": "1"}, "Kees staat in cirkel 1, bij ‘Onbekend’: kies nog een sector."),
    ({}, "Kees staat op de kaart. Kies nog een sector en een cirkel"),
])
def test_the_confirmation_says_where_on_the_map_and_what_is_still_open(client, riek, data,
                                                                       message):
    _add(client, riek, name="Kees", **data)
    page = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    assert message in _section(page, "snel", "map")


def test_removing_a_line_without_naming_it_or_of_another_network_changes_nothing(
        client, riek, people, db):
    _add(client, riek, name="Ans")
    _add(client, riek, name="Kees")
    a, b = _members(db, riek)
    client.post(f"/bewoners/{riek.id}/banden", data={"a": a.id, "b": b.id})
    tie = db.scalar(select(Tie))
    assert client.post(f"/bewoners/{riek.id}/banden/verwijderen").status_code == 400
    assert client.post(f"/bewoners/{people.piet.id}/banden/verwijderen",
                       data={"tie": tie.id}).status_code == 404
    assert _count(db, Tie) == 1


def _show(client, resident, query=""):
    return client.get(f"/bewoners/{resident.id}/verkenning/laat-zien{query}")


def test_the_resident_view_is_for_the_residents_coaches_only(client, auth, people):
    auth.login("other")  # a coach of another team
    assert _show(client, people.riek).status_code == 404
    assert _show(client, people.riek, "?schuilnamen=1").status_code == 404


def test_the_resident_view_shows_map_legend_and_help_question_without_forms(
        client, auth, demo_riek, db):
    demo_riek.hulpvraag = "Ik wil weer naar de markt <zonder> hulp."
    db.commit()
    auth.login("ans")
    page = _show(client, demo_riek).get_data(as_text=True)
    assert "Ik wil weer naar de markt &lt;zonder&gt; hulp." in page
    assert '<div id="map"' in page
    assert 'class="legend"' in page
    for row in demo_riek.rows.values():
        assert row.name in page  # on the map, as its data
    assert "<form" not in page  # not even the header's language switch or logout
    assert "GraphML" not in page
    assert "Gephi" not in page
    assert "data-move-url" not in page  # nobody is dragged here
    # the verkenning page links to it
    index = client.get(f"/bewoners/{demo_riek.id}/verkenning").get_data(as_text=True)
    assert f'href="/bewoners/{demo_riek.id}/verkenning/laat-zien">Laat de kaart zien' in index


def test_schuilnamen_send_no_name_and_no_help_question(client, auth, demo_riek, db):
    demo_riek.hulpvraag = "Mijn dochter Sandra moet minder doen."
    member = next(iter(demo_riek.rows.values()))
    member.talents = "Kookt elke zondag met Truus"
    db.commit()
    auth.login("ans")
    page = _show(client, demo_riek, "?schuilnamen=1").get_data(as_text=True)
    assert "Familielid 1" in page
    assert "Bewoner" in page
    for row in demo_riek.rows.values():
        assert row.name not in page, row.name
    for text in ("Riek", "Sandra", "Truus"):
        assert text not in page, text
    assert "De hulpvraag staat er nu niet bij, want daarin kunnen namen staan." in page
    assert "<form" not in page
    # the way back to the names
    assert f'href="/bewoners/{demo_riek.id}/verkenning/laat-zien">Namen tonen' in page
