"""The key of a crowded printed map laid out on sheets of columns (web.printing.map_key)."""

from __future__ import annotations

from web.printing.map_key import COLUMNS, HEADING, LINES, NAME_CHARS, Entry, sheets


def _lines(column):
    return sum(HEADING + len(e.text) // NAME_CHARS if e.number is None
               else -(-len(e.text) // NAME_CHARS) for e in column)


def test_every_column_fits_and_everyone_is_in_it_once_in_order():
    key = [(f"Groep {g}", [(g * 40 + i + 1, "x" * (10 if i % 5 else 30)) for i in range(40)])
           for g in range(5)]
    laid = sheets(key, "a4")
    numbers = [e.number for sheet in laid for column in sheet for e in column
               if e.number is not None]
    assert numbers == [n for _, people in key for n, _ in people]
    for s, sheet in enumerate(laid):
        assert 1 <= len(sheet) <= COLUMNS["a4"]
        room = LINES["a4"][0 if s == 0 else 1]
        for column in sheet:
            assert _lines(column) <= room
            # A column starts with a heading and never ends with one.
            assert column[0].number is None
            assert column[-1].number is not None


def test_a_group_going_on_in_the_next_column_gets_its_heading_again():
    laid = sheets([("Familie", [(i, f"Lid {i}") for i in range(1, 31)])], "a4")
    first, second = laid[0][0], laid[0][1]
    assert first[0] == Entry("Familie")
    assert second[0] == Entry("Familie", continued=True)
    assert second[1].number == first[-1].number + 1


def test_a_long_group_name_takes_more_room():
    short = sheets([("Buren", [(i, "x") for i in range(1, 60)])], "a4")
    long_name = "Vereniging Dorpshuis De Kolk en omstreken"
    long = sheets([(long_name, [(i, "x") for i in range(1, 60)])], "a4")
    assert len(long[0][0]) < len(short[0][0])


def test_a3_has_more_and_longer_columns():
    key = [("Familie", [(i, f"Lid {i}") for i in range(1, 101)])]
    assert len(sheets(key, "a3")) == 1
    assert len(sheets(key, "a4")) == 2
