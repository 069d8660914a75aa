"""The owner's exports."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import read
from mobio.auth.grants import Grant
from mobio.export import service
from mobio.schema.context import Info
from mobio.schema.export.types import DataExport
from mobio.schema.ids import parse_id


@strawberry.type
class ExportQueries:
    @strawberry.field(
        directives=read(Grant.OWNER),
        description="The owner's newest data exports, newest first (the owner alone).",
    )
    async def data_exports(self, info: Info, person_id: strawberry.ID) -> list[DataExport]:
        subject = parse_id(person_id)
        grants = await info.context.access.grants_on_person(subject)
        return [DataExport.build(r, grants) for r in await service.exports_of(subject)]
