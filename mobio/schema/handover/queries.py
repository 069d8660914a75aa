"""Open offers addressed to the caller's teams (the receiving side)."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import PUBLIC
from mobio.handover import views
from mobio.schema.context import Info
from mobio.schema.handover.types import HandOverOffer


@strawberry.type
class HandOverQueries:
    @strawberry.field(
        directives=PUBLIC,
        description="Open hand-over offers to the caller's teams: name, date of birth and "
        "moving date only; empty for anyone in no team.",
    )
    async def hand_over_offers(self, info: Info) -> list[HandOverOffer]:
        teams = info.context.principal.team_ids
        return [HandOverOffer.build(view) for view in await views.offers_to(teams)]
