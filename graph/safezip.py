"""Opening a ZIP archive from outside without trusting it.

A ZIP can claim anything in its directory, so the guards look at the directory *and* at
what is actually read:

- at most ``max_files`` entries (directories count), else refused;
- no entry whose name is absolute, contains ``..`` or a backslash, or a drive letter;
  nothing is ever written to disk, so the name is only a label, but such a name marks a
  crafted archive;
- the unpacked size of all entries together at most ``max_bytes``, counted while reading
  (a zip bomb's directory may lie about it), and a compression ratio above
  ``max_ratio`` is refused before reading;
- encrypted entries and archives that ``zipfile`` cannot open are refused.

Examples
--------
>>> import io, zipfile
>>> buffer = io.BytesIO()
>>> with zipfile.ZipFile(buffer, "w") as z:
...     z.writestr("ego.csv", "egoID\\n1\\n")
>>> read_zip(buffer.getvalue())
{'ego.csv': b'egoID\\n1\\n'}
"""

from __future__ import annotations

import io
import re
import zipfile

from graph.files import MAX_BYTES, GraphFileError, dutch_number

__all__ = ["MAX_FILES", "is_zip", "read_zip"]

MAX_FILES = 50
MAX_RATIO = 200
_DRIVE = re.compile(r"^[A-Za-z]:")


def is_zip(data: bytes) -> bool:
    """Does ``data`` start like a ZIP archive?"""
    return data[:4] == b"PK\x03\x04"


def read_zip(
    data: bytes,
    *,
    max_files: int = MAX_FILES,
    max_bytes: int = MAX_BYTES,
    max_ratio: int = MAX_RATIO,
) -> dict[str, bytes]:
    """The files in a ZIP archive (name -> bytes), with every guard of the module notes.

    Raises
    ------
    GraphFileError
        With a Dutch message naming the entry that was refused.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as err:
        raise GraphFileError("Dit is geen leesbaar ZIP-bestand.") from err
    if len(entries) > max_files:
        raise GraphFileError(
            f"Het ZIP-bestand bevat meer dan {dutch_number(max_files)} bestanden.")
    files: dict[str, bytes] = {}
    total = 0
    for entry in entries:
        name = entry.filename
        if (name.startswith("/") or "\\" in name or _DRIVE.match(name)
                or ".." in name.split("/")):
            raise GraphFileError(f"Het ZIP-bestand bevat een onveilige bestandsnaam: '{name}'.")
        if entry.is_dir():
            continue
        if entry.flag_bits & 0x1:
            raise GraphFileError(f"'{name}' in het ZIP-bestand is versleuteld.")
        if entry.compress_size and entry.file_size / entry.compress_size > max_ratio:
            raise GraphFileError(f"'{name}' pakt verdacht sterk uit (een 'zip-bom').")
        try:
            with archive.open(entry) as f:
                content = f.read(max_bytes - total + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as err:
            raise GraphFileError(f"'{name}' in het ZIP-bestand is niet leesbaar.") from err
        total += len(content)
        if total > max_bytes:
            raise GraphFileError(
                f"Uitgepakt is het ZIP-bestand te groot: meer dan {dutch_number(max_bytes)} "
                "bytes.")
        files[name] = content
    return files
