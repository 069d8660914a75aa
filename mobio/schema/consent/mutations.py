"""GraphQL mutations of the consent domain (administrators publish documents)."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import write
from mobio.auth.grants import Grant
from mobio.consent import service
from mobio.consent.tables import ConsentKind
from mobio.errors import bad_input
from mobio.schema.consent.types import ConsentKindEnum
from mobio.schema.context import Info

MAX_BODY_LENGTH = 50_000
LANGUAGE_CODE_LENGTHS = range(2, 9)  # ISO 639-1/-3 with an optional region, e.g. "ku", "ti-ER"


@strawberry.type
class ConsentMutations:
    @strawberry.mutation(
        directives=write(Grant.ADMINISTRATOR),
        description="Publish a new version of a declaration in a language; returns its id.",
    )
    async def publish_consent_document(
        self,
        info: Info,
        kind: ConsentKindEnum,  # type: ignore[valid-type]
        language: str,
        title: str,
        body: str,
    ) -> strawberry.ID:
        if len(language) not in LANGUAGE_CODE_LENGTHS or not title.strip():
            raise bad_input("error.document_invalid")
        if not body.strip() or len(body) > MAX_BODY_LENGTH:
            raise bad_input("error.document_invalid")
        document_id = await service.publish(
            ConsentKind(kind), language, title.strip(), body, info.context.principal.account_id
        )
        return strawberry.ID(str(document_id))
