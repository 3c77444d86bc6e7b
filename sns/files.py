"""The files the ``sns`` commands write and read on the server.

Written files (an export, a PDF, a backup) hold personal data: each is a new file,
readable by its owner only. An existing file is never overwritten and a symbolic link is
never followed (``O_EXCL | O_NOFOLLOW``), so neither another user's file nor a link's
target can be reached through the command. Files read (an import, a scan) must be regular
files: a named pipe or a device would hang or never end.

Each refusal is a :class:`click.ClickException`: the command shows its Dutch message
and stops.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

import click

__all__ = ["FileRefused", "create_private", "refuse_existing", "require_regular",
           "write_private"]


class FileRefused(click.ClickException):
    """A file a command may not write or read; the message says why, in Dutch."""


def _exists(path: Path) -> FileRefused:
    return FileRefused(f"{path} bestaat al (of is een link). Kies een nieuwe bestandsnaam; "
                       "een bestaand bestand wordt niet overschreven.")


def refuse_existing(path: Path) -> None:
    """Refuse ``path`` when it exists or is a link (also a dangling one): a check before
    the work that makes the content, so nothing is made in vain. :func:`create_private` is
    the guard itself."""
    if os.path.lexists(path):
        raise _exists(path)


def create_private(path: Path) -> BinaryIO:
    """A new file at ``path``, open for writing and readable by its owner only; refused when
    anything is there already, a link included."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError as err:
        raise _exists(path) from err
    return os.fdopen(fd, "wb")


def write_private(path: Path, content: bytes) -> None:
    """Write ``content`` to a new private file at ``path`` (see :func:`create_private`)."""
    with create_private(path) as f:
        f.write(content)


def require_regular(path: Path) -> None:
    """Refuse ``path`` unless it is a regular file (or a link to one)."""
    if not path.is_file():
        raise FileRefused(f"{path} is geen gewoon bestand.")
