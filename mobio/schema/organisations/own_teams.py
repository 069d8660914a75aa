"""The caller's own teams: a caseworker acting for a team (assisted profile, hand-over) names it.

Not personal data: team names and kinds are public (``Team``); the list is the caller's
memberships, empty for anyone in no team.
"""

from __future__ import annotations

import strawberry

from mobio.auth.directives import PUBLIC
from mobio.organisations import service
from mobio.schema.context import Info
from mobio.schema.organisations.types import Team


@strawberry.type
class OwnTeamQueries:
    @strawberry.field(
        directives=PUBLIC,
        description="The teams the caller is a member of, by name; empty for anyone in no team.",
    )
    async def my_teams(self, info: Info) -> list[Team]:
        mine = info.context.principal.team_ids
        if not mine:
            return []
        return [Team.build(r) for r in await service.teams() if r.id in mine]
