"""Marking text for translation outside Flask, and the translations without an app.

Messages in ``sns`` are written in Dutch (the default language) and wrapped in ``N_`` so that
``pybabel extract`` finds them; the web layer translates them when it shows them. The
command line, which must not import Flask, reads the same catalogue with
:func:`translations`.
"""

from __future__ import annotations

import gettext
from pathlib import Path

#: The app's catalogues (``<lang>/LC_MESSAGES/messages.po`` and the compiled ``.mo``).
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "web" / "translations"
#: Dutch is the language the texts are written in; English is translated.
LANGUAGES = ("nl", "en")


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark ``message`` for extraction; returns it unchanged."""
    return message


def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of ``lang`` for use without Flask: a plain gettext catalogue.

    Dutch needs none (the msgids are Dutch). Another language is read with the standard
    library's :mod:`gettext` from the compiled ``messages.mo`` that ``scripts/install.sh``
    makes (Babel, which Flask-Babel uses, takes ~0.15 s to import; this takes none);
    when that is missing (a checkout where nobody compiled yet) Babel compiles the
    ``.po`` in memory, so the words are never silently Dutch.

    >>> translations("en").gettext("advies")
    'advice'
    >>> translations("nl").gettext("advies")
    'advies'
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    if lang == "nl":
        return gettext.NullTranslations()
    try:
        return gettext.translation("messages", str(TRANSLATIONS_DIR), languages=[lang])
    except FileNotFoundError:
        return _compiled(TRANSLATIONS_DIR / lang / "LC_MESSAGES" / "messages.po")


def _compiled(po: Path) -> gettext.GNUTranslations:
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        catalog = read_po(source)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
