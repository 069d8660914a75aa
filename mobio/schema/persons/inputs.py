"""GraphQL inputs of the persons domain."""

from __future__ import annotations

import datetime

import strawberry

from mobio.auth.directives import write
from mobio.auth.grants import CASEWORKER_GRANTS, Grant

PAGE_WRITERS = (Grant.OWNER, *sorted(CASEWORKER_GRANTS))


@strawberry.input(description="The write-once personal page; omitted fields stay as they are.")
class PersonalPageInput:
    family_name: str | None = strawberry.field(default=None, directives=write(*PAGE_WRITERS))
    given_name: str | None = strawberry.field(default=None, directives=write(*PAGE_WRITERS))
    sex: str | None = strawberry.field(
        default=None, directives=write(*PAGE_WRITERS), description="female, male or diverse."
    )
    date_of_birth: datetime.date | None = strawberry.field(
        default=None, directives=write(*PAGE_WRITERS)
    )
    nationality: str | None = strawberry.field(
        default=None, directives=write(*PAGE_WRITERS), description="ISO 3166-1 alpha-3."
    )
