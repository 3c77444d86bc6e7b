"""The findings in words, Dutch and English: one network worked out by hand per kind.

Plain Dutch (B1), formal "u", gaps as questions or tips, never a label, never a guessed
gender; every kind has its English text from the app's catalogue.
"""

import re

import pytest

from graph.findings import MAX_FINDINGS, WEIGHTS, findings
from graph.schema import SECTORS, SUPPORT_KINDS, add_member, add_tie, new_network
from sns.i18n import translations
from sns.scan.words import phrasable_kinds, phrase, phrase_all
from tests.graph.test_findings import random_network

NL, EN = translations("nl"), translations("en")


def people(*specs, ties=(), strained=(), reciprocal=None):
    """Members a, b, c, ... from (name, sector, circle, support) tuples."""
    G = new_network("Riek")
    for i, (name, sector, circle, support) in enumerate(specs):
        node = chr(ord("a") + i)
        add_member(G, node, name=name, sector=sector, circle=circle, support=support,
                   reciprocal=(reciprocal or {}).get(node),
                   quality="gespannen" if node in strained else None)
    for u, v in ties:
        add_tie(G, u, v, quality="gespannen" if (u, v) in strained else None)
    return G


def with_apart(G, *specs):
    """``G`` plus members x, y, ... from (name, sector, state, support) tuples."""
    for i, (name, sector, state, support) in enumerate(specs):
        add_member(G, chr(ord("x") + i), name=name, sector=sector, circle=2, state=state,
                   support=support)
    return G


ANS = ("Ans", "familie", 1, ("praktisch", "emotioneel"))
BOB = ("Bob", "buren", 2, ("emotioneel",))
COR = ("Cor", "vrienden", 2, ("emotioneel",))
DIRK = ("Dirk", "vrienden", 3, ("gezelschap",))
GP = ("Huisarts", "professionals", 3, ("advies", "nood"))
ALL_TIED = [("a", "b"), ("a", "c"), ("b", "c")]

