"""All three SNS phases for the demo resident, in the browser, as the coach and resident do."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from sns.demo import seed as demo
from sns.models import Action, Coach, Resident

pytestmark = pytest.mark.e2e


def test_verkenning_beraad_actieteam_for_the_demo_resident(visit, db, tmp_path):
    login = demo.load_demo(db, tmp_path)
    db.commit()
    riek = db.scalar(select(Resident).where(Resident.name == demo.DEMO_RESIDENT))
    v = visit()
    v.login(login.username, login.password)
    page = v.page
    page.goto(f"/bewoners/{riek.id}/")
    assert page.locator(".phase-now").inner_text() == "Netwerkverkenning"

    # Verkenning done: on to the netwerkberaad.
    page.get_by_role("button", name="Verder naar netwerkberaad").click()
    assert page.locator(".phase-now").inner_text() == "Netwerkberaad"

    page.get_by_role("link", name="Netwerkberaad", exact=True).click()
    page.get_by_role("button", name="Nieuw netwerkberaad voorbereiden").click()
    page.get_by_label("Datum", exact=True).fill(date.today().isoformat())
    page.get_by_label("Tijd", exact=True).fill("14:00")
    page.get_by_label("Waar", exact=True).fill("bij mij thuis")
    for name in ("Ans", "Toos", "Fatma", "Kees"):
        page.get_by_role("checkbox", name=name, exact=False).first.check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het netwerkberaad is opgeslagen.").wait_for()

    page.get_by_role("link", name="Uitnodigingen").click()
    assert page.locator("article.invitation").count() == 4
    assert "Groet,\nRiek de Vries" in page.locator("article.invitation").first.inner_text()
    page.go_back()

    came = page.locator("#verslag")
    for name in ("Ans", "Toos", "Fatma"):
        came.get_by_role("checkbox", name=name).check()
    came.get_by_label("Afspraken").fill("Over twee weken weer samen.")
    came.get_by_role("button", name="Verslag opslaan").click()
    page.get_by_text("Het verslag is opgeslagen.").wait_for()

    offers = page.locator("#aanbod")
    for who, what in (("Toos", "Elke dinsdag samen naar de markt"),
                      ("Fatma", "Dagelijks even langskomen")):
        offers.get_by_label("Wie").select_option(label=who)
        offers.get_by_label("Wil dit doen").fill(what)
        offers.get_by_label("Leefgebied").select_option(label="Dagbesteding")
        offers.get_by_role("button", name="Noteer").click()
        page.get_by_text("Het aanbod is genoteerd.").wait_for()
    assert page.locator("ul.offers li").count() == 2

    # The actieteam.
    page.goto(f"/bewoners/{riek.id}/")
    page.get_by_role("button", name="Verder naar actieteam").click()
    assert page.locator(".phase-now").inner_text() == "Actieteam"
    page.get_by_role("link", name="Plan", exact=True).click()
    team = page.locator("#actieteam")
    for name in ("Ans", "Toos", "Fatma"):
        team.get_by_role("checkbox", name=name).check()
    team.get_by_role("button", name="Actieteam opslaan").click()
    page.get_by_text("Het actieteam is opgeslagen.").wait_for()
    assert page.locator("#actieteam p").first.inner_text() == "Ans, Fatma, Toos"

    actions = page.locator("#acties")
    for what, who, domain in (("Samen naar de markt", "Toos", "Dagbesteding"),
                              ("Post openen", "Ans", "Financiën"),
                              ("Even langskomen", "Fatma", "Steun en netwerk")):
        actions.get_by_label("Wat gaat er gebeuren?").fill(what)
        actions.get_by_role("checkbox", name=who).check()
        actions.get_by_label("Leefgebied").select_option(label=domain)
        actions.get_by_role("button", name="Zet in het plan").click()
        page.get_by_text("De actie staat in het plan.").wait_for()
    assert page.locator("table.actions tbody tr").count() == 3

    page.get_by_role("link", name="Post openen").click()
    page.get_by_label("Stand van zaken").select_option(label="Gedaan")
    page.get_by_role("button", name="Opslaan").click()
    row = page.locator("table.actions tr", has=page.get_by_role("link", name="Post openen"))
    assert "Gedaan" in row.inner_text()

    page.goto(f"/bewoners/{riek.id}/")
    page.get_by_role("button", name="Verder naar evaluatie").click()
    assert page.locator(".phase-now").inner_text() == "Evaluatie"

    db.expire_all()
    statuses = sorted(a.status for a in db.scalars(select(Action)))
    assert statuses == ["gedaan", "open", "open"]
    assert db.scalar(select(Coach).where(Coach.username == "demo")) is not None
    assert v.dialogs == []
    assert v.foreign_requests() == []
