"""The administration deletes staff accounts, teams and municipalities (never newcomer data)."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import write
from mobio.auth.grants import Grant
from mobio.erasure import staff
from mobio.schema.ids import parse_id

ADMIN = write(Grant.ADMINISTRATOR)


@strawberry.type
class StaffErasureMutations:
    @strawberry.mutation(
        directives=ADMIN,
        description=(
            "Delete a staff account; what its holder wrote stays, shown as written by a former "
            "member of the team."
        ),
    )
    async def delete_staff_account(self, account_id: strawberry.ID) -> bool:
        await staff.delete_staff_account(parse_id(account_id))
        return True

    @strawberry.mutation(
        directives=ADMIN, description="Delete a team that never held a newcomer's release."
    )
    async def delete_team(self, team_id: strawberry.ID) -> bool:
        await staff.delete_team(parse_id(team_id))
        return True

    @strawberry.mutation(directives=ADMIN, description="Delete a municipality without teams.")
    async def delete_municipality(self, municipality_id: strawberry.ID) -> bool:
        await staff.delete_municipality(parse_id(municipality_id))
        return True
