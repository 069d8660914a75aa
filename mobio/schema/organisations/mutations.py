"""GraphQL mutations of the organisations domain (administrators)."""

from __future__ import annotations

import strawberry

from mobio.accounts.tables import AccountKind
from mobio.auth.directives import write
from mobio.auth.grants import Grant
from mobio.organisations import service
from mobio.organisations.tables import TeamKind
from mobio.schema.accounts.types import AccountKindEnum
from mobio.schema.ids import parse_id
from mobio.schema.organisations.types import TeamKindEnum

ADMIN = write(Grant.ADMINISTRATOR)


@strawberry.type
class OrganisationMutations:
    @strawberry.mutation(directives=ADMIN, description="Add a municipality; returns its id.")
    async def create_municipality(self, name: str) -> strawberry.ID:
        return strawberry.ID(str(await service.create_municipality(name)))

    @strawberry.mutation(directives=ADMIN, description="Add a team; returns its id.")
    async def create_team(
        self,
        name: str,
        kind: TeamKindEnum,  # type: ignore[valid-type]
        municipality_id: strawberry.ID | None = None,
        carrier: str | None = None,
    ) -> strawberry.ID:
        municipality = parse_id(municipality_id) if municipality_id else None
        team_id = await service.create_team(name, TeamKind(kind), municipality, carrier)
        return strawberry.ID(str(team_id))

    @strawberry.mutation(
        directives=ADMIN, description="Add a caseworker, admin or analyst account."
    )
    async def create_staff_account(
        self,
        email: str,
        password: str,
        kind: AccountKindEnum,  # type: ignore[valid-type]
        language: str = "de",
    ) -> strawberry.ID:
        account_id = await service.create_staff_account(
            email, password, AccountKind(kind), language
        )
        return strawberry.ID(str(account_id))

    @strawberry.mutation(directives=ADMIN, description="Make a caseworker a member of a team.")
    async def add_team_member(self, team_id: strawberry.ID, account_id: strawberry.ID) -> bool:
        await service.add_member(parse_id(team_id), parse_id(account_id))
        return True

    @strawberry.mutation(directives=ADMIN, description="End a caseworker's membership of a team.")
    async def remove_team_member(self, team_id: strawberry.ID, account_id: strawberry.ID) -> bool:
        await service.remove_member(parse_id(team_id), parse_id(account_id))
        return True
