"""GraphQL types of hand-overs.

``HandOverOffer`` is what a receiving team sees before it holds a release: public fields,
because the team has no grant on the person yet, so the root query filters to the caller's
teams and the type has no way to reach the person (no id, no Person field, no biography).
"""

from __future__ import annotations

import datetime

import strawberry

from mobio.auth.directives import PUBLIC, read
from mobio.auth.grants import Grant
from mobio.auth.guarded import Guarded
from mobio.handover.tables import HandOverState
from mobio.handover.views import HandOverView, OfferView

HandOverStateEnum = strawberry.enum(HandOverState, name="HandOverState")
HAND_OVER_READERS = (Grant.OWNER, Grant.SOCIAL_COUNSELLING, Grant.INTEGRATION_MANAGEMENT)
READ = read(*HAND_OVER_READERS)


@strawberry.type(
    description="An open offer to the caller's team: only name, date of birth and moving date "
    "of the person, nothing else until the hand-over completes."
)
class HandOverOffer:
    id: strawberry.ID = strawberry.field(directives=PUBLIC)
    state: HandOverStateEnum = strawberry.field(directives=PUBLIC)  # type: ignore[valid-type]
    family_name: str | None = strawberry.field(directives=PUBLIC)
    given_name: str | None = strawberry.field(directives=PUBLIC)
    date_of_birth: datetime.date | None = strawberry.field(directives=PUBLIC)
    moving_on: datetime.date = strawberry.field(directives=PUBLIC)
    effective_on: datetime.date = strawberry.field(directives=PUBLIC)
    from_team_name: str = strawberry.field(directives=PUBLIC)
    to_team_name: str = strawberry.field(directives=PUBLIC)

    @classmethod
    def build(cls, view: OfferView) -> HandOverOffer:
        return cls(
            id=strawberry.ID(str(view.id)),
            state=view.state,
            family_name=view.family_name,
            given_name=view.given_name,
            date_of_birth=view.date_of_birth,
            moving_on=view.moving_on,
            effective_on=view.effective_on,
            from_team_name=view.from_team_name,
            to_team_name=view.to_team_name,
        )


@strawberry.type(
    description="A hand-over of the person's case, as the owner and both teams see it."
)
class HandOver(Guarded):
    id: strawberry.ID | None = strawberry.field(default=None, directives=READ)
    state: HandOverStateEnum | None = strawberry.field(default=None, directives=READ)  # type: ignore[valid-type]
    from_team_name: str | None = strawberry.field(default=None, directives=READ)
    to_team_name: str | None = strawberry.field(default=None, directives=READ)
    moving_on: datetime.date | None = strawberry.field(default=None, directives=READ)
    effective_on: datetime.date | None = strawberry.field(default=None, directives=READ)
    old_access_ends_on: datetime.date | None = strawberry.field(default=None, directives=READ)
    decision_reason: str | None = strawberry.field(
        default=None, directives=READ, description="Why the receiving team rejected it."
    )
    created_at: datetime.datetime | None = strawberry.field(default=None, directives=READ)
    objected_at: datetime.datetime | None = strawberry.field(default=None, directives=READ)
    decided_at: datetime.datetime | None = strawberry.field(default=None, directives=READ)
    completed_at: datetime.datetime | None = strawberry.field(default=None, directives=READ)

    @classmethod
    def build(cls, view: HandOverView, grants: frozenset[Grant]) -> HandOver:
        return cls(
            grants=grants,
            id=strawberry.ID(str(view.id)),
            state=view.state,
            from_team_name=view.from_team_name,
            to_team_name=view.to_team_name,
            moving_on=view.moving_on,
            effective_on=view.effective_on,
            old_access_ends_on=view.old_access_ends_on,
            decision_reason=view.decision_reason,
            created_at=view.created_at,
            objected_at=view.objected_at,
            decided_at=view.decided_at,
            completed_at=view.completed_at,
        )