#: kind -> (network, Dutch sentence, English sentence)
EXAMPLES = {
    "empty": (new_network(),
              "Er staan nog geen mensen op uw kaart. Wie is er belangrijk voor u?",
              "There is nobody on your map yet. Who is important to you?"),
    "think_of": (new_network(),
                 "Denk aan familie, vrienden, buren of mensen van werk, school of club.",
                 "Think of family, friends, neighbours or people from work, school or a club."),
    "count": (people(ANS, BOB),
              "Er staan 2 mensen op uw kaart. Ans staat heel dicht bij u.",
              "There are 2 people on your map. Ans is very close to you."),
    "only_professionals": (
        people(GP, ("Thuiszorg", "professionals", 2, ("praktisch",))),
        "Op uw kaart staan nu alleen hulpverleners. "
        "Wie van uw familie, vrienden of buren is belangrijk voor u?",
        "Your map now shows only professionals. "
        "Who among your family, friends or neighbours is important to you?"),
    "no_support": (
        people(("Ans", "familie", 1, ()), ("Bob", "buren", 1, ())),
        "Bij wie kunt u terecht als u hulp nodig heeft? Denk aan klusjes, een luisterend oor "
        "of iemand die u kunt bellen als er iets gebeurt.",
        "Who can you turn to when you need help? Think of odd jobs, a listening ear or "
        "someone you can call if something happens."),
    "one_sector": (
        people(ANS, ("Bep", "familie", 2, ("gezelschap",))),
        "Op uw kaart staan nu alleen familie. "
        "Kent u ook vrienden of buren die u zou willen toevoegen?",
        "Your map now shows only family. Do you also know friends or neighbours you would "
        "like to add?"),
    "uncovered": (
        people(ANS, BOB),
        "Voor advies, gezelschap en hulp in nood staat nog niemand op uw kaart. "
        "Wie zou u daarvoor kunnen vragen?",
        "For advice, company and help in an emergency there is nobody on your map yet. "
        "Who could you ask for that?"),
    "carries_most": (
        people(("Ans", "familie", 1, ("praktisch", "emotioneel", "advies", "nood")),
               ("Bob", "buren", 2, ("gezelschap",))),
        "Ans helpt u met 4 van de 5 soorten hulp. "
        "Wie zou een deel kunnen overnemen, zodat het voor Ans niet te veel wordt?",
        "Ans helps you with 4 of the 5 kinds of help. "
        "Who could take over part of it, so that it does not become too much for Ans?"),
    "mostly_professionals": (
        people(ANS, GP, ("Thuiszorg", "professionals", 2, ())),
        "2 van de 3 mensen op uw kaart werken als hulpverlener. "
        "Wie van uw familie, vrienden of buren zou u erbij willen zetten?",
        "2 of the 3 people on your map work as professionals. "
        "Who among your family, friends or neighbours would you like to add?"),
    "shared_support": (
        people(ANS, BOB, COR),
        "Voor een luisterend oor kunt u bij 3 mensen terecht.",
        "For a listening ear you can turn to 3 people."),
    "sector_mix": (
        people(ANS, BOB, COR),
        "Op uw kaart staan mensen uit 3 groepen: familie, vrienden en buren. "
        "Dat is een mooie mix.",
        "Your map has people from 3 groups: family, friends and neighbours. "
        "That is a good mix."),
    "gives_back": (
        people(ANS, BOB, reciprocal={"a": True, "b": False}),
        "U helpt zelf ook: Ans krijgt ook iets van u.",
        "You help too: Ans also gets something from you."),
    "no_contact": (
        with_apart(people(ANS), ("Kees", "vrienden", "geen_contact", ("praktisch",)),
                   ("Mien", "familie", "geen_contact", ())),
        "Met 2 mensen heeft u geen contact meer. Wilt u een van hen weer zien?",
        "You are no longer in touch with 2 people. Would you like to see one of them again?"),
    "from_before": (
        with_apart(people(ANS), ("Jan", "werk_school_club", "vroeger", ())),
        "Jan is iemand van vroeger. Zou u Jan weer eens willen spreken?",
        "Jan is someone from earlier in your life. Would you like to talk to Jan again?"),
    "pet": (
        with_apart(people(ANS), ("Bello", "familie", "huisdier", ("gezelschap",))),
        "Wie kan voor Bello zorgen als u dat even niet kunt?",
        "Who can look after Bello when you cannot for a while?"),
    "all_know": (
        people(ANS, BOB, COR, ties=ALL_TIED),
        "Alle 3 mensen op uw kaart kennen elkaar. Zo kunnen ze samen helpen.",
        "All 3 people on your map know each other. That way they can help together."),
    "know_via_via": (
        people(ANS, BOB, COR, ties=[("a", "b"), ("b", "c")]),
        "De mensen op uw kaart kennen elkaar, direct of via een ander. "
        "Zo kunnen ze elkaar bereiken als dat nodig is.",
        "The people on your map know each other, directly or through someone else. "
        "That way they can reach each other when needed."),
    "circle_unknown": (
        people(*[(n, None, None, ()) for n in ("Ans", "Bob", "Cor", "Dirk")]),
        "Van 4 mensen weten we nog niet hoe dichtbij ze staan. "
        "Wie van hen staat heel dicht bij u?",
        "For 4 people we do not know yet how close they are. "
        "Which of them are very close to you?"),
    "nobody_close": (
        people(BOB, COR),
        "Er staat nog niemand in de binnenste cirkel. Wie staat het dichtst bij u?",
        "There is nobody in the inner circle yet. Who is closest to you?"),
    "no_ties": (
        people(ANS, BOB),
        "Kennen de mensen op uw kaart elkaar? "
        "Mensen die elkaar kennen, kunnen samen meer voor u doen.",
        "Do the people on your map know each other? "
        "People who know each other can do more for you together."),
    "separate_groups": (
        people(ANS, BOB, COR, DIRK, ties=[("a", "b"), ("c", "d")]),
        "Op uw kaart staan 2 groepjes mensen die elkaar kennen. "
        "Kent iemand uit het ene groepje ook iemand uit een ander?",
        "Your map has 2 small groups of people who know each other. "
        "Does someone in one group also know someone in another?"),
    "tie_unknown": (
        people(ANS, BOB, COR, ties=[("a", "b")]),
        "Van 1 persoon weten we nog niet of die iemand anders op uw kaart kent.",
        "For 1 person we do not know yet whether they know anyone else on your map."),
    "only_one_helper": (
        people(ANS, BOB),
        "Voor praktische hulp kunt u nu alleen bij Ans terecht. "
        "Wie zou Ans af en toe kunnen aflossen?",
        "For practical help you can only turn to Ans now. "
        "Who could take over from Ans now and then?"),
    "strain_with_resident": (
        people(ANS, BOB, strained={"b"}),
        "Met Bob is er soms spanning. Wat zou het contact makkelijker maken?",
        "With Bob there is sometimes tension. What would make contact easier?"),
    "strain_between": (
        people(ANS, BOB, ties=[("a", "b")], strained={("a", "b")}),
        "Tussen Ans en Bob is er soms spanning. "
        "Houd daar rekening mee als u mensen samen uitnodigt.",
        "Between Ans and Bob there is sometimes tension. "
        "Keep that in mind when you invite people together."),
    "gives_nothing": (
        people(ANS, BOB, reciprocal={"a": False, "b": False}),
        "Wat doet u zelf voor de mensen op uw kaart? Ook iets kleins telt mee.",
        "What do you do for the people on your map? Something small counts too."),
    "sector_unknown": (
        people(ANS, ("Xander", None, 2, ())),
        "Van 1 persoon weten we nog niet uit welke groep die komt.",
        "For 1 person we do not know yet which group they belong to."),
}


