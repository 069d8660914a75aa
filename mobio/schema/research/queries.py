"""Research queries: the newcomer's participation and uses; the register for staff."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import PUBLIC, read
from mobio.auth.grants import Grant
from mobio.consent import service as consent
from mobio.errors import forbidden
from mobio.evaluation.dimensions import Dimension, dimension_label
from mobio.research import extracts, participation
from mobio.schema.consent.types import ConsentDocument
from mobio.schema.context import Info
from mobio.schema.research.types import (
    ResearchExtract,
    ResearchParticipation,
    ResearchUse,
    ResearchVariable,
)


async def shown_participation(info: Info) -> ResearchParticipation:
    person_id = info.context.principal.person_id
    if person_id is None:
        raise forbidden()
    current = await participation.participation(person_id)
    document_id = await participation.research_document(info.context.language)
    document = await consent.get_document(document_id) if document_id else None
    shown = ConsentDocument.build(document.summary, document.body) if document else None
    return ResearchParticipation.build(current, shown)


@strawberry.type
class ResearchQueries:
    @strawberry.field(
        directives=read(Grant.OWNER),
        description="Whether the caller takes part in research, and the declaration to show.",
    )
    async def research_participation(self, info: Info) -> ResearchParticipation:
        return await shown_participation(info)

    @strawberry.field(
        directives=read(Grant.OWNER),
        description="The research extracts that included the caller's pseudonymised data.",
    )
    async def my_research_extracts(self, info: Info) -> list[ResearchUse]:
        person_id = info.context.principal.person_id
        if person_id is None:
            raise forbidden()
        return [ResearchUse.build(r) for r in await extracts.extracts_including(person_id)]

    @strawberry.field(
        directives=read(Grant.ANALYST, Grant.ADMINISTRATOR),
        description="The register: every research extract, newest first.",
    )
    async def research_extracts(self, info: Info) -> list[ResearchExtract]:
        grants = info.context.access.own_grants()
        account_id = info.context.principal.account_id
        return [ResearchExtract.build(r, grants, account_id) for r in await extracts.register()]

    @strawberry.field(directives=PUBLIC, description="The variables an extract may hold.")
    def research_variables(self, info: Info) -> list[ResearchVariable]:
        return [
            ResearchVariable(
                code=code, label=dimension_label(Dimension(code), info.context.language)
            )
            for code in extracts.ALLOWED_VARIABLES
        ]
