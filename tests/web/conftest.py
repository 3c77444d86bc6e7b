"""Fixtures of the web layer's tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def riek(demo_riek, auth):
    """Riek with the demo network (see ``demo_riek``), and her coach Ans logged in."""
    auth.login("ans")
    return demo_riek
