"""Bearer tokens: random, shown once, stored only as their sha256."""

from __future__ import annotations

import hashlib
import secrets


def new_token() -> str:
    """A fresh token (43 URL-safe characters, 256 bits)."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """What the database keeps.

    >>> len(hash_token("abc")), hash_token("abc")[:8]
    (64, 'ba7816bf')
    """
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
