"""Findings: plain Dutch, formal "u", strengths first, gaps as questions, never a label."""

import random
import re

import pytest

from graph.findings import MAX_FINDINGS, findings
from graph.metrics import scan
from graph.schema import (
    CIRCLES,
    FREQUENCIES,
    QUALITIES,
    SECTORS,
    SUPPORT_KINDS,
    add_member,
    add_tie,
    new_network,
)

# --- exact sentences for hand-made networks -----------------------------------------------------


def test_empty_network_invites_to_start():
    assert findings(new_network("Riek")) == [
        "Er staan nog geen mensen op uw kaart. Wie is er belangrijk voor u?",
        "Denk aan familie, vrienden, buren of mensen van werk, school of club.",
    ]


def test_single_member_who_does_everything():
    G = new_network()
    add_member(
        G,
        "m1",
        name="Ans",
        sector="familie",
        circle=1,
        support=("praktisch", "nood"),
        reciprocal=True,
    )
    assert findings(G) == [
        "Er staat 1 persoon op uw kaart: Ans.",
        # strength: support goes both ways with the one member whose answer is known
        "U helpt zelf ook: Ans krijgt ook iets van u.",
        # gaps: three kinds on nobody, two on Ans alone (named, no pronoun)
        "Voor een luisterend oor, advies en gezelschap staat nog niemand op uw kaart. "
        "Wie zou u daarvoor kunnen vragen?",
        "Voor praktische hulp en hulp in een noodgeval kunt u nu alleen bij Ans terecht. "
        "Wie zou Ans af en toe kunnen aflossen?",
    ]


def test_one_busy_helper():
    """Ans gives 4 of the 8 support pairs; every kind but gezelschap has two givers.

    Strengths: 4 kinds shared, 3 sectors, 2 of 3 known reciprocal, one group. Gaps:
    gezelschap on nobody, Ans carrying half. With 2 gaps, 3 strengths fit in the six.
    """
    G = new_network()
    add_member(
        G,
        "a",
        name="Ans",
        sector="familie",
        circle=1,
        reciprocal=True,
        support=("praktisch", "emotioneel", "advies", "nood"),
    )
    add_member(
        G, "b", name="Bob", sector="vrienden", circle=2, reciprocal=True, support=("praktisch",)
    )
    add_member(
        G, "c", name="Cor", sector="buren", circle=2, reciprocal=False, support=("emotioneel",)
    )
    add_member(G, "d", name="Dirk", sector="familie", circle=3, support=("advies", "nood"))
    for other in "bcd":
        add_tie(G, "a", other)
    assert findings(G) == [
        "Er staan 4 mensen op uw kaart. Ans staat dicht bij u.",
        "Voor praktische hulp, een luisterend oor, advies en hulp in een noodgeval "
        "kunt u bij meer mensen terecht.",
        "Op uw kaart staan mensen uit 3 verschillende groepen. Dat is een mooie mix.",
        "U helpt zelf ook: 2 mensen krijgen ook iets van u.",
        "Voor gezelschap staat nog niemand op uw kaart. Met wie zou u graag eens iets samen doen?",
        "Ans helpt u bij veel dingen. "
        "Wie zou een deel kunnen overnemen, zodat het voor Ans niet te veel wordt?",
    ]


def test_strain_is_a_tip_not_a_verdict():
    G = new_network()
    add_member(
        G, "a", name="Ans", sector="familie", circle=1, support=("praktisch",), quality="gespannen"
    )
    add_member(G, "b", name="Bob", sector="familie", circle=2, support=("praktisch", "emotioneel"))
    add_member(G, "c", name="Cor", sector="vrienden", circle=2, support=("emotioneel",))
    add_tie(G, "a", "b", quality="goed")
    add_tie(G, "b", "c", quality="gespannen")
    assert findings(G) == [
        "Er staan 3 mensen op uw kaart. Ans staat dicht bij u.",
        "Voor praktische hulp en een luisterend oor kunt u bij meer mensen terecht.",
        "De mensen op uw kaart kennen elkaar. Zo kunnen ze samen helpen.",
        "Voor advies, gezelschap en hulp in een noodgeval staat nog niemand op uw kaart. "
        "Wie zou u daarvoor kunnen vragen?",
        "Met Ans is er soms spanning. Wat zou het contact makkelijker maken?",
        "Tussen Bob en Cor is er soms spanning. "
        "Houd daar rekening mee als u mensen samen uitnodigt.",
    ]


def test_only_professionals_and_nothing_recorded_yet():
    G = new_network()
    add_member(G, "m1", name="Wijkverpleegkundige", sector="professionals", circle=3)
    add_member(G, "m2", name="Huisarts", sector="professionals", circle=3)
    assert findings(G) == [
        "Er staan 2 mensen op uw kaart.",
        "Bij wie kunt u terecht als u hulp nodig heeft? Denk aan klusjes, "
        "een luisterend oor of iemand die u kunt bellen als er iets gebeurt.",
        "Er staat nog niemand in de binnenste cirkel. Wie staat het dichtst bij u?",
        "Op uw kaart staan nu alleen hulpverleners. "
        "Kent u ook familie of vrienden die u zou willen toevoegen?",
        "Kennen de mensen op uw kaart elkaar? "
        "Mensen die elkaar kennen, kunnen samen meer voor u doen.",
    ]


