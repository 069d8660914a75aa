"""Offering, withdrawing, objecting to, accepting and rejecting a hand-over. Thin."""

from __future__ import annotations

import datetime
from uuid import UUID

import strawberry

from mobio.auth.directives import write
from mobio.auth.grants import Grant
from mobio.errors import forbidden
from mobio.handover import service
from mobio.schema.context import Info
from mobio.schema.handover.types import HandOverStateEnum
from mobio.schema.ids import parse_id

OFFERING_TEAM = write(Grant.SOCIAL_COUNSELLING)
OWNER = write(Grant.OWNER)
RECEIVING_MEMBER = write(Grant.OWNER)
"""Accept and reject name no person (the receiving team has no grant on it yet): they are the
caller's own acts, and the service checks that the offer is addressed to one of their teams."""


async def _offering_team(info: Info, person_id: UUID) -> UUID:
    await info.context.access.grants_on_person(person_id)  # cached: the guard resolved it
    team = info.context.access.team_for(person_id, Grant.SOCIAL_COUNSELLING)
    if team is None:
        raise forbidden()
    return team


@strawberry.type
class HandOverMutations:
    @strawberry.mutation(
        directives=OFFERING_TEAM,
        description="Offer the case to an integration-management team; dates ordered "
        "movingOn <= effectiveOn <= oldAccessEndsOn, none in the past.",
    )
    async def offer_hand_over(
        self,
        info: Info,
        person_id: strawberry.ID,
        to_team_id: strawberry.ID,
        moving_on: datetime.date,
        effective_on: datetime.date,
        old_access_ends_on: datetime.date,
    ) -> strawberry.ID:
        subject = UUID(person_id)
        offer_id = await service.offer(
            subject,
            await _offering_team(info, subject),
            parse_id(to_team_id),
            moving_on,
            effective_on,
            old_access_ends_on,
            info.context.principal.account_id,
        )
        return strawberry.ID(str(offer_id))

    @strawberry.mutation(directives=OFFERING_TEAM, description="Take an open offer back.")
    async def withdraw_hand_over(
        self, info: Info, person_id: strawberry.ID, offer_id: strawberry.ID
    ) -> bool:
        subject = UUID(person_id)
        await service.withdraw(subject, await _offering_team(info, subject), parse_id(offer_id))
        return True

    @strawberry.mutation(
        directives=OWNER, description="The newcomer objects; possible until the effective date."
    )
    async def object_to_hand_over(self, person_id: strawberry.ID, offer_id: strawberry.ID) -> bool:
        await service.object_to(UUID(person_id), parse_id(offer_id))
        return True

    @strawberry.mutation(
        directives=RECEIVING_MEMBER,
        description="A member of the receiving team accepts; returns ACCEPTED, or COMPLETED "
        "when the effective date has already come.",
    )
    async def accept_hand_over(self, info: Info, offer_id: strawberry.ID) -> HandOverStateEnum:  # type: ignore[valid-type]
        principal = info.context.principal
        return await service.accept(
            parse_id(offer_id), principal.team_ids, principal.require_account()
        )

    @strawberry.mutation(
        directives=RECEIVING_MEMBER,
        description="A member of the receiving team declines, with a reason (required).",
    )
    async def reject_hand_over(self, info: Info, offer_id: strawberry.ID, reason: str) -> bool:
        principal = info.context.principal
        await service.reject(
            parse_id(offer_id), principal.team_ids, principal.require_account(), reason
        )
        return True
