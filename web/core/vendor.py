"""Serves vis-network from the installed pyvis package, so the map needs no CDN and no copy
of the library in this repository."""

from __future__ import annotations

from pathlib import Path

import pyvis
from flask import Blueprint, send_from_directory

VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"

bp = Blueprint("vendor", __name__, url_prefix="/vendor")


@bp.get("/<any('vis-network.min.js', 'vis-network.css'):filename>")
def vis(filename: str):
    return send_from_directory(VIS_DIR, filename, max_age=86400)
