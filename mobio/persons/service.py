"""Business rules of the person's profile: reading, and the write-once personal page."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from mobio import timeutil
from mobio.auth.grants import CASEWORKER_GRANTS, Grant
from mobio.db.values import as_uuid
from mobio.errors import ErrorCode, MobioError, bad_input, forbidden
from mobio.persons.tables import Person

SEX_CODES = frozenset({"female", "male", "diverse"})
MAX_NAME_LENGTH = 120


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A person's profile as the service layer hands it out."""

    id: UUID
    family_name: str | None
    given_name: str | None
    sex: str | None
    date_of_birth: datetime.date | None
    nationality: str | None
    personal_page_set_at: datetime.datetime | None
    version: int


@dataclass(frozen=True, slots=True)
class PersonalPageChange:
    """Values to set on the personal page; None leaves a value as it is."""

    family_name: str | None = None
    given_name: str | None = None
    sex: str | None = None
    date_of_birth: datetime.date | None = None
    nationality: str | None = None


_COLUMNS = (
    Person.id,
    Person.family_name,
    Person.given_name,
    Person.sex,
    Person.date_of_birth,
    Person.nationality,
    Person.personal_page_set_at,
    Person.version,
)


def _record(row: dict[str, object]) -> PersonRecord:
    return PersonRecord(**{**row, "id": as_uuid(row["id"])})  # type: ignore[arg-type]


async def get_many(person_ids: list[UUID]) -> dict[UUID, PersonRecord]:
    """Profiles by id (one query); missing ids are absent from the result."""
    if not person_ids:
        return {}
    rows = await Person.select(*_COLUMNS).where(Person.id.is_in(person_ids))
    return {record.id: record for record in map(_record, rows)}


async def page(visible: object, after: UUID | None, limit: int) -> list[PersonRecord]:
    """One keyset page of the persons matched by the visibility condition ``visible``."""
    query = Person.select(*_COLUMNS).where(visible).order_by(Person.id).limit(limit)  # type: ignore[arg-type]
    if after is not None:
        query = query.where(Person.id > after)
    return [_record(row) for row in await query]


async def update_personal_page(
    person_id: UUID, grants: frozenset[Grant], expected_version: int, change: PersonalPageChange
) -> PersonRecord:
    """Set the personal page. The owner may set it once; teams with a release at any time."""
    _validate(change)
    current = (await get_many([person_id])).get(person_id)
    if current is None:
        raise forbidden()
    is_caseworker = not grants.isdisjoint(CASEWORKER_GRANTS)
    if not is_caseworker and Grant.OWNER not in grants:
        raise forbidden()
    if not is_caseworker and current.personal_page_set_at is not None:
        raise MobioError(ErrorCode.FORBIDDEN, "error.personal_page_locked")
    values: dict[Any, Any] = {
        # Stored as validated: names without outer blanks (they count towards the length).
        column: value.strip() if isinstance(value, str) else value
        for column, value in (
            (Person.family_name, change.family_name),
            (Person.given_name, change.given_name),
            (Person.sex, change.sex),
            (Person.date_of_birth, change.date_of_birth),
            (Person.nationality, change.nationality),
        )
        if value is not None
    }
    values[Person.version] = Person.version + 1
    if Grant.OWNER in grants and not is_caseworker:
        values[Person.personal_page_set_at] = timeutil.now()
    # The version condition makes concurrent saves safe: the second one matches no row.
    updated = (
        await Person.update(values)
        .where((Person.id == person_id) & (Person.version == expected_version))
        .returning(Person.id)
    )
    if not updated:
        raise MobioError(ErrorCode.CONFLICT, "error.version_conflict")
    return (await get_many([person_id]))[person_id]


def _validate(change: PersonalPageChange) -> None:
    for name in (change.family_name, change.given_name):
        if name is not None and not (0 < len(name.strip()) <= MAX_NAME_LENGTH):
            raise bad_input("error.name_invalid", max=MAX_NAME_LENGTH)
    if change.sex is not None and change.sex not in SEX_CODES:
        raise bad_input("error.option_unknown", field="sex")
    if change.date_of_birth is not None and change.date_of_birth > timeutil.now().date():
        raise bad_input("error.date_of_birth_future")
    if change.nationality is not None and not (
        len(change.nationality) == 3
        and change.nationality.isalpha()
        and change.nationality.isupper()
    ):
        raise bad_input("error.nationality_invalid")
