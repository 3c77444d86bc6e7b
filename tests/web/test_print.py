"""Afdrukken: the netwerkkaart, "Mijn netwerk" and the take-home bundle as PDF.

The PDFs are read back with pypdf (text, page size) and one page is rasterised with
pdftoppm (poppler-utils) to see that the map is really drawn.
"""

from __future__ import annotations

import io
import logging
import re
import socket
import subprocess
from datetime import date

import pytest
from click.testing import CliRunner
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from graph import schema
from sns.models import AuditEvent
from sns.network.graphs import store_graph, to_graph
from sns.plan.dates import day_text
from web.core.pdf import (
    RefusedURL,
    render_here,
    static_file,
    svg_bytes,
    svg_image,
    url_fetcher,
)
from web.printing import documents

A4 = (842, 595)  # landscape, in pt
A3 = (1191, 842)
MEMBERS = ("Ans de Wit", "Jan van Dijk", "Zoë Ĳzerman", "Huisarts Bakker")


def _network():
    G = schema.new_network("Riek")
    schema.add_member(G, "ans", name="Ans de Wit", sector="familie", circle=1,
                      support=["praktisch", "nood"], quality="goed")
    schema.add_member(G, "jan", name="Jan van Dijk", sector="buren", circle=2,
                      support=["advies"], quality="wisselend")
    schema.add_member(G, "zoe", name="Zoë Ĳzerman", sector="vrienden", circle=1,
                      support=["emotioneel", "gezelschap"], quality="goed")
    schema.add_member(G, "bakker", name="Huisarts Bakker", sector="professionals", circle=3,
                      support=["nood"])
    schema.add_tie(G, "ans", "jan", quality="gespannen")
    return G


@pytest.fixture
def riek(client, auth, people, db):
    store_graph(db, people.riek, _network())
    db.commit()
    auth.login("ans")
    return people.riek


def _url(resident, name: str, query: str = "") -> str:
    return f"/bewoners/{resident.id}/afdrukken/{name}" + (f"?{query}" if query else "")


def _pdf(client, url: str) -> PdfReader:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(response.data))


def _text(reader: PdfReader) -> str:
    """All text, whitespace collapsed (lines in the PDF break where the layout wraps)."""
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def _page_texts(reader: PdfReader) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def _map_then_findings(reader: PdfReader) -> None:
    """The bundle starts with the map on one page and "Mijn netwerk" on the next (more
    sections, such as the plan, may follow)."""
    texts = _page_texts(reader)
    assert len(texts) >= 2
    assert texts[0].startswith("De netwerkkaart")
    assert texts[1].startswith("Mijn netwerk")


def _size(page) -> tuple[int, int]:
    return round(float(page.mediabox.width)), round(float(page.mediabox.height))


def _today() -> str:
    return day_text(date.today())  # every printout writes dates as "1 dec 2026"


# -- the documents -----------------------------------------------------------------------


@pytest.mark.db
def test_map_is_one_a4_landscape_page_with_names_date_and_legend(client, riek):
    response = client.get(_url(riek, "kaart.pdf"))
    assert response.headers["Content-Disposition"] == 'attachment; filename="netwerkkaart.pdf"'
    assert response.headers["Cache-Control"] == "no-store"
    reader = PdfReader(io.BytesIO(response.data))
    assert len(reader.pages) == 1
    assert _size(reader.pages[0]) == pytest.approx(A4, abs=1)
    text = _text(reader)
    for expected in ("De netwerkkaart", "Riek", _today(), *MEMBERS,
                     "Familie", "Buren", "Goed", "Wisselend", "Gespannen of verbroken"):
        assert expected in text, expected
    assert "Wie is er belangrijk voor u?" not in text


@pytest.mark.db
def test_map_on_a3(client, riek):
    reader = _pdf(client, _url(riek, "kaart.pdf", "formaat=a3"))
    assert [_size(page) for page in reader.pages] == [pytest.approx(A3, abs=1)]
    assert "Ans de Wit" in _text(reader)


