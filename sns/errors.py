"""Errors a user can cause. Each carries a Dutch message, marked with ``N_`` so that the web
layer and the command line can show it translated, and the values its ``%(name)s``
placeholders take (``params``, filled in after translating); raising one means nothing was
changed."""

from sns.i18n import N_


class DomainError(Exception):
    """Base: the operation was refused and nothing was changed."""

    message = N_("Dit kan niet.")

    def __init__(self, message: str | None = None, **params: object):
        super().__init__(message or self.message)
        self.message = message or self.message
        self.params = params


class NotFound(DomainError):
    """The thing does not exist, or this coach may not see it (the two are not told apart)."""

    message = N_("Niet gevonden.")


class Forbidden(DomainError):
    """The account's role does not allow this."""

    message = N_("Dat mag u met dit account niet doen.")


class Invalid(DomainError):
    """Input that breaks a rule (missing name, value out of range, ...). ``field`` names the
    form field it is about, so the page can show the message next to it."""

    def __init__(self, message: str | None = None, *, field: str | None = None):
        super().__init__(message)
        self.field = field


class StaleVersion(DomainError):
    """Someone else saved a newer version first (duo coaches editing the same resident)."""

    message = N_(
        "Iemand anders heeft dit intussen gewijzigd. Hieronder ziet u de nieuwste versie; "
        "voer uw wijziging opnieuw in."
    )

    def __init__(self, current_version: int, message: str | None = None, **params: object):
        super().__init__(message, **params)
        self.current_version = current_version


class DuplicateUsername(Invalid):
    """The username is taken."""

    message = N_("Deze gebruikersnaam bestaat al. Kies een andere.")
