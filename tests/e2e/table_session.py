"""The reference session at the kitchen table, driven through the verkenning page as a coach
would, counting every key press, click and tap.

Issue 25 measured a whole session on paper terms: 25 people with a sector and a circle, two
kinds of support each, one kind the resident gives to 3 people, three groups of 6, 5 and 4
people who all know each other, 5 more ties, one state and one undo. The browser tests walk
these steps at three screen sizes and check the database after each; ``bench/bench_table.py``
walks them to print the actions per person and the time from an action to the map drawn.

Counting: a typed letter is one key press, Enter or a modifier held down is one, a click or
a tap is one, and choosing from a list (open it, pick) is two.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.e2e.map_page import NODE_POINT

#: name, sector, circle: in the order a resident names them (the closest first, per group)
PEOPLE: tuple[tuple[str, str, int], ...] = (
    ("Marieke", "familie", 1), ("Peter", "familie", 1), ("Sanne", "familie", 1),
    ("Opa Kees", "familie", 2), ("Tante Jo", "familie", 2), ("Oom Henk", "familie", 2),
    ("Ans", "vrienden", 1), ("Fatma", "vrienden", 2), ("Wim", "vrienden", 2),
    ("Lotte", "vrienden", 2), ("Greet", "vrienden", 3),
    ("Buurvrouw Riet", "buren", 1), ("Jan van nr. 12", "buren", 2), ("Karin", "buren", 2),
    ("Ahmed", "buren", 3),
    ("Koor", "werk_school_club", 2), ("Trainer Bas", "werk_school_club", 3),
    ("Collega Noor", "werk_school_club", 3), ("Els van de kerk", "werk_school_club", 3),
    ("Huisarts", "professionals", 2), ("Wijkverpleegkundige", "professionals", 2),
    ("Thuiszorg Mia", "professionals", 3), ("Fysio Daan", "professionals", 3),
    ("Maatje Rob", "professionals", 3), ("Dominee", "professionals", 3),
)

#: Two kinds of support for each person (who helps the resident with what).
SUPPORT: dict[str, tuple[str, str]] = {
    name: kinds for (name, _s, _c), kinds in zip(PEOPLE, (
        ("emotioneel", "nood"), ("praktisch", "nood"), ("emotioneel", "gezelschap"),
        ("advies", "gezelschap"), ("emotioneel", "gezelschap"), ("praktisch", "advies"),
        ("emotioneel", "gezelschap"), ("praktisch", "gezelschap"), ("praktisch", "nood"),
        ("emotioneel", "gezelschap"), ("gezelschap", "advies"),
        ("praktisch", "nood"), ("praktisch", "gezelschap"), ("gezelschap", "emotioneel"),
        ("praktisch", "advies"),
        ("gezelschap", "emotioneel"), ("advies", "gezelschap"), ("advies", "emotioneel"),
        ("emotioneel", "gezelschap"),
        ("advies", "nood"), ("praktisch", "advies"), ("praktisch", "nood"),
        ("advies", "praktisch"), ("gezelschap", "emotioneel"), ("emotioneel", "advies"),
    ), strict=True)
}
#: The resident does the shopping for three people.
GIVES: tuple[str, tuple[str, ...]] = ("praktisch", ("Buurvrouw Riet", "Opa Kees", "Greet"))
#: Three groups who all know each other, and five single ties.
GROUPS: tuple[tuple[str, ...], ...] = (
    ("Marieke", "Peter", "Sanne", "Opa Kees", "Tante Jo", "Oom Henk"),
    ("Ans", "Fatma", "Wim", "Lotte", "Greet"),
    ("Buurvrouw Riet", "Jan van nr. 12", "Karin", "Ahmed"),
)
PAIRS: tuple[tuple[str, str], ...] = (
    ("Marieke", "Ans"), ("Peter", "Trainer Bas"), ("Buurvrouw Riet", "Ans"),
    ("Koor", "Els van de kerk"), ("Wijkverpleegkundige", "Thuiszorg Mia"),
)
#: Opa Kees died last year; the coach first marks Tante Jo by mistake and undoes it.
DIED = "Opa Kees"
UNDONE = "Tante Jo"

#: The smallest name a coach can read on the map (issue 25: at least 14 px on a phone).
READABLE_PX = 14

_NODE_OF = """(name) => {
    const data = JSON.parse(document.getElementById('map-data').textContent);
    const node = data.nodes.find((n) => n.label === name);
    return node ? String(node.id) : null;
}"""


@dataclass
class Hands:
    """The coach's hands on a page: every key press, click and tap is counted, and every
    action saved in place is timed by the page itself (``window.snsTable.lastMs``)."""

    page: object
    touch: bool = False
    actions: int = 0
    timings: list[float] = field(default_factory=list)

    def _in_place(self, act: Callable[[], None]) -> None:
        before = self.page.evaluate("window.snsTable.done")
        act()
        self.page.wait_for_function("(n) => window.snsTable.done > n", arg=before)
        self.timings.append(self.page.evaluate("window.snsTable.lastMs"))

    def press(self, locator, key: str, *, saves: bool = False) -> None:
        self.actions += 1
        if saves:
            self._in_place(lambda: locator.press(key))
        else:
            locator.press(key)

    def type(self, locator, text: str) -> None:
        """Type into the field that has the focus (the letters only)."""
        self.actions += len(text)
        locator.type(text)

    def _scroll_to(self, locator) -> None:
        """A part out of view is scrolled to first: one more action."""
        box = locator.bounding_box()
        height = self.page.viewport_size["height"]
        if box is None or box["y"] < 0 or box["y"] + box["height"] > height:
            self.actions += 1
            locator.scroll_into_view_if_needed()

    def hit(self, locator, *, saves: bool = False) -> None:
        """A click, or a tap on a touch screen."""
        self._scroll_to(locator)
        self.actions += 1
        act = locator.tap if self.touch else locator.click
        if saves:
            self._in_place(act)
        else:
            act()

    def choose(self, select, value: str) -> bool:
        """Pick from a list, when it is not already picked: open it and pick (two). Returns
        whether anything was picked."""
        if select.input_value() == value:
            return False
        self._scroll_to(select)
        self.actions += 2
        select.select_option(value)
        return True

    def node_point(self, name: str) -> tuple[float, float]:
        node = self.page.evaluate(_NODE_OF, name)
        assert node is not None, name
        return self.page.evaluate(NODE_POINT, node)

    def hit_person(self, name: str, *, saves: bool = False, holding: str | None = None
                   ) -> None:
        """A click (with the key ``holding`` held down, counted by the caller) or a tap on
        a person on the map (scrolled to first when out of view)."""
        x, y = self.node_point(name)
        if not 0 < y < self.page.viewport_size["height"]:
            self.actions += 1
            self.page.locator("#map").scroll_into_view_if_needed()
            x, y = self.node_point(name)
        self.actions += 1

        def act() -> None:
            if self.touch:
                self.page.touchscreen.tap(x, y)
            elif holding:
                canvas = self.page.locator("#map canvas")
                box = canvas.bounding_box()
                canvas.click(position={"x": x - box["x"], "y": y - box["y"]},
                             modifiers=[holding])
            else:
                self.page.mouse.click(x, y)

        if saves:
            self._in_place(act)
        else:
            act()


def _answer(hands: Hands, name: str) -> None:
    """Answer the open question for one person: on the map where its names can be read
    (14 px and more), else on the person's name in the list under the question."""
    page = hands.page
    if page.evaluate("document.getElementById('map').snsNamePx()") >= READABLE_PX:
        hands.hit_person(name, saves=True)
    else:
        exact = re.compile(rf"^\s*{re.escape(name)}\s*$")
        hands.hit(page.locator("#vraag label.answer").filter(has_text=exact), saves=True)


