"""Uploading (GraphQL multipart request) and deleting documents. Thin: decode, call, map."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID

import strawberry
from strawberry.file_uploads import Upload

from mobio.auth import documents as rules
from mobio.auth.directives import write
from mobio.documents import service
from mobio.documents.store import READ_CHUNK
from mobio.documents.tables import DocumentCategory
from mobio.schema.context import Info
from mobio.schema.documents.types import Document, DocumentCategoryEnum
from mobio.schema.ids import parse_id


async def _chunks(file: Any) -> AsyncIterator[bytes]:
    """The uploaded part in chunks (Litestar has spooled it to a temporary file)."""
    while chunk := await file.read(READ_CHUNK):
        yield chunk


async def _uploader(info: Info, person_id: UUID) -> service.Uploader:
    grants = await info.context.access.grants_on_person(person_id)
    return service.Uploader(info.context.principal.account_id, grants)


@strawberry.type
class DocumentMutations:
    @strawberry.mutation(
        directives=write(*rules.UPLOADERS),
        description=(
            "Upload a document (GraphQL multipart request). The type is decided from the "
            "content: PDF, JPEG, PNG, WebP or HEIC (stored as JPEG); caseworkers cannot "
            "upload to miscellaneous."
        ),
    )
    async def upload_document(
        self,
        info: Info,
        person_id: strawberry.ID,
        category: DocumentCategoryEnum,  # type: ignore[valid-type]
        file: Upload,
    ) -> Document | None:
        subject = parse_id(person_id)
        actor = await _uploader(info, subject)
        record = await service.upload(
            actor,
            subject,
            DocumentCategory(category),
            str(getattr(file, "filename", "") or ""),
            _chunks(file),
        )
        return Document.build(record, actor.grants)

    @strawberry.mutation(
        directives=write(*rules.UPLOADERS),
        description="Delete a document and its stored file.",
    )
    async def delete_document(
        self, info: Info, person_id: strawberry.ID, document_id: strawberry.ID
    ) -> bool:
        subject = parse_id(person_id)
        actor = await _uploader(info, subject)
        return await service.delete(actor, subject, parse_id(document_id))
