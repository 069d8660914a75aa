"""Random tokens and their stored form: only a SHA-256 hash ever reaches the database."""

from __future__ import annotations

import hashlib
import hmac
import secrets

TOKEN_BYTES = 32  # 256 bits from the OS's CSPRNG; capability URLs need at least 128


def new_token() -> str:
    """A fresh URL-safe random token."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """The stored form of a token (hex SHA-256)."""
    return hashlib.sha256(token.encode()).hexdigest()


def sign(key: str, value: str) -> str:
    """An HMAC-SHA-256 of ``value`` under ``key`` (hex)."""
    return hmac.new(key.encode(), value.encode(), hashlib.sha256).hexdigest()


def equal(a: str, b: str) -> bool:
    """Constant-time string comparison."""
    return hmac.compare_digest(a.encode(), b.encode())
