"""Reading one CSV file from outside: UTF-8 only, the header checked, every row with its
line number, so every message can name the file and the line.

Examples
--------
>>> table = read_csv("alters.csv", b"egoID,alterID\\n1,a\\n1,b\\n", required=("alterID",))
>>> [(row.line, row["alterID"]) for row in table.rows]
[(2, 'a'), (3, 'b')]
>>> read_csv("alters.csv", b"egoID\\n1\\n", required=("alterID",))
Traceback (most recent call last):
...
graph.files.GraphFileError: alters.csv: de kolom 'alterID' ontbreekt.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from graph.files import MAX_NODES, GraphFileError, too_many_nodes

__all__ = ["FORMULA_STARTS", "Row", "Table", "read_csv", "SafeWriter", "safe_cell",
           "same_resident", "write_csv"]

#: What a spreadsheet reads as the start of a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Row(dict):
    """One row: column -> text (``None`` for an empty cell), and its line in the file."""

    line: int = 0


@dataclass
class Table:
    name: str
    columns: list[str]
    rows: list[Row]

    def column(self, *names: str) -> str | None:
        """The first of ``names`` that is a column of this table."""
        return next((n for n in names if n in self.columns), None)

    def where(self, row: Row) -> str:
        return f"{self.name}, regel {row.line}"


def read_csv(name: str, data: bytes, *, required: Sequence[str] = (),
             max_rows: int = MAX_NODES) -> Table:
    """Parse ``data`` as a CSV file named ``name`` (comma or semicolon separated).

    ``required`` lists columns that must be there; each entry may be ``"a|b"`` for either.

    Raises
    ------
    GraphFileError
        Not UTF-8, not CSV, a column missing, a row with more cells than the header, or more
        than ``max_rows`` rows; the message names the file and, where it can, the line.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise GraphFileError(
            f"{name}, regel {line}: dit is geen UTF-8-tekst. Sla het bestand op als UTF-8 "
            "(CSV UTF-8) en probeer het opnieuw.") from err
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise GraphFileError(f"{name}: het bestand is leeg of heeft geen kolomnamen.")
        columns = [h.strip() for h in header]
        for options in required:
            if not any(o in columns for o in options.split("|")):
                shown = "' of '".join(options.split("|"))
                raise GraphFileError(f"{name}: de kolom '{shown}' ontbreekt.")
        rows: list[Row] = []
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(columns):
                raise GraphFileError(
                    f"{name}, regel {reader.line_num}: meer waarden ({len(cells)}) dan kolommen "
                    f"({len(columns)}).")
            row = Row((col, (_unescaped(cell).strip() or None))
                      for col, cell in zip(columns, cells, strict=False))
            row.line = reader.line_num
            rows.append(row)
            if len(rows) > max_rows:
                raise too_many_nodes(max_rows)
    except csv.Error as err:
        raise GraphFileError(f"{name}, regel {reader.line_num}: dit is geen geldige CSV "
                             "(kijk of elk aanhalingsteken ook gesloten wordt).") from err
    return Table(name, columns, rows)


def same_resident(table: Table, row: Row, column: str | None, seen: str | None,
                  refuse: str) -> str | None:
    """The resident id of ``row`` (in ``column``), checked against the one ``seen`` so far.

    A file holds one resident: a row with another id raises ``GraphFileError`` with the
    file, the line and ``refuse`` (formatted with ``value`` and ``seen``). Returns the id
    to remember (``seen`` when the row has none).

    >>> t = read_csv("a.csv", b"egoID\\n1\\n2\\n")
    >>> same_resident(t, t.rows[1], "egoID", "1", "ander {value}, niet {seen}")
    Traceback (most recent call last):
    ...
    graph.files.GraphFileError: a.csv, regel 3: ander 2, niet 1
    """
    value = row.get(column) if column else None
    if value is None:
        return seen
    if seen is not None and value != seen:
        raise GraphFileError(f"{table.where(row)}: " + refuse.format(value=value, seen=seen))
    return value


def safe_cell(value: object) -> object:
    """A value as a CSV cell that no spreadsheet runs as a formula.

    Text that starts like a formula (:data:`FORMULA_STARTS`) gets a leading apostrophe, as
    OWASP advises; numbers stay numbers, ``None`` is an empty cell and booleans are
    ``true``/``false``. Every CSV the app writes goes through here (:class:`SafeWriter`).

    >>> [safe_cell(v) for v in ("=HYPERLINK(1)", "+31 6", "-1+1", "@SUM(1)", "Ans", -1, 2.5)]
    ["'=HYPERLINK(1)", "'+31 6", "'-1+1", "'@SUM(1)", 'Ans', -1, 2.5]
    >>> safe_cell(None), safe_cell(True)
    ('', 'true')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _unescaped(cell: str) -> str:
    """A cell as it was before :func:`safe_cell`: our own files read back as they were."""
    return cell[1:] if cell[:1] == "'" and cell[1:].startswith(FORMULA_STARTS) else cell


class SafeWriter:
    """``csv.writer`` whose every cell goes through :func:`safe_cell`.

    >>> buffer = io.StringIO()
    >>> SafeWriter(buffer).writerow(["=1+1", 3])
    >>> buffer.getvalue()
    "'=1+1,3\\r\\n"
    """

    def __init__(self, buffer: io.StringIO, **options: object) -> None:
        self._writer = csv.writer(buffer, **options)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([safe_cell(v) for v in row])


def write_csv(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A CSV file (UTF-8, comma separated, ``\\r\\n`` as R and spreadsheets expect), every
    cell through :func:`safe_cell`."""
    buffer = io.StringIO(newline="")
    writer = SafeWriter(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8")
