"""GraphQL types of consent documents (published texts, no personal data)."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import PUBLIC
from mobio.consent.service import DocumentSummary
from mobio.consent.tables import ConsentKind
from mobio.i18n import RTL_LANGUAGES

ConsentKindEnum = strawberry.enum(ConsentKind, name="ConsentKind")


@strawberry.type(description="A published declaration in one language and version.")
class ConsentDocument:
    id: strawberry.ID = strawberry.field(directives=PUBLIC)
    kind: ConsentKindEnum = strawberry.field(directives=PUBLIC)  # type: ignore[valid-type]
    language: str = strawberry.field(directives=PUBLIC)
    version: int = strawberry.field(directives=PUBLIC)
    title: str = strawberry.field(directives=PUBLIC)
    body: str | None = strawberry.field(
        directives=PUBLIC, description="Markdown text; only when asked for one document."
    )

    @strawberry.field(directives=PUBLIC, description="Written right to left.")
    def right_to_left(self) -> bool:
        return self.language in RTL_LANGUAGES

    @classmethod
    def build(cls, summary: DocumentSummary, body: str | None = None) -> ConsentDocument:
        return cls(
            id=strawberry.ID(str(summary.id)),
            kind=summary.kind,
            language=summary.language,
            version=summary.version,
            title=summary.title,
            body=body,
        )
