"""What administrators set for evaluation: an analyst's municipalities."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import write
from mobio.auth.grants import Grant
from mobio.evaluation import service
from mobio.schema.context import Info
from mobio.schema.ids import parse_id


@strawberry.type
class EvaluationMutations:
    @strawberry.mutation(
        directives=write(Grant.ADMINISTRATOR),
        description="Limit an analyst to municipalities; an empty list means the district.",
    )
    async def set_analyst_municipalities(
        self, info: Info, account_id: strawberry.ID, municipality_ids: list[strawberry.ID]
    ) -> bool:
        await service.set_analyst_scope(
            parse_id(account_id), [parse_id(value) for value in municipality_ids]
        )
        return True
