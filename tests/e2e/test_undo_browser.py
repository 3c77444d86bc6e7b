"""A slip at the kitchen table: the coach takes Ans off the map, presses "Ongedaan maken", and
Ans is back with her line; then Ctrl+Shift+Z and Ctrl+Z do it again and undo it again."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sns.models import NetworkMember, Tie

pytestmark = pytest.mark.e2e


def _on_map(db, resident) -> list[str]:
    db.expire_all()
    return list(db.scalars(select(NetworkMember.name).where(
        NetworkMember.resident_id == resident.id).order_by(NetworkMember.id)))


def _ans_and_kees(db, riek) -> NetworkMember:
    """Ans (with support and a note) and Kees on Riek's map, with a line between them;
    returns Ans, whom the tests take off the map."""
    ans = NetworkMember(resident_id=riek.id, name="Ans", sector="familie", circle=1,
                        support=["praktisch"], note="Komt op zondag")
    kees = NetworkMember(resident_id=riek.id, name="Kees", sector="familie", circle=2)
    db.add_all([ans, kees])
    db.flush()
    db.add(Tie(resident_id=riek.id, a_id=ans.id, b_id=kees.id))
    db.commit()
    return ans


def _press(page, keys: str) -> None:
    """Press ``keys`` once the page and its scripts are in (a person is slower than that)."""
    page.wait_for_load_state("load")
    page.keyboard.press(keys)


def test_a_removed_person_comes_back_with_the_button_and_the_keys(visit, people, db):
    riek = people.riek
    ans = _ans_and_kees(db, riek)
    v = visit()
    v.login("ans")
    page = v.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/bewoners/{riek.id}/leden/m{ans.id}")
    page.get_by_role("button", name="Haal Ans van de kaart").click()
    page.locator("#tabel").get_by_text("Ans staat niet meer op de kaart.").wait_for()
    assert _on_map(db, riek) == ["Kees"]
    table = page.locator("#tabel")
    table.get_by_role("button", name="Ongedaan maken: Ans van de kaart gehaald").click()
    page.get_by_text("Ongedaan gemaakt: Ans van de kaart gehaald.").wait_for()
    assert _on_map(db, riek) == ["Ans", "Kees"]
    back = db.get(NetworkMember, ans.id)
    assert (back.support, back.note) == (["praktisch"], "Komt op zondag")
    assert db.scalar(select(Tie.id).where(Tie.a_id == ans.id)) is not None
    assert page.locator("#tabel table").get_by_role("rowheader", name="Ans").count() == 1
    assert "Ans – Kees" in page.locator("ul.ties").inner_text()

    # The keys press the forms beside the map, never while typing in a field.
    page.get_by_label("Wie is er in uw leven?").fill("Toos")
    page.get_by_label("Wie is er in uw leven?").press("Control+z")
    assert page.get_by_label("Wie is er in uw leven?").input_value() in ("", "Toos")
    assert _on_map(db, riek) == ["Ans", "Kees"]
    page.locator("h1").click()
    _press(page, "Control+Shift+Z")
    page.get_by_text("Opnieuw gedaan: Ans van de kaart gehaald.").wait_for()
    assert _on_map(db, riek) == ["Kees"]
    _press(page, "Control+z")
    page.get_by_text("Ongedaan gemaakt: Ans van de kaart gehaald.").wait_for()
    assert _on_map(db, riek) == ["Ans", "Kees"]
    _press(page, "Control+y")
    page.get_by_text("Opnieuw gedaan: Ans van de kaart gehaald.").wait_for()
    assert _on_map(db, riek) == ["Kees"]
    assert not v.foreign_requests()


@pytest.mark.parametrize(("width", "height"), [(768, 1024), (390, 844)], ids=["768", "390"])
def test_a_remove_is_undone_and_redone_by_touch(visit, people, db, width, height):
    """On a tablet and a phone: the buttons are tapped, each answer comes in place (no
    reload), and the person comes back with their support, note and line each time."""
    riek = people.riek
    ans = _ans_and_kees(db, riek)
    v = visit(viewport={"width": width, "height": height}, has_touch=True, is_mobile=True)
    v.login("ans")
    page = v.page
    page.goto(f"/bewoners/{riek.id}/leden/m{ans.id}")
    page.get_by_role("button", name="Haal Ans van de kaart").tap()
    page.locator("#tabel").get_by_text("Ans staat niet meer op de kaart.").wait_for()
    assert _on_map(db, riek) == ["Kees"]
    page.wait_for_function("() => window.snsTable !== undefined")
    page.evaluate("window.snsMarker = 'zelfde pagina'")

    def tap(button, message: str) -> None:
        done = page.evaluate("window.snsTable.done")
        button.tap()
        page.wait_for_function("(n) => window.snsTable.done > n", arg=done)
        page.get_by_text(message).first.wait_for()

    def ans_is_back() -> None:
        assert _on_map(db, riek) == ["Ans", "Kees"]
        back = db.get(NetworkMember, ans.id)
        assert (back.support, back.note) == (["praktisch"], "Komt op zondag")
        assert db.scalar(select(Tie.id).where(Tie.a_id == ans.id)) is not None

    tap(page.locator("#tabel").get_by_role(
        "button", name="Ongedaan maken: Ans van de kaart gehaald"),
        "Ongedaan gemaakt: Ans van de kaart gehaald.")
    ans_is_back()
    tap(page.locator("#opnieuw button"), "Opnieuw gedaan: Ans van de kaart gehaald.")
    assert _on_map(db, riek) == ["Kees"]
    tap(page.locator("#ongedaan button"), "Ongedaan gemaakt: Ans van de kaart gehaald.")
    ans_is_back()
    assert page.evaluate("window.snsMarker") == "zelfde pagina"  # all in place
