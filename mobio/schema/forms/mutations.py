"""Publishing (GraphQL multipart request) and withdrawing forms: administrators only."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import strawberry
from strawberry.file_uploads import Upload

from mobio.auth.directives import write
from mobio.auth.grants import Grant
from mobio.documents.store import READ_CHUNK
from mobio.forms import service
from mobio.schema.context import Info
from mobio.schema.forms.types import Form
from mobio.schema.ids import parse_id


async def _chunks(file: Any) -> AsyncIterator[bytes]:
    """The uploaded part in chunks (Litestar has spooled it to a temporary file)."""
    while chunk := await file.read(READ_CHUNK):
        yield chunk


@strawberry.type
class FormMutations:
    @strawberry.mutation(
        directives=write(Grant.ADMINISTRATOR),
        description=(
            "Publish a blank form (GraphQL multipart request) in a language. Only PDFs are "
            "accepted, decided from the content."
        ),
    )
    async def publish_form(
        self,
        info: Info,
        title: str,
        language: str,
        file: Upload,
        description: str | None = None,
    ) -> Form:
        record = await service.publish(
            info.context.principal.account_id,
            title,
            language,
            description,
            str(getattr(file, "filename", "") or ""),
            _chunks(file),
        )
        return Form.build(record)

    @strawberry.mutation(
        directives=write(Grant.ADMINISTRATOR),
        description="Withdraw a published form: it is no longer listed, its file is deleted.",
    )
    async def withdraw_form(self, form_id: strawberry.ID) -> bool:
        await service.withdraw(parse_id(form_id))
        return True
