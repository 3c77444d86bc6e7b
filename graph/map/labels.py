"""Label text for the netwerkkaart: how wide a line is, and how a name wraps into lines.

Every label on the map (a member's name, the resident's name, a sector's word) is a box of
known size, so :mod:`graph.map.placement` can keep boxes apart. The size comes from the text:

* **Width** from the advance widths of DejaVu Sans (regular and bold), the font the print
  (WeasyPrint) and the screen (``graph.js``) ask for, read once from the installed font
  file with fontTools. A character the font lacks (an emoji, a rare script) counts as
  :data:`WIDE_EM` em, wider than any DejaVu letter, so a box is never too small. Without the
  font file every character counts as :data:`FALLBACK_EM`.
* **Lines** (:func:`wrap`): words go on a line while they fit; a line breaks only between
  words. Only a single word wider than the line is hyphenated, at a Dutch hyphenation point
  from ``pyphen`` (``nl_NL``): "Wijkverpleegkundige" becomes "Wijkverpleeg-" / "kundige",
  never "Wijkverpleegkund" / "ige". A word without a usable hyphenation point (a 40-letter
  nonsense word) is cut where the line is full. A name that needs more lines than allowed is
  *shortened*: the last line ends in "…"; the full text stays in the member list, the
  tooltip and the key.

Examples
--------
>>> wrap("Meneer en mevrouw de Boer", 14, 9 * 14).lines
['Meneer en', 'mevrouw de Boer']
>>> wrap("Wijkverpleegkundige", 14, 8 * 14).lines
['Wijkverpleeg-', 'kundige']
>>> w = wrap("x" * 200, 14, 5 * 14, max_lines=2)
>>> w.shortened, w.lines[-1].endswith("…")
(True, True)
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Mapping
from typing import Any, NamedTuple

import pyphen

__all__ = [
    "FALLBACK_EM",
    "WIDE_EM",
    "Wrapped",
    "clean",
    "word_for",
    "text_width",
    "wrap",
]

#: Width in em of a character the font does not have (emoji are drawn by another font).
WIDE_EM = 1.3
#: Width in em of every character when DejaVu Sans is not installed (wider than its average).
FALLBACK_EM = 0.7
_FONT_DIR = "/usr/share/fonts/truetype/dejavu"
_FONTS = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
_ELLIPSIS = "…"
# Characters XML 1.0 cannot hold (C0 controls but tab/newline/return, surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(value: object) -> str:
    """``value`` as text XML can hold, whitespace (newlines too) collapsed to single spaces.

    >>> clean("  Ans\\n de\\x00 Wit ")
    'Ans de Wit'
    """
    return " ".join(_NOT_XML.sub("", str(value)).split())


def word_for(words: Mapping[Any, Any], code: Any) -> str:
    """Return the word for a code on the map (a sector, a circle, a quality, ...).

    Parameters
    ----------
    words : mapping
        Words for the codes, translated by the caller; lazy translations are evaluated here.
    code : object
        The code; ``None`` is "unknown".

    Returns
    -------
    str
        The code's word; a code without one shows as itself, so a newly configured code never
        breaks the map, and an unknown code without a word as "?".

    Examples
    --------
    >>> words = {"familie": "Familie", None: "Onbekend"}
    >>> word_for(words, "familie"), word_for(words, "buren"), word_for(words, None)
    ('Familie', 'buren', 'Onbekend')
    >>> word_for({}, None)
    '?'
    """
    if code in words:
        return str(words[code])
    return "?" if code is None else str(code)


@functools.cache
def _advances(bold: bool) -> dict[int, float] | None:
    """``{code point: advance in em}`` of DejaVu Sans, or ``None`` without the font file."""
    path = os.path.join(_FONT_DIR, _FONTS[bold])
    if not os.path.exists(path):
        return None
    from fontTools.ttLib import TTFont  # only when a map is drawn: it takes ~50 ms

    font = TTFont(path, lazy=True)
    em = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    return {code: metrics[glyph][0] / em for code, glyph in font.getBestCmap().items()}


@functools.lru_cache(maxsize=4096)
def _width_em(text: str, bold: bool) -> float:
    table = _advances(bold)
    if table is None:
        return FALLBACK_EM * len(text)
    total = 0.0
    for char in text:
        if unicodedata.combining(char) or char in "\u200d\ufe0f":
            continue  # drawn over the character before it
        total += table.get(ord(char), WIDE_EM)
    return total


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of one line of ``text`` at font size ``size`` (in the same units).

    >>> round(text_width("Ans", 10), 1), round(text_width("Ans", 10, bold=True), 1)
    (18.4, 20.8)
    >>> text_width("🙂", 10)
    13.0
    """
    return _width_em(text, bold) * size


class Wrapped(NamedTuple):
    """A label's lines, whether the text had to be shortened, and the widest line's width."""

    lines: list[str]
    shortened: bool
    width: float


@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL", left=3, right=3)


def _split_word(word: str, size: float, width: float, bold: bool) -> tuple[str, str]:
    """The longest head of a too-wide ``word`` that fits ``width``, and the rest.

    At a Dutch hyphenation point (the head ends in "-") or after a hyphen in the word;
    failing both, the word is cut where the line is full (at least one character).
    """
    points = {i + 1 for i, c in enumerate(word[:-1]) if c == "-"}
    points.update(_hyphenator().positions(word))
    for i in sorted(points, reverse=True):
        head = word[:i] if word[i - 1] == "-" else word[:i] + "-"
        if text_width(head, size, bold=bold) <= width:
            return head, word[i:]
    cut = 1
    while cut < len(word) and text_width(word[: cut + 1], size, bold=bold) <= width:
        cut += 1
    return word[:cut], word[cut:]


def _ellipsize(text: str, size: float, width: float, bold: bool) -> str:
    """The longest start of ``text`` that fits ``width`` with "…" after it."""
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits, by bisection
        mid = (low + high + 1) // 2
        if text_width(text[:mid].rstrip() + _ELLIPSIS, size, bold=bold) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + _ELLIPSIS


def wrap(
    text: str, size: float, width: float, *, max_lines: int = 3, bold: bool = False
) -> Wrapped:
    """Break ``text`` into lines no wider than ``width`` at font size ``size``.

    Parameters
    ----------
    text : str
        The label, as recorded (cleaned with :func:`clean`).
    size, width : float
        Font size and the widest a line may be, in the same units.
    max_lines : int
        When more lines are needed the text is shortened: the last line ends in "…".
    bold : bool
        Measure with DejaVu Sans Bold.

    Examples
    --------
    >>> wrap("Schuldhulpverlener Ahmed", 14, 7 * 14).lines
    ['Schuldhulp-', 'verlener', 'Ahmed']
    >>> wrap("Anne-Marie van den Berg", 14, 6 * 14, max_lines=2)[:2]
    (['Anne-Marie', 'van den…'], True)
    >>> wrap("", 14, 100).lines
    ['']
    """
    words = clean(text).split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}" if current else word
        if text_width(trial, size, bold=bold) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        while word and text_width(word, size, bold=bold) > width:
            head, word = _split_word(word, size, width, bold)
            lines.append(head)
        current = word
    if current or not lines:
        lines.append(current)
    shortened = len(lines) > max_lines
    if shortened:
        rest = " ".join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], _ellipsize(rest, size, width, bold)]
    widest = max(text_width(line, size, bold=bold) for line in lines)
    return Wrapped(lines, shortened, widest)
