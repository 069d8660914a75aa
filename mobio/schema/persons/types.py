"""GraphQL types of a person's profile."""

from __future__ import annotations

import datetime

import strawberry

from mobio.auth.directives import PUBLIC, read
from mobio.auth.grants import CASEWORKER_GRANTS, PACKAGE_GRANTS, Grant
from mobio.auth.guarded import Guarded
from mobio.persons.service import PersonRecord

OWNER_AND_TEAMS = (Grant.OWNER, *sorted(CASEWORKER_GRANTS))
PERSONAL_BASICS = (*OWNER_AND_TEAMS, *sorted(PACKAGE_GRANTS))
"""Every package contains the personal basics (DESIGN.md section 3)."""


@strawberry.type(description="A newcomer's profile: the write-once personal page and its state.")
class Person(Guarded):
    id: strawberry.ID | None = strawberry.field(
        directives=read(*PERSONAL_BASICS), description="Stable identifier of the profile."
    )
    family_name: str | None = strawberry.field(directives=read(*PERSONAL_BASICS))
    given_name: str | None = strawberry.field(directives=read(*PERSONAL_BASICS))
    sex: str | None = strawberry.field(
        directives=read(*PERSONAL_BASICS), description="Code: female, male, diverse."
    )
    date_of_birth: datetime.date | None = strawberry.field(directives=read(*PERSONAL_BASICS))
    nationality: str | None = strawberry.field(
        directives=read(*PERSONAL_BASICS), description="ISO 3166-1 alpha-3 code."
    )
    personal_page_locked_for_owner: bool | None = strawberry.field(
        directives=read(*OWNER_AND_TEAMS),
        description="True once the owner set the personal page; then only caseworkers change it.",
    )
    version: int | None = strawberry.field(
        directives=read(*OWNER_AND_TEAMS),
        description="Send back with a change; a newer version on the server means a conflict.",
    )

    @classmethod
    def build(cls, record: PersonRecord, grants: frozenset[Grant]) -> Person:
        return cls(
            grants=grants,
            id=strawberry.ID(str(record.id)),
            family_name=record.family_name,
            given_name=record.given_name,
            sex=record.sex,
            date_of_birth=record.date_of_birth,
            nationality=record.nationality,
            personal_page_locked_for_owner=record.personal_page_set_at is not None,
            version=record.version,
        )


@strawberry.type(description="A page of persons, ordered by id, for keyset pagination.")
class PersonPage:
    items: list[Person] = strawberry.field(directives=PUBLIC)
    next_cursor: str | None = strawberry.field(
        directives=PUBLIC, description="Pass as `after` for the next page; null on the last page."
    )