def add_people(hands: Hands) -> None:
    """Each name into "Wie is er in uw leven?" with Enter; the sector and circle lists keep
    the last choice, so they are changed only where a group begins (and then the name
    field is clicked again)."""
    page = hands.page
    for name, sector, circle in PEOPLE:
        moved = hands.choose(page.locator("#quick-sector"), sector)
        moved = hands.choose(page.locator("#quick-circle"), str(circle)) or moved
        field = page.locator("#quick-name")
        if moved:
            hands.hit(field)
        hands.type(field, name)
        hands.press(field, "Enter", saves=True)


def answer_questions(hands: Hands) -> None:
    """One question per kind of support, each answered by a click or tap on the people on
    the map; then "Voor wie doet u zelf boodschappen of klusjes?" for three people."""
    page = hands.page
    kinds = ("praktisch", "emotioneel", "advies", "gezelschap", "nood")
    hands.hit(page.locator(f"#vragen a[href*='vraag={kinds[0]}']"), saves=True)
    for i, kind in enumerate(kinds):
        if i:
            hands.hit(page.locator("#volgende-vraag"), saves=True)
        for name, given in SUPPORT.items():
            if kind in given:
                _answer(hands, name)
    hands.hit(page.locator("#volgende-vraag"), saves=True)  # zelf-praktisch
    for name in GIVES[1]:
        _answer(hands, name)
    hands.hit(page.locator("#vragen-klaar"), saves=True)


def _tie_group(hands: Hands, names: tuple[str, ...]) -> None:
    """Pick the people and press "Deze mensen kennen elkaar allemaal": with a mouse by
    Ctrl and a click on each on the map, on a touch screen by ticking their names in the
    list of "Wie kent wie?"."""
    page = hands.page
    if hands.touch:
        for name in names:
            hands.hit(page.locator("#groep .pick-list label").filter(
                has_text=re.compile(rf"^\s*{re.escape(name)}\s*$")))
    else:
        hands.actions += 1  # Ctrl held down
        for name in names:
            hands.hit_person(name, holding="Control")
    hands.hit(page.get_by_role("button", name="Deze mensen kennen elkaar allemaal"), saves=True)


def tie_groups(hands: Hands) -> None:
    """Three groups who all know each other, each in one action."""
    for names in GROUPS:
        _tie_group(hands, names)


def tie_pairs(hands: Hands) -> None:
    """Five more ties, one pair at a time, the same way."""
    for pair in PAIRS:
        _tie_group(hands, pair)


def _mark_died(hands: Hands, name: str) -> None:
    page = hands.page
    hands.choose(page.get_by_label(f"Staat op de kaart als {name}"), "overleden")
    hands.hit(page.get_by_role("button", name=f"Zet {name}"), saves=True)


def state_and_undo(hands: Hands) -> None:
    """The coach marks the wrong person as died, presses "Ongedaan maken", and marks the
    right one."""
    _mark_died(hands, UNDONE)
    hands.hit(hands.page.locator("#ongedaan button"), saves=True)
    _mark_died(hands, DIED)


#: The session's steps in order, with what each does in words (bench/bench_table.py).
STEPS: tuple[tuple[str, Callable[[Hands], None]], ...] = (
    ("25 mensen met groep en cirkel", add_people),
    ("hulp per vraag: 2 soorten elk, zelf geven aan 3", answer_questions),
    ("groepen van 6, 5 en 4 die elkaar allemaal kennen", tie_groups),
    ("5 losse lijnen", tie_pairs),
    ("overleden, ongedaan maken, overleden", state_and_undo),
)
