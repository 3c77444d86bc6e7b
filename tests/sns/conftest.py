"""Fixtures of the domain layer's tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def riek(demo_riek):
    """Riek with the demo network (see ``demo_riek``)."""
    return demo_riek
