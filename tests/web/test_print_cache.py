"""The cache of rendered PDFs: kept per owner and HTML, bounded by size and age."""

from __future__ import annotations

from web.printing.cache import PdfCache


class Printer:
    def __init__(self):
        self.made = 0

    def __call__(self, html: str) -> bytes:
        self.made += 1
        return html.encode()


def test_same_owner_and_html_is_made_once():
    cache, printer = PdfCache(), Printer()
    assert cache.pdf((1, 7), "<p>a</p>", printer) == b"<p>a</p>"
    assert cache.pdf((1, 7), "<p>a</p>", printer) == b"<p>a</p>"
    assert printer.made == 1


def test_other_html_other_resident_or_other_user_is_made_again():
    cache, printer = PdfCache(), Printer()
    cache.pdf((1, 7), "<p>a</p>", printer)
    cache.pdf((1, 7), "<p>b</p>", printer)
    cache.pdf((1, 8), "<p>a</p>", printer)
    cache.pdf((2, 7), "<p>a</p>", printer)
    assert printer.made == 4


def test_old_entries_are_dropped():
    now = [0.0]
    cache, printer = PdfCache(max_age=60, clock=lambda: now[0]), Printer()
    cache.pdf((1, 7), "<p>a</p>", printer)
    now[0] = 61
    cache.pdf((1, 7), "<p>a</p>", printer)
    assert printer.made == 2


def test_size_is_bounded_least_recently_used_out_first():
    cache, printer = PdfCache(max_bytes=20), Printer()
    cache.pdf((1,), "a" * 8, printer)
    cache.pdf((2,), "b" * 8, printer)
    cache.pdf((1,), "a" * 8, printer)  # a is now the most recent
    cache.pdf((3,), "c" * 8, printer)  # 24 bytes: b goes
    assert printer.made == 3
    cache.pdf((1,), "a" * 8, printer)
    assert printer.made == 3
    cache.pdf((2,), "b" * 8, printer)
    assert printer.made == 4


# Through the app: what invalidates a kept take-home PDF, and whom it is never shown to.

import pytest  # noqa: E402

from graph import schema  # noqa: E402
from sns.network.graphs import store_graph  # noqa: E402
from web.printing import documents  # noqa: E402

pytestmark = pytest.mark.db


@pytest.fixture
def renders(monkeypatch):
    """Counts the PDFs WeasyPrint really makes (the rendering itself is not needed here)."""
    made = []

    def render(html, base_url):
        made.append(html)
        return b"%PDF " + str(len(made)).encode()

    monkeypatch.setattr(documents, "render_pdf", render)
    return made


def _network(extra_tie: bool = False, name: str = "Ans de Wit"):
    G = schema.new_network("Riek")
    schema.add_member(G, "ans", name=name, sector="familie", circle=1, support=["praktisch"])
    schema.add_member(G, "jan", name="Jan van Dijk", sector="buren", circle=2)
    if extra_tie:
        schema.add_tie(G, "ans", "jan", quality="goed")
    return G


def _print(client, resident, query=""):
    response = client.get(f"/bewoners/{resident.id}/afdrukken/meenemen.pdf{query}")
    assert response.status_code == 200
    return response.data


def test_a_repeat_print_of_an_unchanged_network_is_served_from_the_cache(
        client, auth, people, db, renders):
    store_graph(db, people.riek, _network())
    db.commit()
    auth.login("ans")
    first = _print(client, people.riek)
    assert _print(client, people.riek) == first
    assert len(renders) == 1


@pytest.mark.parametrize("change", ["member", "tie", "plan", "resident", "options"])
def test_any_change_makes_a_new_print(client, auth, people, db, renders, change):
    from sns.plan.actions import ActionInput, add_action

    store_graph(db, people.riek, _network())
    db.commit()
    auth.login("ans")
    _print(client, people.riek)
    query = ""
    if change == "member":
        store_graph(db, people.riek, _network(name="Ans de Wit-Bos"))
    elif change == "tie":
        store_graph(db, people.riek, _network(extra_tie=True))
    elif change == "plan":
        add_action(db, people.ans, people.riek, ActionInput(
            what="Boodschappen doen", member_ids=[], professional="Wijkcoach", due=None,
            domain=None), {"steun": "Steun"})
    elif change == "resident":
        people.riek.name = "Riek Jansen"
    else:
        query = "?namen=initialen"
    db.commit()
    _print(client, people.riek, query)
    assert len(renders) == 2


def test_kept_prints_are_never_shared_between_residents_or_users(
        client, auth, people, db, renders, app):
    from sns.residents.caseload import assign_coaches

    store_graph(db, people.riek, _network())
    assign_coaches(db, people.leider, people.riek, [people.ans, people.bob])
    db.commit()
    auth.login("ans")
    _print(client, people.riek)
    auth.logout()
    auth.login("bob")  # the duo colleague prints the same, unchanged network
    _print(client, people.riek)
    assert len(renders) == 2
    store_graph(db, people.piet, _network())
    db.commit()
    _print(client, people.piet)
    assert len(renders) == 3
