"""GraphQL queries of the organisations domain."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import PUBLIC, read
from mobio.auth.grants import Grant
from mobio.organisations import service
from mobio.schema.context import Info
from mobio.schema.organisations.types import Municipality, StaffAccount, Team


@strawberry.type
class OrganisationQueries:
    @strawberry.field(directives=PUBLIC, description="Municipalities, for choosing a release.")
    async def municipalities(self) -> list[Municipality]:
        return [Municipality.build(r) for r in await service.municipalities()]

    @strawberry.field(directives=read(Grant.ADMINISTRATOR), description="All teams (admins).")
    async def teams(self) -> list[Team]:
        return [Team.build(r) for r in await service.teams()]

    @strawberry.field(
        directives=read(Grant.ADMINISTRATOR),
        description="Caseworker, administrator and analyst accounts with their teams (admins).",
    )
    async def staff_accounts(self, info: Info) -> list[StaffAccount]:
        grants = info.context.access.own_grants()
        return [StaffAccount.build(r, grants) for r in await service.staff_accounts()]
