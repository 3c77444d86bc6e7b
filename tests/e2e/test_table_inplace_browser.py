"""At the kitchen table without page reloads (web/static/table.js): support by question on
the map and by typing, the quick entry, and a refused action, each saved in place."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sns.models import NetworkMember
from tests.e2e.map_page import NODE_POINT, in_place, open_map

pytestmark = pytest.mark.e2e

NETWORK = [  # name, sector, circle
    ("Ans", "familie", 1), ("Bert", "familie", 2), ("Carla", "vrienden", 2),
    ("Dirk", "buren", 3), ("Els", "vrienden", 1), ("Huisarts Bakker", "professionals", 3),
]
MARK = "window.snsMarker = 'zelfde pagina'"
SAME_PAGE = "window.snsMarker === 'zelfde pagina'"
_VIEW = """() => {
    const net = document.getElementById('map').snsNetwork;
    const p = net.getViewPosition();
    return [p.x, p.y, net.getScale()];
}"""


@pytest.fixture
def riek_network(db, people):
    members = [NetworkMember(resident_id=people.riek.id, name=name, sector=sector,
                             circle=circle) for name, sector, circle in NETWORK]
    db.add_all(members)
    db.commit()
    return {m.name: m for m in members}


def _stored(db, network, direction: str) -> dict[str, list[str]]:
    db.expire_all()
    return {name: getattr(db.get(NetworkMember, m.id), direction)
            for name, m in network.items() if getattr(db.get(NetworkMember, m.id), direction)}


def _click_person(page, member) -> None:
    page.locator("#map").scroll_into_view_if_needed()
    with in_place(page):
        page.mouse.click(*page.evaluate(NODE_POINT, f"m{member.id}"))


def _type_name(page, letters: str) -> None:
    field = page.get_by_label("Naam", exact=True)
    field.fill(letters)
    with in_place(page):
        field.press("Enter")
    assert page.evaluate("document.activeElement.id") == "vraag-naam"  # the next name


def test_two_questions_answered_on_the_map_and_by_typing_without_navigation(
        visit, people, riek_network, db):
    page, errors = open_map(visit, people.riek)
    page.evaluate(MARK)
    net = riek_network

    with in_place(page):
        page.get_by_role("link", name="Wie helpt u met boodschappen of klusjes?").click()
    page.get_by_text("Wie helpt u met boodschappen of klusjes?").wait_for()
    assert "Een groene ring betekent ja." in page.locator("#map-help").inner_text()
    # the message place is a live region: it stays in the page and takes the new messages
    page.evaluate("document.getElementById('meldingen-vragen').snsKept = true")
    # while a question is open, a click on a person answers it instead of opening them
    _click_person(page, net["Ans"])
    assert _stored(db, net, "support") == {"Ans": ["praktisch"]}
    _click_person(page, net["Dirk"])
    assert _stored(db, net, "support") == {"Ans": ["praktisch"], "Dirk": ["praktisch"]}
    _type_name(page, "car")
    assert page.locator("#meldingen-vragen").inner_text() == "Carla: ja."
    assert page.evaluate("document.getElementById('meldingen-vragen').snsKept")
    assert _stored(db, net, "support") == {"Ans": ["praktisch"], "Dirk": ["praktisch"],
                                           "Carla": ["praktisch"]}
    _click_person(page, net["Dirk"])  # a second click takes the answer back
    assert page.locator("#meldingen-vragen").inner_text() == "Dirk: nee."
    assert _stored(db, net, "support") == {"Ans": ["praktisch"], "Carla": ["praktisch"]}
    # the list shows the answers as ticked, and the map's data has them (the ring)
    assert page.locator(f"#antwoord-m{net['Ans'].id}").is_checked()
    assert not page.locator(f"#antwoord-m{net['Dirk'].id}").is_checked()
    assert page.evaluate(
        "(id) => JSON.parse(document.getElementById('map-data').textContent)"
        ".nodes.find(n => n.id === id).support", f"m{net['Carla'].id}") == ["praktisch"]

    # "Volgende vraag" five times: the first question about what the resident gives
    for _ in range(5):
        with in_place(page):
            page.get_by_role("link", name="Volgende vraag").click()
    page.get_by_text("Voor wie doet u zelf boodschappen of klusjes?").wait_for()
    _click_person(page, net["Els"])
    _type_name(page, "huis")
    _type_name(page, "b")  # the first name from A to Z: Bert
    assert _stored(db, net, "gives") == {"Els": ["praktisch"], "Huisarts Bakker": ["praktisch"],
                                         "Bert": ["praktisch"]}
    # a tick in the list is saved at once too
    with in_place(page):
        page.locator(f"label:has(#antwoord-m{net['Bert'].id})").click()
    assert _stored(db, net, "gives") == {"Els": ["praktisch"], "Huisarts Bakker": ["praktisch"]}
    # by keyboard on the map: an arrow chooses a person, Enter answers for them
    page.locator("#map").focus()
    page.keyboard.press("ArrowRight")
    chosen = page.locator("#map-focus").inner_text().split(",")[0]
    with in_place(page):
        page.keyboard.press("Enter")
    assert chosen in _stored(db, net, "gives")
    assert page.evaluate("document.activeElement.id") == "map"
    assert _stored(db, net, "support") == {"Ans": ["praktisch"], "Carla": ["praktisch"]}

    # no page was loaded again, and the touch targets are large enough
    assert page.evaluate(SAME_PAGE)
    box = page.locator(f"label:has(#antwoord-m{net['Ans'].id})").bounding_box()
    assert box["height"] >= 44
    assert box["width"] >= 44
    # done with the questions: a click opens a person again
    with in_place(page):
        page.get_by_role("link", name="Klaar met de vragen").click()
    page.locator("#map").scroll_into_view_if_needed()
    with page.expect_navigation():
        page.mouse.click(*page.evaluate(NODE_POINT, f"m{net['Ans'].id}"))
    assert page.url.endswith(f"/leden/m{net['Ans'].id}")
    assert errors == []


def test_quick_entry_adds_a_person_to_the_map_without_reload(visit, people, riek_network, db):
    page, errors = open_map(visit, people.riek)
    page.evaluate(MARK)
    page.get_by_label("Wie is er in uw leven?").fill("Zus Fien")
    page.get_by_label("Sector", exact=True).select_option(label="Familie")
    page.get_by_label("Cirkel", exact=True).select_option(label="1 · heel dichtbij")
    view = page.evaluate(_VIEW)
    with in_place(page):
        page.get_by_label("Wie is er in uw leven?").press("Enter")
    fien = db.scalar(select(NetworkMember).where(NetworkMember.name == "Zus Fien"))
    assert (fien.sector, fien.circle) == ("familie", 1)
    # on the map and in the list, the map's view where it was, the name field ready
    assert page.evaluate(
        "(id) => document.getElementById('map').snsNetwork.body.data.nodes.get(id) !== null",
        f"m{fien.id}")
    assert page.locator("#tabel").get_by_role("rowheader", name="Zus Fien").count() == 1
    assert page.get_by_role("status").filter(
        has_text="Zus Fien staat bij Familie, in cirkel 1.").count() == 1
    assert page.evaluate(_VIEW) == pytest.approx(view)
    assert page.evaluate("document.activeElement.id") == "quick-name"
    assert page.get_by_label("Wie is er in uw leven?").input_value() == ""
    # the next person goes in at once: the form has a fresh one-time key
    page.keyboard.type("Oom Wim")
    with in_place(page):
        page.keyboard.press("Enter")
    assert db.scalar(select(func.count()).select_from(NetworkMember)
                     .where(NetworkMember.name == "Oom Wim")) == 1
    assert page.evaluate(SAME_PAGE)
    assert page.evaluate("window.snsTable.lastMs") > 0
    assert errors == []


def test_a_refused_action_shows_its_message_in_place(visit, people, riek_network, db):
    page, errors = open_map(visit, people.riek)
    page.evaluate(MARK)
    before = db.scalar(select(func.count()).select_from(NetworkMember))
    # a name of only spaces: refused, the message beside the form, what was typed stays
    page.get_by_label("Wie is er in uw leven?").fill("   ")
    with in_place(page):
        page.get_by_label("Wie is er in uw leven?").press("Enter")
    assert page.locator("#meldingen-snel [role=alert]").inner_text() == "Vul een naam in."
    assert page.get_by_label("Wie is er in uw leven?").input_value() == "   "
    # a line from a person to themselves
    page.get_by_label("Deze persoon").select_option(label="Ans")
    page.get_by_label("kent", exact=True).select_option(label="Ans")
    with in_place(page):
        page.get_by_role("button", name="Verbind").click()
    assert "Kies twee verschillende mensen." in page.locator("#banden").inner_text()
    # an expired form (its CSRF token gone): the error page's words beside the form
    page.evaluate("document.querySelector('#verplaats [name=csrf_token]').value = 'oud'")
    page.get_by_role("button", name="Verplaats").click()
    page.locator(".inplace-error").filter(has_text="Het formulier was verlopen").wait_for()
    db.expire_all()
    assert db.scalar(select(func.count()).select_from(NetworkMember)) == before
    assert page.evaluate(SAME_PAGE)
    assert errors == []