def test_what_the_resident_gives_is_said_by_kind():
    G = people(ANS, BOB, COR)
    for node, kinds in (("a", ("praktisch", "gezelschap")), ("b", ("praktisch",)),
                        ("c", ("praktisch",))):
        G.edges["ego", node]["gives"] = kinds
    (line,) = [phrase(f, NL) for f in findings(G, limit=None) if f.kind == "gives_back"]
    assert line == "U helpt zelf ook 3 mensen, bijvoorbeeld met praktische hulp."
    G = people(ANS, BOB, reciprocal={"b": False})
    G.edges["ego", "a"]["gives"] = ("praktisch", "nood")
    G.edges["ego", "a"]["reciprocal"] = True
    (line,) = [phrase(f, EN) for f in findings(G, limit=None) if f.kind == "gives_back"]
    assert line == "You help too: Ans gets practical help and help in an emergency from you."


def test_every_kind_has_an_example_and_words():
    assert set(EXAMPLES) == set(WEIGHTS) == phrasable_kinds()


@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_each_kind_in_dutch_and_english(kind):
    G, dutch, english = EXAMPLES[kind]
    found = [f for f in findings(G, limit=None) if f.kind == kind]
    assert found, [f.kind for f in findings(G, limit=None)]
    assert phrase(found[0], NL) == dutch
    assert phrase(found[0], EN) == english


# --- the wording of point 4: the support kind and the kind of member --------------------------


def helper_line(G, t, name):
    lines = [phrase(f, t) for f in findings(G, limit=None)
             if f.kind == "only_one_helper" and f.params["name"] == name]
    assert len(lines) == 1
    return lines[0]


def test_a_professional_is_never_to_be_relieved():
    G = people(("Ans", "familie", 1, ("emotioneel",)), ("Bob", "buren", 2, ("emotioneel",)),
               ("Huisarts", "professionals", 3, ("praktisch",)))
    assert helper_line(G, NL, "Huisarts") == (
        "Voor praktische hulp kunt u nu alleen bij Huisarts terecht. Wie van uw familie, "
        "vrienden of buren zou ook kunnen helpen met klusjes of boodschappen?")
    assert "aflossen" not in helper_line(G, NL, "Huisarts")


