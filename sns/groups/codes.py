"""Join codes and participant tokens.

A session's join code is short and easy to read off a screen; a participant's token is long
and random, and only its SHA-256 is stored (a lookup by hash: the token itself is never
compared, so its comparison leaks no timing).
"""

from __future__ import annotations

import hashlib
import re
import secrets

#: Join codes: six characters without look-alikes (no 0/O, 1/I/L), about 887 million codes.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def new_code() -> str:
    """A random join code.

    >>> code = new_code()
    >>> len(code), set(code) <= set(CODE_ALPHABET)
    (6, True)
    """
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(raw: str | None) -> str:
    """A typed code as stored: capitals, without spaces or dashes."""
    return re.sub(r"[\s\-]", "", (raw or "")).upper()[:20]


def hash_token(token: str) -> str:
    """The stored form of a participant's token."""
    return hashlib.sha256(token.encode()).hexdigest()
