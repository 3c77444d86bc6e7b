"""A group session "Hoe sterk is mijn netwerk?" with three participants, each in their own
browser, one of whom asks for a netwerkcoach. The facilitator sees totals, no names; after
closing only the one who asked remains in the database."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from sns.models import GroupParticipant, GroupSession, NetworkMember, Resident

pytestmark = pytest.mark.e2e

PARTICIPANTS = {
    "een": [("Dochter Sanne", "Heel dichtbij", "Familie"), ("Buurman Henk", "Dichtbij", "Buren")],
    "twee": [("Vriendin Toos", "Heel dichtbij", "Vrienden"), ("Kapper Mo", "Wat verder weg", None),
             ("Neef Bas", "Dichtbij", "Familie")],
    "drie": [("Zus Fatma", "Heel dichtbij", "Familie"), ("Huisarts", "Dichtbij", "Hulpverleners")],
}
ALL_NAMES = [name for people in PARTICIPANTS.values() for name, _c, _s in people]


def _take_part(page, code: str, people) -> None:
    """One participant: join with the code, then the four questions."""
    page.goto("/doe-mee/")
    page.get_by_label("Code").fill(code.lower())
    page.get_by_role("button", name="Doe mee").click()
    page.get_by_role("heading", name="Wie staan er dicht bij u?").wait_for()
    for name, circle, sector in people:
        page.get_by_label("Naam").fill(name)
        page.get_by_label(circle, exact=True).check()
        if sector:
            page.get_by_label(sector, exact=True).check()
        page.get_by_role("button", name="Zet op mijn kaart").click()
        page.get_by_text(f"{name} staat op uw kaart.").wait_for()
        expect(page.get_by_label("Naam")).to_be_focused()  # ready for the next one
    page.get_by_role("button", name="Klaar met namen: verder").click()

    page.get_by_role("heading", name="Wie helpt u waarmee?").wait_for()
    first = page.get_by_role("group", name=people[0][0])
    first.get_by_label("Een luisterend oor").check()
    first.get_by_label("Hulp in nood").check()
    page.get_by_role("button", name="Verder").click()

    page.get_by_role("heading", name="Voor wie doet u zelf iets?").wait_for()
    page.get_by_label(people[0][0]).check()
    page.get_by_role("button", name="Verder").click()

    page.get_by_role("heading", name="Wie kennen elkaar?").wait_for()
    page.get_by_role("group", name=f"{people[0][0]} kent:").get_by_label(people[1][0]).check()
    page.get_by_role("button", name="Verder").click()
    page.get_by_role("heading", name="Uw netwerk", exact=True).wait_for()


def test_group_session_with_three_participants(visit, people, db, tmp_path):
    facilitator = visit()
    facilitator.login("ans")
    fpage = facilitator.page
    fpage.goto("/groepen/nieuw")
    fpage.get_by_label("Plaats").fill("Buurthuis De Brug")
    fpage.get_by_role("button", name="Maak de bijeenkomst").click()
    code = fpage.locator(".join-code").inner_text().replace(" ", "")
    assert len(code) == 6
    assert fpage.locator(".qr-box svg.qr").is_visible()
    group = db.scalar(select(GroupSession))

    visits = {}
    for key, people_ in PARTICIPANTS.items():
        v = visit()
        _take_part(v.page, code, people_)
        visits[key] = v

    # Participant one sees their own map and findings, and a reload keeps them there.
    one = visits["een"].page
    one.reload()
    one.get_by_role("heading", name="Uw netwerk", exact=True).wait_for()
    assert one.locator("figure.my-map svg .member").count() == 2
    # On a phone: the whole page without sideways scrolling, names of 14 px or more, and the
    # map has a name and says who is where.
    one.set_viewport_size({"width": 390, "height": 844})
    sizes = one.evaluate("""() => Array.from(document.querySelectorAll(
        'figure.my-map svg text.name')).map(t =>
        parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)""")
    assert len(sizes) == 2
    assert min(sizes) >= 14
    assert one.evaluate("document.documentElement.scrollWidth <= innerWidth")
    my_map = one.get_by_role("img", name="Uw netwerkkaart")
    assert "Dochter Sanne" in my_map.locator("desc").text_content()
    one.screenshot(path=str(tmp_path / "participant-390.png"))
    one.set_viewport_size({"width": 1280, "height": 720})
    assert "Dochter Sanne staat heel dicht bij u." in one.locator("ul.findings").inner_text()
    with one.expect_download() as download:
        one.get_by_role("button", name="Mijn kaart bewaren of afdrukken").click()
    assert download.value.suggested_filename == "mijn-netwerk.pdf"
    # Nobody else's people on this page.
    text = one.locator("main").inner_text()
    assert "Vriendin Toos" not in text
    assert "Zus Fatma" not in text

    # Participant two asks for a netwerkcoach.
    two = visits["twee"].page
    two.get_by_text("Ik wil graag hulp van een netwerkcoach").click()
    two.get_by_label("Uw naam").fill("Riek Jansen")
    two.get_by_label("Uw telefoonnummer").fill("06 1234 5678")
    two.get_by_label("Ik geef toestemming").check()
    two.get_by_role("button", name="Stuur mijn vraag").click()
    two.get_by_text("Een netwerkcoach neemt contact met u op.").first.wait_for()

    # The facilitator's overview: totals, no names.
    fpage.reload()
    totals = fpage.locator("#totalen")
    assert totals.locator(".participants").inner_text() == "3"
    assert "Van 2 tot 3 mensen. De middelste kaart heeft er 2." in totals.inner_text()
    assert "Vraagt om een netwerkcoach: 1." in totals.inner_text()
    overview = fpage.locator("main").inner_text()
    for name in (*ALL_NAMES, "Riek Jansen", "06 1234 5678"):
        assert name not in overview
    fpage.screenshot(path="/tmp/groups-overview.png", full_page=True)

    fpage.get_by_label("Ja, wis de kaarten van de deelnemers").check()
    fpage.get_by_role("button", name="Sluit de bijeenkomst af").click()
    fpage.get_by_text("De bijeenkomst is afgesloten.").wait_for()

    # Participant three is told on their next step, and can still take their map home.
    three = visits["drie"].page
    three.get_by_role("button", name="Terug").click()
    three.get_by_role("heading", name="De bijeenkomst is afgesloten").wait_for()
    with three.expect_download() as download:
        three.get_by_role("button", name="Mijn kaart bewaren of afdrukken").click()
    assert download.value.suggested_filename == "mijn-netwerk.pdf"

    # Only the one who asked remains, as a resident of the facilitator with their network.
    db.expire_all()
    assert db.scalar(select(func.count()).select_from(GroupParticipant)) == 0
    new = db.scalars(select(Resident).where(Resident.id.not_in(
        [people.riek.id, people.piet.id]))).all()
    assert [r.name for r in new] == ["Riek Jansen"]
    members = set(db.scalars(select(NetworkMember.name).where(
        NetworkMember.resident_id == new[0].id)))
    assert members == {name for name, _c, _s in PARTICIPANTS["twee"]}
    others = [n for key in ("een", "drie") for n, _c, _s in PARTICIPANTS[key]]
    assert db.scalar(select(func.count()).select_from(NetworkMember).where(
        NetworkMember.name.in_(others))) == 0
    assert db.get(GroupSession, group.id).join_code is None

    fpage.goto("/")
    assert fpage.get_by_role("link", name="Riek Jansen").is_visible()
    for v in (facilitator, *visits.values()):
        assert v.dialogs == []
        assert v.foreign_requests() == []
