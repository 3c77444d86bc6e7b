"""Printing under bad input: a take-home PDF of 200 members, and 20 PDFs asked for at once.

The 200 members are all on the map (as numbers), once each in the key with their name, and
in "Wie helpt waarmee?"; the 20 PDFs come through the PDF pool (web.core.pdf_pool) of a live
server with a thread per request, each the document that was asked for.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from graph import schema
from sns.network.graphs import store_graph
from tests.graph.networks import realistic
from tests.live import Browser, live_server, run_together
from tests.web.test_print_map import words_of
from web.core import labels
from web.printing import documents, map_key

pytestmark = pytest.mark.db


def _page_texts(pdf: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split())
            for page in PdfReader(io.BytesIO(pdf)).pages]


def test_a_take_home_pdf_of_200_members_names_everyone(app, client, auth, people, db,
                                                        tmp_path):
    G = realistic(200)
    for i, node in enumerate(sorted(G.nodes - {schema.EGO})):
        G.edges[schema.EGO, node]["support"] = ("praktisch", *(("nood",) if i % 4 == 0 else ()))
    store_graph(db, people.riek, G)
    db.commit()
    auth.login("ans")
    response = client.get(f"/bewoners/{people.riek.id}/afdrukken/meenemen.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    texts = _page_texts(response.data)
    assert texts[0].startswith("De netwerkkaart")
    # Every member is on the map, as a number (a name would print too small).
    on_map = {w[4] for w in words_of(response.data, tmp_path)}
    assert {str(n) for n in range(1, 201)} <= on_map
    # ... and once in the key on the sheets after it, with the name.
    key = " ".join(t for t in texts if t.startswith("Wie is wie op de kaart?"))
    with app.test_request_context():
        words = {code: str(word) for code, word in labels.sector_labels().items()}
        _, groups = map_key.numbered(G, labels.sectors(), words)
    numbered = [f"{number} {name}" for _, people_ in groups for number, name in people_]
    assert len(numbered) == 200
    assert [line for line in numbered if line not in key] == []
    names = [G.nodes[n]["name"] for n in G if n != schema.EGO]
    # "Mijn netwerk" counts all 200 and names each of them as giving practical help.
    start = next(i for i, t in enumerate(texts) if t.startswith("Mijn netwerk"))
    assert texts[-1].startswith("Mijn plan")
    network = " ".join(texts[start:-1])  # the table goes on over the next sheets
    assert "Er staan 200 mensen op uw kaart." in network
    compact = "".join(network.split())
    assert [n for n in names if "".join(n.split()) not in compact] == []
    # The row of 200 names is taller than a sheet: it goes on over the next sheets and starts
    # under its heading, which is never left alone on a sheet.
    heading = next(t for t in texts if "Wie helpt waarmee?" in t)
    assert "Praktische hulp 200" in heading
    assert all(kind in network for kind in ("Een luisterend oor 0", "Hulp in nood 50"))


#: 20 PDFs at once: each kind of document, on both papers and with every name option, some
#: asked for twice (the print cache is then filled and read at the same moment).
REQUESTS = [(kind, paper, names)
            for kind in ("meenemen.pdf", "kaart.pdf", "mijn-netwerk.pdf", "plan.pdf")
            for paper, names in (("a4", "volledig"), ("a3", "initialen"), ("a4", "voornaam"))]
REQUESTS = (REQUESTS + REQUESTS)[:20]
TITLE = {"meenemen.pdf": "De netwerkkaart", "kaart.pdf": "De netwerkkaart",
         "mijn-netwerk.pdf": "Mijn netwerk", "plan.pdf": "Mijn plan"}


def test_twenty_pdfs_asked_for_at_once_are_all_made(app, people, db):
    store_graph(db, people.riek, realistic(25))
    db.commit()
    with live_server(app) as url:
        browser = Browser(url).login("ans")  # one session, 20 requests of it at once
        base = f"{url}/bewoners/{people.riek.id}/afdrukken"

        def fetch(i: int) -> tuple[int, str, bytes]:
            kind, paper, names = REQUESTS[i]
            with browser.opener.open(f"{base}/{kind}?formaat={paper}&namen={names}",
                                     timeout=120) as answer:
                return answer.status, answer.headers["Content-Type"], answer.read()

        answers = run_together(fetch, len(REQUESTS))
    for (kind, _paper, names), (status, content_type, pdf) in zip(REQUESTS, answers,
                                                                   strict=True):
        assert (status, content_type) == (200, "application/pdf")
        first = _page_texts(pdf)[0]
        assert first.startswith(TITLE[kind])
        # the name option holds in every one (the resident's name in the sheet's head)
        style = documents.NAME_OPTIONS[names]
        assert documents.printable_name(people.riek.name, style) in first