def test_emergency_help_asks_who_else_can_be_called():
    G = people(("Ans", "familie", 1, ("nood", "emotioneel")), BOB)
    assert helper_line(G, NL, "Ans") == (
        "Voor hulp in nood kunt u nu alleen bij Ans terecht. "
        "Wie kunt u bellen als Ans er niet is?")
    assert helper_line(G, EN, "Ans") == (
        "For help in an emergency you can only turn to Ans now. "
        "Who can you call when Ans is not there?")


def test_advice_from_a_neighbour_and_from_the_gp():
    G = people(("Ans", "buren", 1, ("advies",)))
    assert helper_line(G, NL, "Ans").endswith("Wie zou u nog meer om raad kunnen vragen?")
    G = people(GP)
    assert helper_line(G, NL, "Huisarts") == (
        "Voor advies en hulp in nood kunt u nu alleen bij Huisarts terecht. "
        "Wie van uw familie, vrienden of buren zou daar ook bij kunnen helpen?")


def test_someone_whose_sector_is_unknown_is_not_to_be_relieved_either():
    G = people(("Ans", None, 1, ("praktisch", "advies")))
    assert helper_line(G, NL, "Ans").endswith(
        "Wie zou daar naast Ans ook bij kunnen helpen?")


def test_a_professional_carrying_most():
    G = people(("Huisarts", "professionals", 3, ("praktisch", "advies", "nood")),
               ("Ans", "familie", 1, ("gezelschap",)))
    lines = phrase_all(findings(G), NL)
    assert ("Huisarts helpt u met 3 van de 5 soorten hulp. Wie van uw familie, vrienden of "
            "buren zou een deel daarvan kunnen doen?") in lines


def test_circle_one_is_very_close_as_on_the_participant_screen():
    G = people(ANS, ("Bob", "buren", 2, ()))
    assert phrase_all(findings(G), NL)[0] == (
        "Er staan 2 mensen op uw kaart. Ans staat heel dicht bij u.")


def test_all_professional_network_in_both_languages():
    G = people(("Huisarts", "professionals", 3, ("advies", "nood")),
               ("Wijkverpleging", "professionals", 2, ("praktisch",)),
               ("Maatschappelijk werk", "professionals", 3, ("emotioneel",)))
    for t, words in ((NL, "alleen hulpverleners"), (EN, "only professionals")):
        lines = phrase_all(findings(G), t)
        assert words in lines[1]
        assert not any("aflossen" in line or "take over from" in line for line in lines)


# --- never a label, always formal, never a guessed gender, in both languages -------------------

FORBIDDEN = re.compile(
    r"\b(zwak\w*|kwetsba\w*|slecht\w*|arm|arme|armoede|eenza\w*|isol\w*|geïsoleerd\w*|"
    r"probleem\w*|problemen|tekort\w*|gebrek\w*|risico\w*|mislukt|faal\w*|hulpeloo\w*|"
    r"zielig\w*|sneu|beperkt\w*|afhankelijk\w*|weak\w*|vulnerab\w*|lonel\w*|poor|"
    r"problem\w*|lack\w*|risk\w*|fail\w*|helpless\w*|dependent)\b",
    re.IGNORECASE,
)
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)
GENDERED = re.compile(r"\b(hij|hem|haar|zij|zijn|zijzelf|hijzelf|mevrouw|meneer|he|him|his|"
                      r"she|her|hers)\b", re.IGNORECASE)
@pytest.mark.parametrize("seed", range(200))
def test_plain_words_only(seed):
    G = random_network(seed)
    for t in (NL, EN):
        lines = phrase_all(findings(G), t)
        assert 1 <= len(lines) <= MAX_FINDINGS
        text = " ".join(lines)
        assert not FORBIDDEN.search(text), text
        assert not INFORMAL.search(text), text
        # Names on the map are the only way people are referred to.
        assert not GENDERED.search(text), text
        for line in lines:
            sentences = re.findall(r"[^.?]+[.?]", line)
            assert "".join(sentences).strip() == line  # every sentence ends with . or ?
            assert 1 <= len(sentences) <= 2, line
            for sentence in sentences:
                # Short sentences (B1); lists of kinds and names may add some words.
                assert len(sentence.split()) <= 22, sentence


