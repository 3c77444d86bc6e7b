"""What a person reads on a page, for tests that check a name is absent: tokens and keys in
hidden fields are random and can spell a short name by chance ("mAnsF")."""

from __future__ import annotations

import re


def visible(page: str) -> str:
    """The page's text without tags and attributes."""
    return re.sub(r"<[^>]*>", " ", page)
