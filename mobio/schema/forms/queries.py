"""GraphQL queries of the forms domain."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import read
from mobio.auth.grants import Grant
from mobio.forms import service
from mobio.schema.forms.types import Form


@strawberry.type
class FormQueries:
    @strawberry.field(
        # OWNER is what every logged-in account holds on its own account (newcomers,
        # caseworkers, administrators, analysts); anonymous callers and release links do not.
        directives=read(Grant.OWNER),
        description=(
            "Published blank forms for any logged-in account, by language and title. With "
            "`language`, only the forms in that language; if none is published in it, all "
            "forms (each says its language), so the list is never empty while forms exist."
        ),
    )
    async def forms(self, language: str | None = None) -> list[Form]:
        return [Form.build(record) for record in await service.list_published(language)]
