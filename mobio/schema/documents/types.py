"""The GraphQL type of a document (its bytes are downloaded from /documents/{id})."""

from __future__ import annotations

import datetime

import strawberry

from mobio.auth import documents as rules
from mobio.auth.directives import read
from mobio.auth.grants import PACKAGE_GRANTS, Grant
from mobio.auth.guarded import Guarded
from mobio.documents.service import DocumentRecord
from mobio.documents.tables import DocumentCategory

DocumentCategoryEnum = strawberry.enum(
    DocumentCategory,
    name="DocumentCategory",
    description="The folder of a document; miscellaneous is private to the owner.",
)
DOCUMENT_READERS = (*rules.READERS, *sorted(PACKAGE_GRANTS))
"""Grants that may see documents at all; each sees only its categories (the service filters)."""
READ = read(*DOCUMENT_READERS)


@strawberry.type(description="An uploaded document: certificate, CV or private file.")
class Document(Guarded):
    id: strawberry.ID | None = strawberry.field(
        default=None, directives=READ, description="Download it from /documents/{id}."
    )
    category: DocumentCategoryEnum | None = strawberry.field(default=None, directives=READ)  # type: ignore[valid-type]
    file_name: str | None = strawberry.field(
        default=None, directives=READ, description="The name it was uploaded with (display only)."
    )
    content_type: str | None = strawberry.field(
        default=None, directives=READ, description="Decided from the content when uploaded."
    )
    size: int | None = strawberry.field(default=None, directives=READ, description="In bytes.")
    uploaded_at: datetime.datetime | None = strawberry.field(default=None, directives=READ)

    @classmethod
    def build(cls, record: DocumentRecord, grants: frozenset[Grant]) -> Document:
        return cls(
            grants=grants,
            id=strawberry.ID(str(record.id)),
            category=record.category,
            file_name=record.file_name,
            content_type=record.content_type,
            size=record.size,
            uploaded_at=record.uploaded_at,
        )
