"""The newcomer releases data and takes it back. Thin: decode, call the service, map."""

from __future__ import annotations

import datetime
from uuid import UUID

import strawberry

from mobio.auth.directives import write
from mobio.auth.grants import Grant
from mobio.packages import Package
from mobio.releases import service
from mobio.schema.context import Info
from mobio.schema.ids import parse_id
from mobio.schema.releases.types import PackageEnum, StakeholderLink

OWNER = write(Grant.OWNER)


@strawberry.type
class ReleaseMutations:
    @strawberry.mutation(
        directives=OWNER, description="Release to a municipal team under a consent document."
    )
    async def release_to_team(
        self,
        info: Info,
        person_id: strawberry.ID,
        team_id: strawberry.ID,
        consent_document_id: strawberry.ID,
    ) -> strawberry.ID:
        release_id = await service.release_to_team(
            UUID(person_id),
            parse_id(team_id),
            parse_id(consent_document_id),
            info.context.principal.account_id,
        )
        return strawberry.ID(str(release_id))

    @strawberry.mutation(directives=OWNER, description="End a team's access at once.")
    async def revoke_team_release(
        self, person_id: strawberry.ID, release_id: strawberry.ID
    ) -> bool:
        await service.revoke_team_release(UUID(person_id), parse_id(release_id))
        return True

    @strawberry.mutation(
        directives=OWNER,
        description="A 14-day link for one stakeholder package, mailed to recipientEmail if given.",
    )
    async def release_to_stakeholder(
        self,
        info: Info,
        person_id: strawberry.ID,
        package: PackageEnum,  # type: ignore[valid-type]
        consent_document_id: strawberry.ID,
        recipient_email: str | None = None,
    ) -> StakeholderLink:
        subject = UUID(person_id)
        link = await service.release_to_stakeholder(
            subject,
            Package(package),
            parse_id(consent_document_id),
            recipient_email,
            info.context.principal.account_id,
        )
        return StakeholderLink(
            grants=await info.context.access.grants_on_person(subject),
            release_id=strawberry.ID(str(link.release_id)),
            url=link.url,
            expires_at=link.expires_at,
        )

    @strawberry.mutation(directives=OWNER, description="The link stops working at once.")
    async def revoke_stakeholder_release(
        self, person_id: strawberry.ID, release_id: strawberry.ID
    ) -> bool:
        await service.revoke_stakeholder_release(UUID(person_id), parse_id(release_id))
        return True

    @strawberry.mutation(
        directives=OWNER, description="Another 14 days for the same link; returns the new end."
    )
    async def renew_stakeholder_release(
        self, person_id: strawberry.ID, release_id: strawberry.ID
    ) -> datetime.datetime:
        return await service.renew_stakeholder_release(UUID(person_id), parse_id(release_id))
