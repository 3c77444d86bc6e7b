"""A teamleider sets up two-factor login with the QR code, logs out, and logs in with a code
from the app."""

from __future__ import annotations

import time

import pyotp
import pytest

from sns.accounts import two_factor
from sns.models import Coach
from tests.accounts import PASSWORD
from web.core.qr import qr_svg

pytestmark = pytest.mark.e2e


def test_teamleider_sets_up_two_factor_login_and_logs_in_with_a_code(visit, people, db,
                                                                     tmp_path):
    leider = db.get(Coach, people.leider.id)
    leider.totp_secret = None  # a new teamleider: no app set up yet
    db.commit()

    v = visit()
    page = v.page
    page.goto("/login")
    page.get_by_label("Gebruikersnaam").fill("leider")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    # Every page leads to the setup first.
    page.wait_for_url("**/account/tweestaps")
    page.get_by_text("Voor uw account is inloggen in twee stappen nodig").wait_for()
    page.screenshot(path=str(tmp_path / "setup.png"), full_page=True)

    # "Scanning": the app reads the otpauth URI in the QR code. The page shows the same
    # secret as text; the QR code on the page is exactly that URI's code.
    secret = page.locator("#totp-secret").inner_text()
    uri = two_factor.provisioning_uri(leider, secret)
    assert f"secret={secret}" in uri
    assert page.locator(".totp-qr svg path").get_attribute("d") in str(qr_svg(uri))
    app_on_phone = pyotp.TOTP(secret)

    page.get_by_label("Code uit de app").fill(app_on_phone.now())
    page.get_by_role("button", name="Instellen").click()
    page.get_by_text("U ziet deze codes alleen nu.").wait_for()
    assert page.locator(".recovery-codes li").count() == 10
    page.get_by_role("link", name="Ik heb ze bewaard").click()
    page.get_by_role("link", name="Team").click()
    page.wait_for_url("**/team/")

    page.get_by_role("button", name="Uitloggen").click()
    page.get_by_text("U bent uitgelogd.").wait_for()
    page.get_by_label("Gebruikersnaam").fill("leider")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/login/code")
    # The code used for the setup is spent; the app's next code (half a minute on) works.
    page.get_by_label("Code").fill(app_on_phone.at(time.time() + 30))
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{v.base_url}/deze-week")  # the first page after login
    page.get_by_role("link", name="Team").click()
    page.wait_for_url("**/team/")
    assert v.foreign_requests() == []

