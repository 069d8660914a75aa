"""Argon2id password hashing, off the event loop and bounded in concurrency.

Each hash holds its memory cost (64 MiB in the standard profile) while it runs, so at most
``max_concurrent_hashes`` run at once; the rest wait instead of exhausting memory.
"""

from __future__ import annotations

import asyncio
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.profiles import CHEAPEST

from mobio.settings import PasswordProfile, get_settings

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256  # refuse megabyte "passwords" before hashing them


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    settings = get_settings()
    if settings.password_profile is PasswordProfile.TEST:
        return PasswordHasher.from_parameters(CHEAPEST)
    # argon2-cffi's default: Argon2id, 64 MiB, t=3, p=4 - above OWASP's minimum.
    return PasswordHasher()


@lru_cache(maxsize=1)
def _slots() -> asyncio.Semaphore:
    return asyncio.Semaphore(get_settings().max_concurrent_hashes)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # Verified against for unknown addresses, so timing does not tell whether one exists.
    return _hasher().hash("mobio-dummy-password-for-timing")


async def hash_password(password: str) -> str:
    """The Argon2id hash of ``password``."""
    async with _slots():
        return await asyncio.to_thread(_hasher().hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches; with no hash, verifies a dummy so the time is the same."""
    if len(password) > MAX_PASSWORD_LENGTH:
        # Never a valid password; checked against the dummy so the answer takes as long.
        password_hash, password = None, password[:MAX_PASSWORD_LENGTH]
    target = password_hash or _dummy_hash()
    async with _slots():
        try:
            await asyncio.to_thread(_hasher().verify, target, password)
        except (VerificationError, InvalidHashError):
            return False
    return password_hash is not None


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with other parameters than the current ones."""
    return _hasher().check_needs_rehash(password_hash)


__all__ = [
    "MAX_PASSWORD_LENGTH",
    "MIN_PASSWORD_LENGTH",
    "hash_password",
    "needs_rehash",
    "verify_password",
]
