"""Small helpers shared by the forms of several blueprints."""


def int_or_none(value: str | None) -> int | None:
    """A submitted number, or None when it is missing or not a number."""
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None
