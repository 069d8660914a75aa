"""Queries around releases that need no login: recipients to choose, a link's state."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import PUBLIC
from mobio.organisations import service as organisations
from mobio.organisations.tables import TeamKind
from mobio.schema.context import Info
from mobio.schema.ids import parse_id
from mobio.schema.organisations.types import Team
from mobio.schema.releases.types import LinkStatus


@strawberry.type
class ReleaseQueries:
    @strawberry.field(
        directives=PUBLIC,
        description="Teams a newcomer may release to in a municipality (and district-wide ones).",
    )
    async def release_recipients(self, municipality_id: strawberry.ID) -> list[Team]:
        municipality = parse_id(municipality_id)
        return [
            Team.build(team)
            for team in await organisations.teams()
            if team.municipality_id == municipality
            or (team.municipality_id is None and team.kind is TeamKind.SOCIAL_COUNSELLING)
        ]

    @strawberry.field(
        directives=PUBLIC,
        description="The state of the link sent in X-Release-Token; null without one.",
    )
    def shared_link(self, info: Info) -> LinkStatus | None:
        state = info.context.link_state
        return LinkStatus(state=state) if state is not None else None
