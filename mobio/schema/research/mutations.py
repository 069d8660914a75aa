"""Research mutations: join and leave (the newcomer); request (analyst); decide (admin)."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import write
from mobio.auth.grants import Grant
from mobio.errors import forbidden
from mobio.research import extracts, participation
from mobio.schema.context import Info
from mobio.schema.ids import parse_id
from mobio.schema.research.queries import shown_participation
from mobio.schema.research.types import (
    ResearchExtract,
    ResearchExtractInput,
    ResearchParticipation,
)


def _extract(info: Info, record: extracts.ExtractRecord) -> ResearchExtract:
    return ResearchExtract.build(
        record, info.context.access.own_grants(), info.context.principal.account_id
    )


@strawberry.type
class ResearchMutations:
    @strawberry.mutation(
        directives=write(Grant.OWNER),
        description="Take part in research under this (current) research declaration.",
    )
    async def join_research(self, info: Info, document_id: strawberry.ID) -> ResearchParticipation:
        principal = info.context.principal
        if principal.person_id is None:
            raise forbidden()
        await participation.join(principal.person_id, principal.account_id, parse_id(document_id))
        return await shown_participation(info)

    @strawberry.mutation(
        directives=write(Grant.OWNER),
        description="Stop taking part: later extracts leave the caller out.",
    )
    async def leave_research(self, info: Info) -> ResearchParticipation:
        person_id = info.context.principal.person_id
        if person_id is None:
            raise forbidden()
        await participation.leave(person_id)
        return await shown_participation(info)

    @strawberry.mutation(
        directives=write(Grant.ANALYST),
        description="Ask for a pseudonymised extract; an administrator decides.",
    )
    async def request_research_extract(
        self, info: Info, request: ResearchExtractInput
    ) -> ResearchExtract:
        analyst = info.context.principal.require_account()
        record = await extracts.request(
            analyst, request.purpose, request.recipient, request.period, request.variables
        )
        return _extract(info, record)

    @strawberry.mutation(
        directives=write(Grant.ADMINISTRATOR),
        description="Approve a requested extract: a job writes its file.",
    )
    async def approve_research_extract(self, info: Info, id: strawberry.ID) -> ResearchExtract:
        record = await extracts.approve(parse_id(id), info.context.principal.account_id)
        return _extract(info, record)

    @strawberry.mutation(
        directives=write(Grant.ADMINISTRATOR),
        description="Reject a requested extract, with the reason.",
    )
    async def reject_research_extract(
        self, info: Info, id: strawberry.ID, reason: str
    ) -> ResearchExtract:
        record = await extracts.reject(parse_id(id), info.context.principal.account_id, reason)
        return _extract(info, record)
