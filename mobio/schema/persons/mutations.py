"""GraphQL mutations of the persons domain."""

from __future__ import annotations

from uuid import UUID

import strawberry

from mobio.auth.directives import write
from mobio.persons import service
from mobio.persons.service import PersonalPageChange
from mobio.schema.context import Info
from mobio.schema.persons.inputs import PAGE_WRITERS, PersonalPageInput
from mobio.schema.persons.types import Person


@strawberry.type
class PersonMutations:
    @strawberry.mutation(
        directives=write(*PAGE_WRITERS),
        description="Set the personal page: once by the owner, any time by a released team.",
    )
    async def update_personal_page(
        self, info: Info, person_id: strawberry.ID, expected_version: int, input: PersonalPageInput
    ) -> Person:
        subject = UUID(person_id)  # the directive's guard has parsed it already
        grants = await info.context.access.grants_on_person(subject)
        change = PersonalPageChange(
            family_name=input.family_name,
            given_name=input.given_name,
            sex=input.sex,
            date_of_birth=input.date_of_birth,
            nationality=input.nationality,
        )
        record = await service.update_personal_page(subject, grants, expected_version, change)
        return Person.build(record, grants)
