"""The one guarded XML parser for every XML network format (GraphML, GEXF).

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
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree

from graph.files import GraphFileError, too_many_nodes

__all__ = ["parse_network_xml", "unreadable"]

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
