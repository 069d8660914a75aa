"""GraphQL types of municipalities and teams (organisational data, no personal data)."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import PUBLIC, read
from mobio.auth.grants import Grant
from mobio.auth.guarded import Guarded
from mobio.organisations.service import MunicipalityRecord, StaffRecord, TeamRecord
from mobio.organisations.tables import TeamKind
from mobio.schema.accounts.types import AccountKindEnum

TeamKindEnum = strawberry.enum(TeamKind, name="TeamKind")


@strawberry.type(description="A municipality of the district.")
class Municipality:
    id: strawberry.ID = strawberry.field(directives=PUBLIC)
    name: str = strawberry.field(directives=PUBLIC)

    @classmethod
    def build(cls, record: MunicipalityRecord) -> Municipality:
        return cls(id=strawberry.ID(str(record.id)), name=record.name)


@strawberry.type(description="A caseworker team; without municipality it serves the district.")
class Team:
    id: strawberry.ID = strawberry.field(directives=PUBLIC)
    name: str = strawberry.field(directives=PUBLIC)
    kind: TeamKindEnum = strawberry.field(directives=PUBLIC)  # type: ignore[valid-type]
    municipality_id: strawberry.ID | None = strawberry.field(directives=PUBLIC)
    carrier: str | None = strawberry.field(directives=PUBLIC)

    @classmethod
    def build(cls, record: TeamRecord) -> Team:
        return cls(
            id=strawberry.ID(str(record.id)),
            name=record.name,
            kind=record.kind,
            municipality_id=strawberry.ID(str(record.municipality_id))
            if record.municipality_id
            else None,
            carrier=record.carrier,
        )


ADMIN_ONLY = read(Grant.ADMINISTRATOR)


@strawberry.type(description="A caseworker, administrator or analyst account (administrators).")
class StaffAccount(Guarded):
    id: strawberry.ID | None = strawberry.field(directives=ADMIN_ONLY)
    email: str | None = strawberry.field(directives=ADMIN_ONLY)
    kind: AccountKindEnum | None = strawberry.field(directives=ADMIN_ONLY)  # type: ignore[valid-type]
    language: str | None = strawberry.field(
        directives=ADMIN_ONLY, description="Interface and mail language."
    )
    team_ids: list[strawberry.ID] | None = strawberry.field(
        directives=ADMIN_ONLY, description="The teams the account is a member of."
    )

    @classmethod
    def build(cls, record: StaffRecord, grants: frozenset[Grant]) -> StaffAccount:
        return cls(
            grants=grants,
            id=strawberry.ID(str(record.id)),
            email=record.email,
            kind=record.kind,
            language=record.language,
            team_ids=[strawberry.ID(str(team)) for team in record.team_ids],
        )
