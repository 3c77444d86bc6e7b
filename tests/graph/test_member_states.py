"""Members with a state (died, no contact any more, from earlier, a pet) in the scan.

One network worked out by hand: Riek has Ans (family, close, practical help and a listening
ear), Bob (neighbour, emergency help) and four members drawn apart: Kees, who died and gave
every kind of support; Mien, with whom there is no contact any more; Jan from earlier; and
Bello the dog, recorded as company. Only Ans and Bob are the network now.
"""

from __future__ import annotations

from graph.findings import findings
from graph.map.payload import map_payload
from graph.map.style import STATE_STYLES, screen_style
from graph.map.svg import netwerkkaart_svg
from graph.metrics import scan
from graph.outcome import network_figures
from graph.schema import SUPPORT_KINDS, add_member, add_tie, new_network


def riek():
    G = new_network("Riek")
    add_member(G, "m1", name="Ans", sector="familie", circle=1,
               support=("praktisch", "emotioneel"), gives=("praktisch",))
    add_member(G, "m2", name="Bob", sector="buren", circle=2, support=("nood",),
               reciprocal=False)
    add_member(G, "m3", name="Kees", sector="familie", circle=1, support=SUPPORT_KINDS,
               gives=("emotioneel",), state="overleden", quality="gespannen")
    add_member(G, "m4", name="Mien", sector="vrienden", circle=2, support=("advies",),
               reciprocal=True, state="geen_contact")
    add_member(G, "m5", name="Jan", sector="werk_school_club", circle=3, state="vroeger")
    add_member(G, "m6", name="Bello", sector="familie", circle=1, support=("gezelschap",),
               state="huisdier")
    add_tie(G, "m1", "m3")
    add_tie(G, "m2", "m4", quality="gespannen")
    return G


def test_members_with_a_state_give_no_support_and_are_no_active_contact():
    s = scan(riek())
    assert s.size.total == 2
    assert s.size.per_circle == {1: 1, 2: 1, 3: 0}
    assert s.size.per_sector["familie"] == 1
    assert s.size.per_sector["vrienden"] == 0
    assert s.support.givers == {"praktisch": ("m1",), "emotioneel": ("m1",), "advies": (),
                                "gezelschap": (), "nood": ("m2",)}
    assert s.support.uncovered == ("advies", "gezelschap")  # Kees, Mien and Bello not counted
    assert s.load.total == 3
    assert s.load.busiest == ("m1",)
    assert s.cohesion.members == 2
    assert s.cohesion.ties == 0
    assert s.strain.ego == ()
    assert s.strain.ties == ()
    assert s.informal.members == 2
    assert s.informal.support == 3
    assert s.structural_holes.effective_size == 2.0
    assert s.apart.per_state == {"overleden": ("m3",), "geen_contact": ("m4",),
                                 "vroeger": ("m5",), "huisdier": ("m6",)}
    assert s.apart.total == 4


def test_reciprocity_by_kind_leaves_members_with_a_state_out():
    rec = scan(riek()).reciprocity
    assert rec.known == 2
    assert rec.reciprocal == ("m1",)
    assert rec.share == 0.5
    assert rec.given["praktisch"] == ("m1",)
    assert rec.given["emotioneel"] == ()
    assert rec.kind_unknown == ()


def test_outcome_figures_count_the_network_now():
    figures = network_figures(riek())
    assert (figures.size, figures.inner, figures.reciprocity) == (2, 1, 0.5)


def test_findings_speak_of_them_as_a_next_step_never_as_a_label():
    found = {f.kind: f.params for f in findings(riek(), limit=None)}
    assert found["count"]["count"] == 2
    assert found["count"]["close"] == ("Ans",)
    assert found["no_contact"] == {"count": 1, "name": "Mien"}
    assert found["from_before"] == {"count": 1, "name": "Jan"}
    assert found["pet"] == {"names": ("Bello",)}
    assert found["gives_back"] == {"count": 1, "name": "Ans", "kinds": ("praktisch",)}
    assert "Kees" not in repr(found)  # who died is on the map, not in the findings


def test_a_map_of_only_members_apart_still_asks_about_them():
    G = new_network("Riek")
    add_member(G, "m1", name="Bello", state="huisdier")
    add_member(G, "m2", name="Mien", state="geen_contact")
    kinds = [f.kind for f in findings(G, limit=None)]
    assert kinds == ["empty", "think_of", "no_contact", "pet"]


def test_the_map_draws_each_state_apart_on_paper_and_hands_the_look_to_the_screen():
    G = riek()
    svg = netwerkkaart_svg(G, sector_labels={})
    assert 'data-node="m3" data-state="overleden"' in svg
    assert '<g class="mark" data-state="overleden"' in svg  # the cross
    assert '<g class="mark" data-state="huisdier"' in svg  # the paw
    assert 'fill="#c4c4c4"' in svg  # overleden: grey
    assert 'opacity="0.4"' in svg  # vroeger: faded
    assert 'data-node="m1">' in svg  # someone in the resident's life now: as before
    p = map_payload(G, sector_labels={}, circle_labels={}, quality_labels={},
                    support_labels={"praktisch": "Praktische hulp"}, frequency_labels={},
                    detail_labels={"gives": "U helpt met", "state": "Staat op de kaart als"},
                    state_labels={"overleden": "Overleden"})
    nodes = {n["id"]: n for n in p["nodes"]}
    assert [nodes[f"m{i}"]["state"] for i in range(1, 7)] == [
        None, None, "overleden", "geen_contact", "vroeger", "huisdier"]
    assert ["U helpt met", "Praktische hulp"] in nodes["m1"]["details"]
    assert nodes["m3"]["details"][0] == ["Staat op de kaart als", "Overleden"]
    assert set(p["style"]["states"]) == set(STATE_STYLES) == set(screen_style()["states"])
