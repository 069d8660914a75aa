"""GraphQL queries of the persons domain."""

from __future__ import annotations

from uuid import UUID

import strawberry

from mobio.auth.directives import PUBLIC, read
from mobio.auth.visibility import visible_persons
from mobio.errors import bad_input
from mobio.persons import service
from mobio.schema.context import Info
from mobio.schema.ids import parse_id
from mobio.schema.persons.types import PERSONAL_BASICS, Person, PersonPage

MAX_PAGE_SIZE = 100


@strawberry.type
class PersonQueries:
    @strawberry.field(
        directives=read(*PERSONAL_BASICS),
        description="One person, if the caller has a grant on it.",
    )
    async def person(self, info: Info, person_id: strawberry.ID) -> Person | None:
        subject = UUID(person_id)  # the directive's guard has parsed it already
        record = await info.context.loaders.person_by_id.load(subject)
        if record is None:
            return None
        return Person.build(record, await info.context.access.grants_on_person(subject))

    @strawberry.field(
        directives=PUBLIC,
        description="Persons the caller may read (own profile, released to a team), by id.",
    )
    async def persons(
        self, info: Info, first: int = 50, after: strawberry.ID | None = None
    ) -> PersonPage:
        if not 0 < first <= MAX_PAGE_SIZE:
            raise bad_input("error.page_size", max=MAX_PAGE_SIZE)
        cursor = parse_id(after, "error.cursor_invalid") if after else None
        visible = visible_persons(info.context.principal)
        records = await service.page(visible, cursor, first + 1)
        grants = await info.context.access.grants_on_persons([r.id for r in records[:first]])
        items = [Person.build(r, g) for r, g in zip(records[:first], grants, strict=True)]
        has_more = len(records) > first
        return PersonPage(items=items, next_cursor=str(records[first - 1].id) if has_more else None)

    @strawberry.field(
        directives=PUBLIC,
        description="The person whose release token came with the request (stakeholders).",
    )
    async def shared_person(self, info: Info) -> Person | None:
        stakeholder = info.context.principal.stakeholder
        if stakeholder is None:
            return None
        record = await info.context.loaders.person_by_id.load(stakeholder.person_id)
        grants = await info.context.access.grants_on_person(stakeholder.person_id)
        return Person.build(record, grants) if record else None
