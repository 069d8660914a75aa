"""Spelling-tolerant name keys: what ``person.name_key`` holds and how a search matches it.

A key lists, for every token of a person's names, the normalised token (casefolded, accents
stripped, ß as ss) and its Kölner Phonetik code marked with ``~``, each surrounded by spaces:
``" mohammed ~662 yilmaz ~0568 "``. The spaces let a plain LIKE match a token prefix
(``% moh%``) or a whole code (``% ~662 %``) on SQLite and PostgreSQL alike, and the normalised
tokens hold only letters and digits, so no LIKE wildcard can come in through a search text.
Transliteration of names in Arabic script is out of scope: such tokens are kept as they are.
"""

from __future__ import annotations

import re
import unicodedata
from uuid import UUID

import cologne_phonetics
from piccolo.custom_types import Combinable

from mobio.persons.tables import Person

NAME_COLUMNS = frozenset({"given_name", "family_name"})
_CODE_MARK = "~"
_KEY_LENGTH = 200  # the column's length
_TOKEN = re.compile(r"[^\W_]+")
# Letters that carry no decomposition in Unicode, so stripping combining marks misses them.
_LETTERS = str.maketrans(
    {"ß": "ss", "ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "þ": "th"}
)
_LATIN = re.compile(r"[a-z]+")


def tokens(text: str) -> list[str]:
    """The normalised tokens of a text: casefolded, without accents, split at anything else."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    return _TOKEN.findall(plain.translate(_LETTERS))


def phonetic(token: str) -> str | None:
    """The Kölner Phonetik code of a Latin token, or None (other scripts, or no sound left)."""
    if not _LATIN.fullmatch(token):
        return None
    code = "".join(part for _, part in cologne_phonetics.encode(token))
    return code or None


def name_key(*names: str | None) -> str | None:
    """The key stored in ``person.name_key`` for the given names (None when there are none)."""
    parts: list[str] = []
    for token in tokens(" ".join(name for name in names if name)):
        code = phonetic(token)
        for part in (token, f"{_CODE_MARK}{code}" if code else None):
            if part and part not in parts:
                parts.append(part)
    if not parts:
        return None
    key = " "
    for part in parts:
        if len(key) + len(part) + 1 > _KEY_LENGTH:
            break
        key += f"{part} "
    return key


def name_conditions(text: str) -> Combinable | None:
    """A WHERE condition on ``Person.name_key`` for a search text, or None if it has no tokens.

    Every token of the text must match some name token by prefix or by its phonetic code.
    """
    condition: Combinable | None = None
    for token in tokens(text):
        match: Combinable = Person.name_key.like(f"% {token}%")
        code = phonetic(token)
        if code:
            match = match | Person.name_key.like(f"% {_CODE_MARK}{code} %")
        condition = match if condition is None else condition & match
    return condition


async def refresh_name_key(person_id: UUID) -> None:
    """Store the key of the person's current names (call wherever the names change)."""
    row = (
        await Person.select(Person.given_name, Person.family_name)
        .where(Person.id == person_id)
        .first()
    )
    if row is not None:
        key = name_key(row["given_name"], row["family_name"])
        await Person.update({Person.name_key: key}).where(Person.id == person_id)


async def backfill_name_keys() -> int:
    """Fill the key of persons with names but none yet (rows from before keys existed)."""
    rows = await Person.select(Person.id, Person.given_name, Person.family_name).where(
        Person.name_key.is_null()
        & (Person.given_name.is_not_null() | Person.family_name.is_not_null())
    )
    by_key: dict[str | None, list[object]] = {}
    for row in rows:
        by_key.setdefault(name_key(row["given_name"], row["family_name"]), []).append(row["id"])
    # One statement per distinct key, all in one transaction: a district of 50,000 persons
    # took minutes row by row.
    async with Person._meta.db.transaction():
        for key, ids in by_key.items():
            for start in range(0, len(ids), _IDS_PER_STATEMENT):
                chunk = ids[start : start + _IDS_PER_STATEMENT]
                await Person.update({Person.name_key: key}).where(Person.id.is_in(chunk))
    return len(rows)


_IDS_PER_STATEMENT = 500
