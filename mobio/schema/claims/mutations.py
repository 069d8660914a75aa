"""Issuing a claim letter (caseworkers) and claiming a profile (anyone with the code). Thin."""

from __future__ import annotations

import datetime
from uuid import UUID

import strawberry

from mobio.auth.directives import PUBLIC, write
from mobio.claims import service
from mobio.schema.claims.types import ASSISTING, ClaimLetter
from mobio.schema.context import Info
from mobio.schema.ids import parse_id


@strawberry.type
class ClaimMutations:
    @strawberry.mutation(
        directives=write(*ASSISTING),
        description="A new claim letter (PDF) for a profile nobody owns yet; earlier unused "
        "codes of the person stop working.",
    )
    async def issue_claim_letter(self, info: Info, person_id: strawberry.ID) -> ClaimLetter:
        subject = UUID(person_id)  # the directive's guard has parsed it already
        letter = await service.issue_letter(subject, info.context.principal.account_id)
        return ClaimLetter.build(letter, await info.context.access.grants_on_person(subject))

    @strawberry.mutation(
        directives=PUBLIC,
        description="Take over a profile with the code from its letter and the date of birth; "
        "the new account is activated by mail as at registration. Must be alone in its "
        "document (failed tries are counted).",
    )
    async def claim_profile(
        self,
        info: Info,
        code: str,
        date_of_birth: datetime.date,
        email: str,
        password: str,
        language: str,
        usage_consent_document_id: strawberry.ID,
    ) -> bool:
        await service.claim(
            code,
            date_of_birth,
            email,
            password,
            language,
            parse_id(usage_consent_document_id),
            info.context.client_address,
        )
        return True
