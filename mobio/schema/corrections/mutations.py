"""Requesting, withdrawing and deciding corrections. Thin: decode, call the service, map."""

from __future__ import annotations

from dataclasses import replace
from uuid import UUID

import strawberry

from mobio.auth.directives import write
from mobio.auth.grants import Grant
from mobio.biography.saving import Actor
from mobio.biography.tables import SELF
from mobio.corrections import service
from mobio.corrections.service import DECIDERS
from mobio.schema.context import Info
from mobio.schema.ids import parse_id

OWNER = write(Grant.OWNER)
DECIDING_TEAMS = write(*DECIDERS)


async def _actor(info: Info, person_id: UUID) -> Actor:
    """The caller with their grants on the person and, for a caseworker, the team acting."""
    access = info.context.access
    actor = Actor(info.context.principal.account_id, await access.grants_on_person(person_id))
    if Grant.OWNER in actor.grants:
        return actor
    return replace(actor, team_id=access.team_for(person_id, actor.acting_grant))


@strawberry.type
class CorrectionMutations:
    @strawberry.mutation(
        directives=OWNER,
        description=(
            "Propose a new value for a personal-page answer locked for the owner, with a reason "
            "and a document of this person as evidence; returns the request's id."
        ),
    )
    async def request_correction(
        self,
        info: Info,
        person_id: strawberry.ID,
        question: str,
        proposed_value: strawberry.scalars.JSON,
        reason: str,
        evidence_document_id: strawberry.ID,
        member_id: strawberry.ID | None = None,
    ) -> strawberry.ID:
        person = UUID(person_id)  # the directive's guard has parsed it already
        subject = str(parse_id(member_id)) if member_id else SELF
        correction_id = await service.request_correction(
            await _actor(info, person),
            person,
            subject,
            question,
            proposed_value,
            reason,
            parse_id(evidence_document_id),
        )
        return strawberry.ID(str(correction_id))

    @strawberry.mutation(directives=OWNER, description="Take an open correction request back.")
    async def withdraw_correction(
        self, info: Info, person_id: strawberry.ID, correction_id: strawberry.ID
    ) -> bool:
        person = UUID(person_id)
        await service.withdraw_correction(
            await _actor(info, person), person, parse_id(correction_id)
        )
        return True

    @strawberry.mutation(
        directives=DECIDING_TEAMS,
        description=(
            "Apply the proposed value with the personal section's version check; returns the "
            "section's new version. On VERSION_CONFLICT the request stays open."
        ),
    )
    async def approve_correction(
        self,
        info: Info,
        person_id: strawberry.ID,
        correction_id: strawberry.ID,
        expected_version: int,
    ) -> int:
        person = UUID(person_id)
        return await service.approve_correction(
            await _actor(info, person), person, parse_id(correction_id), expected_version
        )

    @strawberry.mutation(
        directives=DECIDING_TEAMS,
        description="Refuse the proposal; the reason is required and shown to the owner.",
    )
    async def reject_correction(
        self, info: Info, person_id: strawberry.ID, correction_id: strawberry.ID, reason: str
    ) -> bool:
        person = UUID(person_id)
        await service.reject_correction(
            await _actor(info, person), person, parse_id(correction_id), reason
        )
        return True
