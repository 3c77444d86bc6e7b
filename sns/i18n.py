"""Marking text for translation outside Flask.

Messages in ``sns`` are written in Dutch (the default language) and wrapped in ``N_`` so that
``pybabel extract`` finds them; the web layer translates them when it shows them.
"""


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark ``message`` for extraction; returns it unchanged."""
    return message