@pytest.mark.db
def test_mijn_netwerk_has_the_findings_and_who_helps_with_what(client, riek, app, db):
    response = client.get(_url(riek, "mijn-netwerk.pdf"))
    assert 'filename="mijn-netwerk-overzicht.pdf"' in response.headers["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.data))
    assert all(_size(page) == pytest.approx(A4, abs=1) for page in reader.pages)
    text = _text(reader)
    with app.test_request_context():
        expected = documents.network_context(documents.printout(riek, to_graph(db, riek)))
    assert expected["findings"]
    for sentence in expected["findings"]:
        assert " ".join(sentence.split()) in text, sentence
    for heading in ("Mijn netwerk", "Hoe sterk is mijn netwerk?", "Wie helpt waarmee?",
                    "Praktische hulp", "Hulp in nood", "Riek", _today()):
        assert heading in text, heading
    assert "Ans de Wit, Huisarts Bakker" in text  # hulp in nood, in the order of the map


@pytest.mark.db
def test_mijn_netwerk_in_dutch_and_english(client, riek):
    """The printed findings are the page's findings, in the chosen language."""
    text = _text(_pdf(client, _url(riek, "mijn-netwerk.pdf")))
    for sentence in (
        "Er staan 4 mensen op uw kaart. Ans de Wit en Zoë Ĳzerman staan heel dicht bij u.",
        "Voor praktische hulp kunt u nu alleen bij Ans de Wit terecht. "
        "Wie zou Ans de Wit af en toe kunnen aflossen?",
    ):
        assert sentence in text, sentence
    client.post("/taal", data={"lang": "en", "next": "/"})
    text = _text(_pdf(client, _url(riek, "mijn-netwerk.pdf")))
    for sentence in (
        "There are 4 people on your map. Ans de Wit and Zoë Ĳzerman are very close to you.",
        "For practical help you can only turn to Ans de Wit now. "
        "Who could take over from Ans de Wit now and then?",
    ):
        assert sentence in text, sentence
    assert "uw kaart" not in text


@pytest.mark.db
def test_take_home_bundle_is_map_then_findings(client, riek):
    response = client.get(_url(riek, "meenemen.pdf"))
    assert response.headers["Content-Disposition"] == 'attachment; filename="mijn-netwerk.pdf"'
    reader = PdfReader(io.BytesIO(response.data))
    _map_then_findings(reader)
    first, second = _page_texts(reader)[:2]
    assert "De netwerkkaart" in first
    assert "Ans de Wit" in first
    assert "Hoe sterk is mijn netwerk?" in second
    assert "Wie helpt waarmee?" in second


@pytest.mark.db
def test_printing_is_audited(client, riek, db):
    client.get(_url(riek, "kaart.pdf", "namen=initialen"))
    events = db.scalars(select(AuditEvent).where(AuditEvent.action == "resident.print"))
    assert [(e.resident_id, e.detail) for e in events] == [(riek.id, "kaart a4 initials")]


@pytest.mark.db
@pytest.mark.parametrize(("option", "shown", "hidden"), [
    ("initialen", ["A.d.W.", "J.v.D.", "Z.Ĳ.", "Huisarts B.", "R."],
     ["Ans", "Wit", "Dijk", "Zoë", "Bakker", "Riek"]),
    ("voornaam", ["Ans", "Jan", "Zoë", "Huisarts", "Riek"],
     ["de Wit", "van Dijk", "Ĳzerman", "Bakker"]),
])
def test_privacy_option_prints_no_full_names(client, riek, option, shown, hidden):
    reader = _pdf(client, _url(riek, "meenemen.pdf", f"namen={option}"))
    text = _text(reader)
    for part in shown:
        assert part in text, part
    for part in hidden:
        assert part not in text, part
    assert "Riek" not in str(reader.metadata or {})


@pytest.mark.db
def test_unknown_option_is_refused_rather_than_printing_full_names(client, riek):
    assert client.get(_url(riek, "kaart.pdf", "namen=initalen")).status_code == 400
    assert client.get(_url(riek, "kaart.pdf", "formaat=a5")).status_code == 400


@pytest.mark.db
@pytest.mark.parametrize("name", ["kaart.pdf", "mijn-netwerk.pdf", "meenemen.pdf"])
def test_a_stranger_gets_404(client, auth, people, name):
    auth.login("bob")
    assert client.get(_url(people.riek, name)).status_code == 404


@pytest.mark.db
def test_empty_network_prints_a_friendly_empty_map(client, auth, people):
    auth.login("bob")
    reader = _pdf(client, _url(people.piet, "meenemen.pdf"))
    _map_then_findings(reader)
    first = _page_texts(reader)[0]
    assert "Wie is er belangrijk voor u? Schrijf de namen in de cirkels." in first
    assert "Piet" in first
    assert "Familie" in first
    assert "Er staan nog geen mensen op uw kaart." in _text(reader)


@pytest.mark.db
def test_markup_in_names_prints_as_text(client, riek, db):
    riek.name = "<b>Riek</b>"
    store_graph(db, riek, _one_member("<script>alert(1)</script>", "x"))
    db.commit()
    reader = _pdf(client, _url(riek, "meenemen.pdf"))
    _map_then_findings(reader)
    text = _text(reader)
    assert "<b>Riek</b>" in text
    assert "<script>alert(1)</script>" in text  # in "Wie helpt waarmee?", as characters


@pytest.mark.db
def test_very_long_names_are_shortened_and_the_map_still_fits(client, riek, db):
    riek.name = "Wilhelmina" * 20  # the longest a resident's name can be: 200 characters
    store_graph(db, riek, _one_member("Bernhard" * 12 + "Bern", "y"))  # 100, the longest
    db.commit()
    reader = _pdf(client, _url(riek, "meenemen.pdf"))
    _map_then_findings(reader)  # the map still fits on its one page
    compact = "".join(_text(reader).split())  # a long word wraps anywhere
    assert "Wilhelmina" * 4 not in compact
    assert "Wilhelmina" * 3 + "Wilhelmin…" in compact  # 40 characters
    assert "Bernhard" * 4 + "Bernhar…" in compact
    assert "Bernhard" * 6 not in compact


def _one_member(name: str, node: str):
    G = schema.new_network("ignored")
    schema.add_member(G, node, name=name, sector="vrienden", circle=2, support=["advies"])
    return G


# -- the map on paper --------------------------------------------------------------------


@pytest.mark.db
@pytest.mark.parametrize("paper", ["a4", "a3"])
def test_names_print_at_least_12_pt(app, riek, db, paper):
    with app.test_request_context():
        p = documents.printout(riek, to_graph(db, riek), documents.Options(paper=paper))
        context = documents.map_context(p)
    assert context["name_pt"] >= 12


def _ring_centre(png: bytes, radii_px: list[float], x_guess: float) -> tuple[int, int] | None:
    """Where every ring of the map crosses dark pixels left, right and below one centre
    (``x_guess`` +- 8 px), or None: a check that rings of the expected sizes were drawn."""
    image = Image.open(io.BytesIO(png)).convert("L")
    pixels, (w, h) = image.load(), image.size

    def dark(x: int, y: int) -> bool:
        return any(pixels[min(max(x + i, 0), w - 1), min(max(y + j, 0), h - 1)] < 235
                   for i in (-1, 0, 1) for j in (-1, 0, 1))

    for xc in range(round(x_guess) - 8, round(x_guess) + 9):
        for yc in range(h // 5, 4 * h // 5):
            if all(dark(round(xc + dx), round(yc + dy)) for r in radii_px
                   for dx, dy in ((r, 0), (-r, 0), (0, r))):
                return xc, yc
    return None


@pytest.mark.db
def test_rasterised_map_is_not_blank_and_shows_the_rings(client, riek, app, db, tmp_path):
    pdf = client.get(_url(riek, "kaart.pdf")).data
    (tmp_path / "kaart.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1",
                    str(tmp_path / "kaart.pdf"), str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png")).read_bytes()
    image = Image.open(io.BytesIO(png)).convert("L")
    assert image.size == (468, 331)  # 297 x 210 mm at 40 dpi
    histogram = image.histogram()
    dark = sum(histogram[:200]) / (image.size[0] * image.size[1])
    assert 0.02 < dark < 0.5  # ink, but not a black page

    with app.test_request_context():  # where the rings are, from the same SVG
        html = documents.render_html(documents.DOCUMENTS["kaart"],
                                     documents.printout(riek, to_graph(db, riek)))
    src = re.search(r'<img src="(data:image/svg\+xml;base64,[^"]+)"', html)[1]
    svg = svg_bytes(src).decode()  # the map goes to WeasyPrint as an image
    left, _, box_w, _ = (float(v) for v in re.search(r'viewBox="([^"]+)"', svg)[1].split())
    mm = float(re.search(r'width="([\d.]+)mm"', svg)[1]) / box_w  # mm per SVG unit
    px = 40 / 25.4  # pixels per mm
    radii = [float(r) * mm * px for r in
             re.findall(r'<circle class="ring" cx="0" cy="0" r="([\d.]+)"', svg)]
    assert len(radii) >= 4  # the resident's disc and circles 1-3
    page_margin = 13  # mm, web/static/print.css
    assert _ring_centre(png, radii, (page_margin - left * mm) * px) is not None
    blank = io.BytesIO()
    Image.new("L", image.size, 255).save(blank, "PNG")
    assert _ring_centre(blank.getvalue(), radii, (page_margin - left * mm) * px) is None


# -- fetching nothing but our own static files --------------------------------------------


@pytest.mark.parametrize("url", [
    "https://example.com/logo.png",
    "http://169.254.169.254/latest/meta-data/",
    "http://localhost.evil.example/static/print.css",
    "file:///etc/passwd",
    "data:text/css,body{}",
    "data:image/svg+xml,<svg/>",  # only the page's own drawings, as svg_image() makes them
    "data:image/svg+xml;base64,not base64!",
    "http://localhost/etc/passwd",
    "http://localhost/static/../../sns/settings.py",
    "http://localhost/static/%2e%2e/__init__.py",
    "http://localhost/static/nonexistent.css",
])
def test_fetcher_refuses_everything_but_our_static_files(url):
    with pytest.raises(RefusedURL):
        static_file(url, "http://localhost/")
    with pytest.raises(RefusedURL):
        url_fetcher("http://localhost/").fetch(url)


def test_fetcher_serves_our_static_files_from_disk():
    assert static_file("http://localhost/static/print.css", "http://localhost/").name == "print.css"
    response = url_fetcher("http://localhost/").fetch("http://localhost/static/print.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"


def test_fetcher_serves_the_pages_own_drawing_and_what_it_refers_to_is_refused(caplog):
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20">'
           '<image href="http://169.254.169.254/x.png" width="10" height="10"/>'
           '<text x="5" y="15">Oma Riek</text></svg>')
    response = url_fetcher("http://localhost/").fetch(svg_image(svg))
    assert response.read() == svg.encode()
    assert response.content_type == "image/svg+xml"
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = render_here(f'<img src="{svg_image(svg)}">', "http://localhost/")
    assert "Oma Riek" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert any("Refused to fetch" in r.getMessage() for r in caplog.records)


def test_pdf_with_foreign_urls_opens_no_connection(monkeypatch, caplog):
    def no_network(*args, **kwargs):
        raise AssertionError("a printout tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    html = ('<link rel="stylesheet" href="https://example.com/x.css">'
            '<img src="http://169.254.169.254/latest"><img src="file:///etc/passwd">'
            '<p style="background: url(/etc/hosts)">ë ï é ĳ</p>')
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = render_here(html, "http://localhost/")
    assert "ë ï é ĳ" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert sum("Refused to fetch" in r.getMessage() for r in caplog.records) >= 3


# -- the page on the resident's screen and the command line ------------------------------


def test_links_template_points_at_the_three_pdfs(app, people):
    from flask import render_template

    with app.test_request_context():
        html = render_template("print/links.html", resident=people.riek)
    base = f"/bewoners/{people.riek.id}/afdrukken/"
    for name in ("kaart.pdf", "mijn-netwerk.pdf", "meenemen.pdf"):
        assert base + name in html
    assert 'method="get"' in html
    assert 'value="initialen"' in html
    assert 'value="a3"' in html


@pytest.mark.db
def test_cli_writes_the_take_home_pdf(riek, database_url, monkeypatch, tmp_path):
    from sns.cli import cli

    monkeypatch.setenv("DATABASE_URL", database_url)
    out = tmp_path / "mijn-netwerk.pdf"
    result = CliRunner().invoke(cli, ["print", str(riek.id), "-o", str(out),
                                      "--namen", "voornaam"])
    assert result.exit_code == 0, result.output
    reader = PdfReader(out)
    _map_then_findings(reader)
    text = _text(reader)
    assert "Ans" in text
    assert "Riek" in text
    assert "de Wit" not in text
    assert out.stat().st_mode & 0o077 == 0  # personal data: the owner's only

    missing = CliRunner().invoke(cli, ["print", "999999", "-o", str(tmp_path / "x.pdf")])
    assert missing.exit_code == 1
    assert "Bewoner 999999 bestaat niet." in missing.output
    assert not (tmp_path / "x.pdf").exists()


def test_cli_print_never_overwrites_a_file_or_follows_a_link(riek, database_url, monkeypatch,
                                                             tmp_path):
    from sns.cli import cli

    monkeypatch.setenv("DATABASE_URL", database_url)
    existing = tmp_path / "bestaat.pdf"
    existing.write_text("van iemand anders")
    existing.chmod(0o644)
    target = tmp_path / "doel.txt"
    target.write_text("niet aanraken")
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    dangling = tmp_path / "los.pdf"
    dangling.symlink_to(tmp_path / "nog-niet-er.pdf")
    for path in (existing, link, dangling):
        result = CliRunner().invoke(cli, ["print", str(riek.id), "-o", str(path)])
        assert result.exit_code == 1
        assert "bestaat al (of is een link)" in result.output
    assert existing.read_text() == "van iemand anders"
    assert existing.stat().st_mode & 0o777 == 0o644
    assert target.read_text() == "niet aanraken"
    assert not (tmp_path / "nog-niet-er.pdf").exists()
    help_text = CliRunner().invoke(cli, ["print", "--help"]).output
    assert "Bestaat het al" in help_text


@pytest.mark.db
def test_plan_and_invitations_print_with_actions_names_and_dates(client, auth, people, db):
    from sns.beraad import meetings as beraad
    from sns.models import NetworkMember
    from sns.plan import actions as plan
    from sns.residents.life_domains import BIG_5

    ans = NetworkMember(resident_id=people.riek.id, name="Ans", sector="familie", circle=1,
                        in_actieteam=True)
    db.add(ans)
    db.flush()
    plan.add_action(db, people.ans, people.riek, plan.ActionInput(
        "Samen naar de markt", [ans.id], None, date(2026, 12, 1), "dagbesteding"), BIG_5)
    meeting = beraad.new_meeting(db, people.ans, people.riek, "agenda")
    beraad.prepare(db, people.ans, people.riek, meeting, expected_version=meeting.version,
                   on_date=date(2026, 12, 12), at_time=None, place="bij mij thuis",
                   agenda=None, invitation="Beste {naam}, kom je op {datum}? Groet, {bewoner}",
                   invitee_ids=[ans.id])
    db.commit()
    auth.login("ans")
    base = f"/bewoners/{people.riek.id}/afdrukken"

    plan_text = _text(PdfReader(io.BytesIO(client.get(f"{base}/plan.pdf").data)))
    assert "Mijn plan" in plan_text
    assert "Samen naar de markt" in plan_text
    assert "1 dec 2026" in plan_text
    assert "Mijn actieteam: Ans" in plan_text
    assert "Volgende keer samen: 12 dec 2026" in plan_text

    bundle = PdfReader(io.BytesIO(client.get(f"{base}/meenemen.pdf").data))
    assert "Samen naar de markt" in _text(bundle)

    letters = client.get(f"{base}/uitnodigingen/{meeting.id}.pdf")
    assert letters.headers["Content-Disposition"] == 'attachment; filename="uitnodigingen.pdf"'
    text = _text(PdfReader(io.BytesIO(letters.data)))
    assert "Beste Ans, kom je op zaterdag 12 december 2026? Groet, Riek" in text


@pytest.mark.db
def test_invitations_of_another_residents_meeting_are_not_found(client, auth, people, db):
    from sns.beraad import meetings as beraad

    meeting = beraad.new_meeting(db, people.bob, people.piet, "agenda")
    db.commit()
    auth.login("ans")
    url = f"/bewoners/{people.riek.id}/afdrukken/uitnodigingen/{meeting.id}.pdf"
    assert client.get(url).status_code == 404


@pytest.mark.db
def test_a_crowded_map_prints_numbers_and_a_key_of_who_is_who(client, auth, people, db):
    from graph import schema
    from sns.network.graphs import store_graph

    G = schema.new_network("Riek")
    for i in range(35):  # names fit on A4 up to 30 people
        schema.add_member(G, f"n{i}", name=f"Persoon{i:02d}", sector="familie" if i < 10
                          else "buren", circle=1 + i % 3)
    store_graph(db, people.riek, G)
    db.commit()
    auth.login("ans")
    reader = PdfReader(io.BytesIO(
        client.get(f"/bewoners/{people.riek.id}/afdrukken/kaart.pdf").data))
    assert len(reader.pages) == 2
    key = " ".join((reader.pages[1].extract_text() or "").split())
    assert "Wie is wie op de kaart?" in key
    # Numbered sector by sector, closest first, then by name: Persoon00 is familie, circle 1.
    assert "1 Persoon00" in key
    assert "11 Persoon12" in key  # buren start at 11; Persoon12 is in circle 1
    first = " ".join((reader.pages[0].extract_text() or "").split())
    assert "Persoon00" not in first

    # On A3 there is room for 35 names: no numbers, no key.
    a3 = PdfReader(io.BytesIO(
        client.get(f"/bewoners/{people.riek.id}/afdrukken/kaart.pdf?formaat=a3").data))
    assert len(a3.pages) == 1
    assert "Persoon00" in " ".join((a3.pages[0].extract_text() or "").split())


@pytest.mark.db
@pytest.mark.parametrize("paper", ["a4", "a3"])
def test_a_long_key_fills_whole_sheets_in_columns_and_names_everyone_once(
        client, auth, people, db, paper):
    from graph import schema
    from sns.network.graphs import store_graph
    from web.printing import map_key

    G = schema.new_network("Riek")
    sectors = [*schema.SECTORS, None]
    for i in range(100):
        # Every seventh name is long enough to wrap in its column.
        name = f"Persoon{i:03d}" + (" van de Grote Kerkstraat nummer 12" if i % 7 == 0 else "")
        schema.add_member(G, f"n{i}", name=name, sector=sectors[i % 6], circle=1 + i % 3)
    store_graph(db, people.riek, G)
    db.commit()
    auth.login("ans")
    reader = PdfReader(io.BytesIO(client.get(
        f"/bewoners/{people.riek.id}/afdrukken/kaart.pdf?formaat={paper}").data))
    _, numbers = map_key.numbered(G, schema.SECTORS, {s: str(s) for s in sectors})
    expected = len(map_key.sheets(numbers, paper))
    # Nothing spills over: the map, then exactly the sheets the key was laid out on.
    assert len(reader.pages) == 1 + expected
    assert expected == {"a4": 2, "a3": 1}[paper]
    text = [" ".join((page.extract_text() or "").split()) for page in reader.pages[1:]]
    assert all(page.startswith("Wie is wie op de kaart?") for page in text)
    assert "(vervolg)" in " ".join(text)
    found = re.findall(r"\b(\d{1,3}) Persoon(\d{3})", " ".join(text))
    assert sorted(int(n) for n, _ in found) == list(range(1, 101))
    assert len({p for _, p in found}) == 100
