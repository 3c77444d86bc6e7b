"""Screenshots of the main pages for the docs, made from the demo.

Starts the app on a temporary SQLite database with the demo resident (``sns db upgrade`` and
``sns demo``, as ``scripts/start.sh`` does), serves it on a free local port in a thread (the
live-server pattern of ``tests/e2e``), logs in as the demo coach with Playwright and Debian's
Chromium, and saves PNGs into ``docs/img/``. Run it from the project folder:

    .venv/bin/python scripts/screenshots.py [--out docs/img]

It fills in a netwerkberaad, an action and a group session on the way, so those pages show
something. Nothing outside the temporary folder and ``--out`` is touched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
WIDTH, HEIGHT = 1280, 800


def prepare(tmp: Path) -> dict[str, str]:
    """A fresh instance folder with the migrated database and the demo in it."""
    env = dict(os.environ)
    env.update(
        SNS_INSTANCE_PATH=str(tmp),
        DATABASE_URL=f"sqlite:///{tmp / 'sns.sqlite3'}",
        SNS_PDF_WORKERS="0",
    )
    sns = str(Path(sys.executable).parent / "sns")  # the virtualenv's own console script
    for command in (["db", "upgrade"], ["demo"]):
        subprocess.run([sns, *command], env=env, check=True, capture_output=True)  # noqa: S603
    os.environ.update(env)  # the app below reads the same settings
    return env


def serve():
    """The app on 127.0.0.1 and a free port; returns (server, base URL)."""
    import logging

    from werkzeug.serving import make_server

    from web import create_app

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    server = make_server("127.0.0.1", 0, create_app(), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def shrink(path: Path) -> None:
    """The PNG with a palette of 256 colours: a page's flat colours and text keep their look,
    and the file is about half as large (Pillow comes with WeasyPrint)."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256)
    small.save(path, optimize=True)


def shoot(page, out: Path, name: str, full_page: bool = False) -> None:
    path = out / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    shrink(path)
    print(f"{path}  {path.stat().st_size // 1024} KiB")


def pdf_page(context, url: str, out: Path, name: str, tmp: Path) -> None:
    """The first sheet of a PDF as a PNG (needs pdftoppm from poppler-utils)."""
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        print(f"skipped {name}: no pdftoppm")
        return
    answer = context.request.get(url)
    assert answer.ok, (url, answer.status)
    pdf = tmp / f"{name}.pdf"
    pdf.write_bytes(answer.body())
    subprocess.run([pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",  # noqa: S603
                    str(pdf), str(out / name)], check=True)
    shrink(out / f"{name}.png")
    print(f"{out / name}.png  (first sheet of {url})")


def run(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sns-screens-") as name:
        tmp = Path(name)
        prepare(tmp)
        password = (tmp / "demo-password.txt").read_text().strip()
        server, base = serve()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM,
                    args=["--no-sandbox", "--disable-dev-shm-usage", "--lang=nl-NL"])
                try:
                    walk(browser, base, password, out, tmp)
                finally:
                    browser.close()
        finally:
            server.shutdown()


def walk(browser, base: str, password: str, out: Path, tmp: Path) -> None:
    context = browser.new_context(base_url=base, locale="nl-NL",
                                  viewport={"width": WIDTH, "height": HEIGHT})
    page = context.new_page()

    page.goto("/login")
    page.get_by_label("Gebruikersnaam").fill("demo")
    shoot(page, out, "inloggen")
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}/deze-week")

    page.goto("/")
    shoot(page, out, "mijn-bewoners")
    page.get_by_role("link", name="Riek de Vries").first.click()
    page.wait_for_load_state()
    resident = re.search(r"/bewoners/(\d+)", page.url).group(1)
    home = f"/bewoners/{resident}"
    shoot(page, out, "bewoner")

    page.goto(f"{home}/verkenning#kaart")
    page.wait_for_function("() => document.querySelector('canvas') !== null")
    page.wait_for_timeout(1000)  # the map's first drawing
    shoot(page, out, "netwerkkaart")

    # The map turned to the resident.
    page.goto(f"{home}/verkenning/laat-zien")
    page.wait_for_function("() => document.querySelector('canvas') !== null")
    page.wait_for_timeout(1000)
    shoot(page, out, "laat-de-kaart-zien")

    # The scan's findings stand on the resident's page.
    page.goto(home)
    page.locator("#sterkte-titel").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -40)")
    shoot(page, out, "scan")

    # A netwerkberaad in five days (so "Deze week" lists it), with four people invited.
    page.goto(f"{home}/beraad/")
    page.get_by_role("button", name="Nieuw netwerkberaad voorbereiden").click()
    page.wait_for_load_state()
    page.fill("#on_date", (dt.date.today() + dt.timedelta(days=5)).isoformat())
    page.fill("#at_time", "19:30")
    page.fill("#place", "Bij Riek thuis")
    boxes = page.locator("input[name=invitee]")
    for i in range(min(4, boxes.count())):
        boxes.nth(i).check()
    page.get_by_role("button", name="Opslaan").first.click()
    page.wait_for_load_state()
    page.evaluate("window.scrollTo(0, 0)")
    shoot(page, out, "netwerkberaad")

    # An actieteam of two and one action in the plan.
    page.goto(f"{home}/plan/")
    team = page.locator("form", has=page.get_by_role("button", name="Actieteam opslaan"))
    for name in ("Ans", "Fatma"):
        team.get_by_label(name, exact=True).check()
    team.get_by_role("button", name="Actieteam opslaan").click()
    page.wait_for_load_state()
    form = page.locator("form", has=page.locator("#nieuw-what"))
    form.locator("#nieuw-what").fill("Samen naar de markt op zaterdag")
    form.locator("input[name=who]").first.check()
    form.locator("#nieuw-due").fill((dt.date.today() + dt.timedelta(days=30)).isoformat())
    form.get_by_role("button", name="Zet in het plan").click()
    page.wait_for_load_state()
    page.locator("#acties-titel").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -120)")
    shoot(page, out, "plan")

    page.goto("/deze-week")  # now with the netwerkberaad coming up
    shoot(page, out, "deze-week")

    pdf_page(context, f"{home}/afdrukken/kaart.pdf", out, "kaart-pdf", tmp)

    # A group session: the screen with the code, and a participant on a phone.
    page.goto("/groepen/nieuw")
    page.fill("#title", "Hoe sterk is mijn netwerk?")
    page.fill("#on_date", dt.date.today().isoformat())
    page.fill("#place", "Buurthuis De Linde")
    page.get_by_role("button", name="Maak de bijeenkomst").click()
    page.wait_for_load_state()
    session = re.search(r"/groepen/(\d+)", page.url).group(1)
    page.goto(f"/groepen/{session}/scherm")
    shoot(page, out, "groep-scherm", full_page=True)  # the code stands below the QR code
    code = page.locator(".join-code").inner_text().strip()
    context.close()

    phone = browser.new_context(base_url=base, locale="nl-NL",
                                viewport={"width": 390, "height": 760})
    participant = phone.new_page()
    participant.goto("/doe-mee/")
    participant.fill("#code", code)
    participant.get_by_role("button", name="Doe mee").click()
    participant.wait_for_load_state()
    shoot(participant, out, "groep-deelnemer")
    phone.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    run(parser.parse_args().out.resolve())


if __name__ == "__main__":
    main()
