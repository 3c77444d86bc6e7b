"""The guards for every file from outside: one XML parser for every XML network format
(GraphML, GEXF), and one way to open a ZIP archive without trusting it.

XML
---
Built on ``defusedxml``, the field's library for hostile XML, instead of a guard per format:

- **No DTDs.** Any ``<!DOCTYPE`` (and so any ``<!ENTITY``, internal or external) is refused
  while parsing, in every encoding (expat decodes UTF-16 before defusedxml sees it). This
  blocks entity expansion ("billion laughs") and external entities. A byte search first
  also names a lower-case ``<!doctype`` (malformed for expat) as what it is.
- **Malformed XML** is refused with the format's "not readable" message.
- **Size.** The caller reads the bytes through :func:`graph.files.read_limited`; here the
  ``<node>`` elements are counted before any graph is built, and a file with more than one
  ``<graph>`` is refused.

The result is an :mod:`xml.etree.ElementTree` element that the format's reader (NetworkX's
GraphML and GEXF readers) turns into a graph without parsing again.

ZIP
---
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
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree

from graph.files import MAX_BYTES, GraphFileError, dutch_number, too_many_nodes

__all__ = ["MAX_FILES", "is_zip", "parse_network_xml", "read_zip", "unreadable"]

_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def unreadable(fmt: str) -> GraphFileError:
    return GraphFileError(f"Dit is geen leesbaar {fmt}-bestand.")


def parse_network_xml(data: bytes, *, fmt: str, max_nodes: int) -> Element:
    """Parse ``data`` as XML with every guard of the module notes; return the root element.

    Parameters
    ----------
    data : bytes
        The whole file, already size-checked.
    fmt : str
        The format's name for the messages (``"GraphML"``, ``"GEXF"``).
    max_nodes : int
        More ``<node>`` elements than this are refused.

    Raises
    ------
    GraphFileError
        With a Dutch message: a DTD or entity, malformed XML, too many nodes, more than one
        graph.

    Examples
    --------
    >>> parse_network_xml(b"<graphml><graph><node id='a'/></graph></graphml>",
    ...                   fmt="GraphML", max_nodes=10).tag
    'graphml'
    >>> parse_network_xml(b"<!DOCTYPE x><graphml/>", fmt="GraphML", max_nodes=10)
    Traceback (most recent call last):
    ...
    graph.files.GraphFileError: Dit GraphML-bestand bevat een DOCTYPE- of ENTITY-declaratie. \
Die worden om veiligheidsredenen niet gelezen.
    """
    dtd = GraphFileError(
        f"Dit {fmt}-bestand bevat een DOCTYPE- of ENTITY-declaratie. "
        "Die worden om veiligheidsredenen niet gelezen."
    )
    if _DTD.search(data):
        raise dtd
    try:
        root = defusedxml.ElementTree.fromstring(
            data, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except defusedxml.DefusedXmlException as err:
        raise dtd from err
    except (ParseError, ValueError) as err:
        raise unreadable(fmt) from err
    nodes = graphs = 0
    for element in root.iter():
        local = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        if local == "node":
            nodes += 1
            if nodes > max_nodes:
                raise too_many_nodes(max_nodes)
        elif local == "graph":
            graphs += 1
    if graphs > 1:
        raise GraphFileError("Het bestand bevat meer dan één netwerk; lees ze één voor één in.")
    return root


#: The most entries a ZIP may hold (directories count).
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