@pytest.mark.parametrize("seed", range(40))
def test_gaps_are_questions_or_tips(seed):
    for line in phrase_all(findings(random_network(seed)), NL):
        if "nog niemand" in line or "alleen bij" in line or "spanning" in line:
            assert line.endswith("?") or "Houd daar rekening mee" in line, line


def bad_inputs():
    """No members, one, a star, all unknown, all professional, 2,000 members."""
    star = people(ANS, BOB, COR, DIRK)
    unknown = people(*[(n, None, None, ()) for n in ("Ans", "Bob", "Cor")])
    professionals = people(GP, ("Thuiszorg", "professionals", 2, ("praktisch",)))
    big = new_network()
    for i in range(2000):
        add_member(big, f"m{i}", name=f"Naam{i}", sector=SECTORS[i % 5], circle=1 + i % 3,
                   support=(SUPPORT_KINDS[i % 5],), reciprocal=i % 2 == 0)
    for i in range(0, 2000, 2):
        add_tie(big, f"m{i}", f"m{i + 1}")
    return {"none": new_network(), "one": people(ANS), "star": star, "unknown": unknown,
            "professionals": professionals, "2000": big}


def test_bad_input_gives_sensible_findings_in_both_languages():
    expected_first = {
        "none": ("Er staan nog geen mensen op uw kaart. Wie is er belangrijk voor u?",
                 "There is nobody on your map yet. Who is important to you?"),
        "one": ("Er staat 1 persoon op uw kaart: Ans.", "There is 1 person on your map: Ans."),
        "star": ("Er staan 4 mensen op uw kaart. Ans staat heel dicht bij u.",
                 "There are 4 people on your map. Ans is very close to you."),
        "unknown": ("Er staan 3 mensen op uw kaart.", "There are 3 people on your map."),
        "professionals": ("Er staan 2 mensen op uw kaart.", "There are 2 people on your map."),
        "2000": ("Er staan 2000 mensen op uw kaart. Van hen staan er 667 heel dicht bij u.",
                 "There are 2000 people on your map. 667 of them are very close to you."),
    }
    for name, G in bad_inputs().items():
        for t, first in zip((NL, EN), expected_first[name], strict=True):
            lines = phrase_all(findings(G), t)
            assert lines[0] == first, name
            assert 1 <= len(lines) <= MAX_FINDINGS
            assert not FORBIDDEN.search(" ".join(lines)), lines
    unknown = phrase_all(findings(bad_inputs()["unknown"]), NL)
    assert ("Van 3 mensen weten we nog niet hoe dichtbij ze staan. "
            "Wie van hen staat heel dicht bij u?") in unknown
    assert not any("binnenste cirkel" in line for line in unknown)


def test_english_findings_contain_no_dutch():
    dutch = re.compile(r"\b(uw|kaart|niemand|mensen|hulp|wie|voor|kunt)\b", re.IGNORECASE)
    for seed in range(100):
        text = " ".join(phrase_all(findings(random_network(seed), limit=None), EN))
        assert not dutch.search(text), text


def test_a_team_sector_is_called_by_its_code():
    G = new_network(sectors=("familie", "kerk", "professionals"))
    add_member(G, "m1", name="Ans", sector="kerk", circle=1)
    add_member(G, "m2", name="Bob", sector="kerk", circle=2)
    assert ("Op uw kaart staan nu alleen mensen van kerk. "
            "Kent u ook familie die u zou willen toevoegen?") in phrase_all(findings(G), NL)
    assert phrase_all(findings(new_network(sectors=("kerk",))), EN) == [
        "There is nobody on your map yet. Who is important to you?",
        "Think of people from kerk."]
