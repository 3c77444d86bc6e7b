"""HTML to PDF with WeasyPrint, fetching nothing but the app's own static files.

WeasyPrint is imported inside :func:`render_pdf` (the import takes about 0.7 s, which the app
should not pay at start). Its URL fetcher is replaced by one that maps ``/static/...`` URLs of
the page's own origin to files in ``web/static`` and refuses everything else, so no URL in a
printout can reach the network or the file system (``file://``, ``http(s)://`` elsewhere,
``data:``, ``..``), with one exception: the page's own drawings, handed over inline as
:func:`svg_image` URLs (their bytes are in the page already, so nothing is fetched; whatever
such a drawing refers to goes through the same fetcher). Fonts come from the system through
fontconfig (DejaVu Sans, Debian's ``fonts-dejavu-core``), never from a URL.
"""

from __future__ import annotations

import base64
import binascii
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: The app's static folder (Flask's default ``static`` next to ``web/__init__.py``).
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
STATIC_PREFIX = "/static/"
#: The start of an :func:`svg_image` URL, the one ``data:`` URL a printout may load.
SVG_IMAGE_PREFIX = "data:image/svg+xml;base64,"


class RefusedURL(ValueError):
    """A printout asked for something other than one of the app's own static files."""

    def __init__(self, url: str, reason: str):
        self.url = url
        super().__init__(
            f"Refused to fetch {url[:200]!r} for a printout ({reason}); only the app's own "
            f"static files under {STATIC_PREFIX} are served."
        )


def static_file(url: str, base_url: str, static_dir: Path = STATIC_DIR) -> Path:
    """The file on disk for ``url``, if it is one of the app's static files.

    ``url`` is absolute (WeasyPrint resolves relative URLs against ``base_url`` first). It
    must have the scheme and host of ``base_url`` and a path under ``/static/`` that names an
    existing file inside ``static_dir``; anything else raises :class:`RefusedURL`.

    Examples
    --------
    >>> static_file("http://localhost/static/style.css", "http://localhost/").name
    'style.css'
    >>> try:
    ...     static_file("file:///etc/passwd", "http://localhost/")
    ... except RefusedURL as err:
    ...     print(err.url)
    file:///etc/passwd
    """
    parts, base = urlsplit(url), urlsplit(base_url or "")
    if parts.scheme not in ("http", "https") or not base.netloc:
        raise RefusedURL(url, "not the app's own origin")
    if (parts.scheme, parts.netloc.lower()) != (base.scheme, base.netloc.lower()):
        raise RefusedURL(url, "not the app's own origin")
    path = unquote(parts.path)
    if not path.startswith(STATIC_PREFIX) or "\x00" in path:
        raise RefusedURL(url, "not a static file")
    root = static_dir.resolve()
    target = (root / path[len(STATIC_PREFIX):]).resolve()
    if not target.is_relative_to(root) or not target.is_file():
        raise RefusedURL(url, "no such static file")
    return target


def svg_image(svg: str) -> str:
    """``svg`` (a complete SVG document, such as the map of :mod:`graph.map.svg`) as the ``src``
    of an ``<img>`` in a printout.

    Why not inline: WeasyPrint parses an inline ``<svg>`` with its (pure Python) HTML parser
    and gives every element of it the HTML cascade before drawing it as SVG; as an image it
    is parsed once, by the XML parser, and drawn the same (the same text, in the same place).
    At 25 members that is about a fifth of the take-home PDF.

    >>> svg_image("<svg/>")
    'data:image/svg+xml;base64,PHN2Zy8+'
    """
    return SVG_IMAGE_PREFIX + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def svg_bytes(url: str) -> bytes:
    """The SVG document of an :func:`svg_image` URL; any other URL raises :class:`RefusedURL`.

    >>> svg_bytes(svg_image("<svg/>"))
    b'<svg/>'
    """
    if not url.startswith(SVG_IMAGE_PREFIX):
        raise RefusedURL(url, "not a drawing of the page itself")
    try:
        return base64.b64decode(url[len(SVG_IMAGE_PREFIX):], validate=True)
    except (binascii.Error, ValueError) as err:
        raise RefusedURL(url, "not a drawing of the page itself") from err


def url_fetcher(base_url: str, static_dir: Path = STATIC_DIR):
    """A WeasyPrint URL fetcher that serves only :func:`static_file` and the page's own
    :func:`svg_image` drawings (imports WeasyPrint)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith(SVG_IMAGE_PREFIX):
                return URLFetcherResponse(url, svg_bytes(url), {"Content-Type": "image/svg+xml"})
            path = static_file(url, base_url, static_dir)
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})

    # fetch() is the only way in (open() and __call__ go through it): nothing is opened.
    return StaticOnlyFetcher(allow_redirects=False)


def render_pdf(html: str, base_url: str) -> bytes:
    """Render ``html`` (a complete document) to PDF bytes, in the server's pool of PDF
    processes (``web.core.pdf_pool``) so the request threads stay free.

    ``base_url`` is the origin the page's relative URLs belong to, such as
    ``request.url_root``; only ``/static/...`` files of that origin are loaded (from disk).
    """
    from web.core import pdf_pool

    pool = pdf_pool.shared()
    return pool.render(html, base_url) if pool else render_here(html, base_url)


def render_here(html: str, base_url: str) -> bytes:
    """:func:`render_pdf` in this process and thread."""
    import weasyprint

    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=url_fetcher(base_url))
    return document.write_pdf()
