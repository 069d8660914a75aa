"""The owner asks for an export of their data. Thin: decode, call the service, map."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import write
from mobio.auth.grants import Grant
from mobio.export import service
from mobio.schema.context import Info
from mobio.schema.export.types import DataExport
from mobio.schema.ids import parse_id


@strawberry.type
class ExportMutations:
    @strawberry.mutation(
        directives=write(Grant.OWNER),
        description=(
            "Queue an export of all the person's data as one ZIP; the owner gets a mail "
            "(without data) when it is ready, and can download it for 7 days."
        ),
    )
    async def request_data_export(self, info: Info, person_id: strawberry.ID) -> DataExport:
        subject = parse_id(person_id)
        record = await service.request_export(subject, info.context.principal.account_id)
        return DataExport.build(record, await info.context.access.grants_on_person(subject))
