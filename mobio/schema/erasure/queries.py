"""The owner's pending erasure and the notices MoBio sent (the owner alone)."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import read
from mobio.auth.grants import Grant
from mobio.erasure import service
from mobio.schema.context import Info
from mobio.schema.erasure.types import ErasureNotice, PendingDeletion
from mobio.schema.ids import parse_id


@strawberry.type
class ErasureQueries:
    @strawberry.field(
        directives=read(Grant.OWNER),
        description="The owner's deletion request while it can be undone, else null.",
    )
    async def pending_deletion(
        self, info: Info, person_id: strawberry.ID
    ) -> PendingDeletion | None:
        subject = parse_id(person_id)
        pending = await service.pending_erasure(subject)
        if pending is None:
            return None
        return PendingDeletion.build(pending, await info.context.access.grants_on_person(subject))

    @strawberry.field(
        directives=read(Grant.OWNER),
        description="Whom MoBio told about the owner's data (revoked links, erasure).",
    )
    async def erasure_notices(self, info: Info, person_id: strawberry.ID) -> list[ErasureNotice]:
        subject = parse_id(person_id)
        grants = await info.context.access.grants_on_person(subject)
        return [ErasureNotice.build(n, grants) for n in await service.notices(subject)]
