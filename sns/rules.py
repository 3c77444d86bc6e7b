"""The input rules of the whole domain: text as it may be stored, and edits on a stale version.

Every service that stores text from a coach, a resident or a file passes it through
:func:`clean_text` or :func:`clean_name`, and every edit of a versioned row through
:func:`check_version`, so one rule holds everywhere and a refusal reads the same.

Names and notes end up in the operator's terminal (``sns scan``), in PDFs and in exports;
an escape sequence in a name could rewrite the terminal, and PostgreSQL refuses a NUL. The
web app removes control characters from every submitted value (``web.core.text_input``); the
services do it again (:func:`clean_text`) for text that comes from elsewhere.
"""

from __future__ import annotations

import re

from sns.errors import Invalid, StaleVersion
from sns.i18n import N_

#: C0 controls except tab, line feed and carriage return (a text area sends those), DEL and
#: the C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """``text`` without control characters other than tab and line breaks.

    >>> strip_controls("Oma\\x1b[31m Riek\\x00\\u0085")
    'Oma[31m Riek'
    >>> strip_controls("regel 1\\r\\nregel 2\\tklaar")
    'regel 1\\r\\nregel 2\\tklaar'
    """
    return _CONTROL.sub("", text)


NAME_MAX = 200
TEXT_MAX = 5000


def clean_text(value: str | None, *, limit: int = TEXT_MAX) -> str | None:
    """Strip control characters and whitespace; empty becomes None; refuse text longer than
    ``limit``."""
    value = strip_controls(value or "").strip()
    if len(value) > limit:
        raise Invalid(N_("Deze tekst is te lang."))
    return value or None


def clean_name(value: str | None, *, limit: int = NAME_MAX) -> str:
    """A required short name, stripped."""
    name = clean_text(value, limit=limit)
    if name is None:
        raise Invalid(N_("Vul een naam in."))
    return name


def check_version(current: int, expected: int | None) -> None:
    """Refuse an edit that was based on an older version than the stored one."""
    if expected is None or expected != current:
        raise StaleVersion(current)
