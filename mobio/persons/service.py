"""Reading persons' profiles (the personal page is written through the biography)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from uuid import UUID

from mobio.db.values import as_uuid
from mobio.persons.tables import Person


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A person's profile as the service layer hands it out."""

    id: UUID
    family_name: str | None
    given_name: str | None
    sex: str | None
    date_of_birth: datetime.date | None
    nationality: str | None


PERSON_COLUMNS = (
    Person.id,
    Person.family_name,
    Person.given_name,
    Person.sex,
    Person.date_of_birth,
    Person.nationality,
)


def record_of(row: dict[str, object]) -> PersonRecord:
    return PersonRecord(**{**row, "id": as_uuid(row["id"])})  # type: ignore[arg-type]


async def get_many(person_ids: list[UUID]) -> dict[UUID, PersonRecord]:
    """Profiles by id (one query); missing ids are absent from the result."""
    if not person_ids:
        return {}
    rows = await Person.select(*PERSON_COLUMNS).where(Person.id.is_in(person_ids))
    return {record.id: record for record in map(record_of, rows)}


async def page(visible: object, after: UUID | None, limit: int) -> list[PersonRecord]:
    """One keyset page of the persons matched by the visibility condition ``visible``."""
    query = Person.select(*PERSON_COLUMNS).where(visible).order_by(Person.id).limit(limit)  # type: ignore[arg-type]
    if after is not None:
        query = query.where(Person.id > after)
    return [record_of(row) for row in await query]
