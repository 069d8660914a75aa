"""Claim codes: random, typed by hand from a letter, stored only as a hash.

Twelve characters from an alphabet without look-alikes (no 0/O, 1/I/L, U), printed in groups
of four: about 59 bits, and every guess is throttled per code and per client.
"""

from __future__ import annotations

import secrets

from mobio.secrets_util import token_hash

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 12
GROUP = 4


def new_code() -> str:
    """A fresh code as printed: ``ABCD-EFGH-JKMN``."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i : i + GROUP] for i in range(0, LENGTH, GROUP))


def normalise(code: str) -> str:
    """The code as typed, without spaces or dashes and in capitals."""
    return "".join(char for char in code.upper() if char.isalnum())


def code_hash(code: str) -> str:
    """The stored form of a code (however it was typed)."""
    return token_hash(normalise(code))
