"""GraphQL queries of the consent domain."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import PUBLIC
from mobio.consent import service
from mobio.consent.tables import ConsentKind
from mobio.schema.consent.types import ConsentDocument, ConsentKindEnum
from mobio.schema.ids import parse_id


@strawberry.type
class ConsentQueries:
    @strawberry.field(
        directives=PUBLIC, description="The current version of a declaration in every language."
    )
    async def consent_documents(self, kind: ConsentKindEnum) -> list[ConsentDocument]:  # type: ignore[valid-type]
        return [
            ConsentDocument.build(d) for d in await service.current_documents(ConsentKind(kind))
        ]

    @strawberry.field(directives=PUBLIC, description="One declaration with its text.")
    async def consent_document(self, id: strawberry.ID) -> ConsentDocument | None:
        document = await service.get_document(parse_id(id))
        return ConsentDocument.build(document.summary, document.body) if document else None