def test_sector_words_for_a_team_sector():
    G = new_network(sectors=("familie", "kerk", "professionals"))
    add_member(G, "m1", name="Ans", sector="kerk", circle=1)
    add_member(G, "m2", name="Bob", sector="kerk", circle=2)
    lines = findings(G, sector_words={"kerk": "mensen van de kerk"})
    assert (
        "Op uw kaart staan nu alleen mensen van de kerk. "
        "Kent u ook familie die u zou willen toevoegen?"
    ) in lines
    assert findings(new_network(sectors=("kerk",))) == [
        "Er staan nog geen mensen op uw kaart. Wie is er belangrijk voor u?",
        "Denk aan mensen van kerk.",
    ]


def test_unknown_is_never_read_as_no():
    # Reciprocity unknown for both, circles unknown, sector unknown: no gap claims
    # "you do not give" or "nobody is close" is not said as a fact about those members.
    G = new_network()
    add_member(G, "m1", name="Ans", support=("praktisch",))
    add_member(G, "m2", name="Bob", support=("praktisch",))
    lines = findings(G)
    assert not any("Wat doet u zelf" in line for line in lines)
    assert not any("alleen" in line and "Op uw kaart" in line for line in lines)


def test_a_computed_scan_can_be_passed_in():
    G = new_network()
    add_member(G, "m1", name="Ans", sector="buren", circle=2, support=("gezelschap",))
    assert findings(G, scan(G)) == findings(G)


# --- never a label, always formal, never a guessed gender ----------------------------------------

FORBIDDEN = re.compile(
    r"\b(zwak\w*|kwetsba\w*|slecht\w*|arm|arme|armoede|eenza\w*|isol\w*|geïsoleerd\w*|"
    r"probleem\w*|problemen|tekort\w*|gebrek\w*|risico\w*|mislukt|faal\w*|hulpeloo\w*|"
    r"zielig\w*|sneu|beperkt\w*|afhankelijk\w*)\b",
    re.IGNORECASE,
)
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)
GENDERED = re.compile(r"\b(hij|hem|haar|zij|zijn|zijzelf|hijzelf|mevrouw|meneer)\b", re.IGNORECASE)
NAMES = ["Ans", "Bob", "Cor", "Dirk", "Eva", "Fatima", "Gijs", "Henk", "Ilse", "Jan"]


def random_network(seed):
    rng = random.Random(seed)  # noqa: S311 - a seeded test fixture
    G = new_network("Riek")
    n = rng.choice([0, 1, 2, 3, 5, 8, 12, 30])
    for i in range(n):
        add_member(
            G,
            f"m{i}",
            name=NAMES[i % len(NAMES)] + ("" if i < len(NAMES) else str(i)),
            sector=rng.choice([*SECTORS, None]),
            circle=rng.choice([*CIRCLES, None]),
            support=rng.sample(SUPPORT_KINDS, rng.choice([0, 0, 1, 2, 3, 5])),
            reciprocal=rng.choice([True, False, None]),
            frequency=rng.choice([*FREQUENCIES, None]),
            quality=rng.choice([*QUALITIES, None]),
        )
    for _ in range(rng.randint(0, 2 * n) if n > 1 else 0):
        a, b = rng.sample(range(n), 2)
        add_tie(G, f"m{a}", f"m{b}", quality=rng.choice([*QUALITIES, None]))
    return G


@pytest.mark.parametrize("seed", range(300))
def test_plain_kind_words_only(seed):
    lines = findings(random_network(seed))
    assert 1 <= len(lines) <= MAX_FINDINGS
    text = " ".join(lines)
    assert not FORBIDDEN.search(text), text
    assert not INFORMAL.search(text), text
    # Names on the map (here "Ans" ... "Jan") are the only way people are referred to.
    assert not GENDERED.search(text), text
    for line in lines:
        sentences = re.findall(r"[^.?]+[.?]", line)
        assert "".join(sentences).strip() == line  # every sentence ends with . or ?
        assert 1 <= len(sentences) <= 2, line
        for sentence in sentences:
            # Short sentences (B1). The longest fixed sentence has 16 words; lists of kinds
            # and names may add some.
            assert len(sentence.split()) <= 22, sentence


@pytest.mark.parametrize("seed", range(40))
def test_gaps_are_questions_or_tips(seed):
    G = random_network(seed)
    for line in findings(G):
        if "nog niemand" in line or "alleen bij" in line or "spanning" in line:
            assert line.endswith("?") or "Houd daar rekening mee" in line, line
