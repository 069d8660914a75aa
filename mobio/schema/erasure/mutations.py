"""The owner asks for erasure and takes it back. Thin: decode, call the service, map."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import PUBLIC, write
from mobio.auth.grants import Grant
from mobio.erasure import service
from mobio.errors import ErrorCode, MobioError
from mobio.schema.context import Info
from mobio.schema.erasure.types import PendingDeletion


@strawberry.type
class ErasureMutations:
    @strawberry.mutation(
        directives=write(Grant.OWNER),
        description=(
            "Ask for the caller's account and profile to be erased. Needs the password and "
            "confirmed=true; opens the undo window (stakeholder links stop, team releases "
            "pause, the sessions end)."
        ),
    )
    async def delete_account(self, info: Info, password: str, confirmed: bool) -> PendingDeletion:
        principal = info.context.principal
        if principal.account_id is None:
            raise MobioError(ErrorCode.UNAUTHENTICATED, "error.unauthenticated")
        pending = await service.request_erasure(principal.account_id, password, confirmed)
        return PendingDeletion.build(pending, info.context.access.own_grants())

    @strawberry.mutation(
        directives=write(Grant.OWNER),
        description="Take the caller's deletion request back; team releases give access again.",
    )
    async def undo_account_deletion(self, info: Info) -> bool:
        principal = info.context.principal
        if principal.account_id is None:
            raise MobioError(ErrorCode.UNAUTHENTICATED, "error.unauthenticated")
        await service.undo_by_account(principal.account_id)
        return True

    @strawberry.mutation(
        directives=PUBLIC, description="Take a deletion request back with the mailed link."
    )
    async def undo_account_deletion_by_link(self, token: str) -> bool:
        await service.undo_by_link(token)
        return True
