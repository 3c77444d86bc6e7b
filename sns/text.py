"""Text as it may be stored: without control characters.

Names and notes end up in the operator's terminal (``sns scan``), in PDFs and in exports;
an escape sequence in a name could rewrite the terminal, and PostgreSQL refuses a NUL. The
web app removes control characters from every submitted value (``web.text_input``); the
services do it again (``sns.residents.clean_text``) for text that comes from elsewhere.
"""

from __future__ import annotations

import re

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
