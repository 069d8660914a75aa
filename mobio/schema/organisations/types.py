"""GraphQL types of municipalities and teams (organisational data, no personal data)."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import PUBLIC
from mobio.organisations.service import MunicipalityRecord, TeamRecord
from mobio.organisations.tables import TeamKind

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
