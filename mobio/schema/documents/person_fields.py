"""Resolvers of Person.documents (kept here so the persons module stays thin)."""

from __future__ import annotations

from uuid import UUID

from mobio.auth.grants import Grant
from mobio.documents import service
from mobio.schema.documents.types import Document


async def documents(person_id: UUID, grants: frozenset[Grant]) -> list[Document]:
    records = await service.list_documents(person_id, grants)
    return [Document.build(record, grants) for record in records]
