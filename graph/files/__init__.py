"""Reading a network file from outside: the size limit and the Dutch error every reader
raises.

Every reader in :mod:`graph` (GraphML, GEXF, JSON, the CSV tables, ZIP archives) takes its
bytes through :func:`read_limited`, so a file over the limit is refused before it is read,
and refuses a file with a :class:`GraphFileError` whose message can be shown as it is.
"""

from __future__ import annotations

import os
from typing import IO

__all__ = ["MAX_BYTES", "MAX_NODES", "GraphFileError", "dutch_number", "read_limited",
           "too_many_nodes"]

#: Default size limits of every reader.
MAX_BYTES = 5_000_000
MAX_NODES = 5_000


class GraphFileError(ValueError):
    """A file that cannot be read as a resident's network; the message is Dutch."""


def dutch_number(n: int) -> str:
    """``5000`` -> ``'5.000'``.

    >>> dutch_number(5_000_000)
    '5.000.000'
    """
    return f"{n:,}".replace(",", ".")


def too_many_nodes(max_nodes: int) -> GraphFileError:
    return GraphFileError(f"Het bestand is te groot: meer dan {dutch_number(max_nodes)} personen.")


def read_limited(path_or_file: str | os.PathLike | IO[bytes], max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a path or binary file, refused when there are more than ``max_bytes``.

    A path is refused on its size before it is opened; a file object is read up to one byte
    past the limit, never further.

    >>> import io
    >>> read_limited(io.BytesIO(b"12345"), max_bytes=4)
    Traceback (most recent call last):
    ...
    graph.files.GraphFileError: Het bestand is te groot: meer dan 4 bytes.
    """
    too_big = GraphFileError(f"Het bestand is te groot: meer dan {dutch_number(max_bytes)} bytes.")
    if isinstance(path_or_file, (str, os.PathLike)):
        if os.stat(path_or_file).st_size > max_bytes:
            raise too_big
        with open(path_or_file, "rb") as f:
            data = f.read(max_bytes + 1)
    else:
        data = path_or_file.read(max_bytes + 1)
        if isinstance(data, str):
            data = data.encode("utf-8")
    if len(data) > max_bytes:
        raise too_big
    return data
