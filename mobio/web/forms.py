"""Downloading blank forms: GET /forms/{id} for any logged-in account.

Forms are not personal data, but they are for the users of MoBio, not the open web: an
anonymous caller (or a release link) gets the same 404 as an unknown or withdrawn form. The
PDF is streamed from the store as an attachment, with the same safe headers as a document.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar import Request, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath
from litestar.response import Stream

from mobio.forms import service
from mobio.web.context import build_context
from mobio.web.documents import stream_stored


@get("/forms/{form_id:uuid}")
async def download_form(request: Request[Any, Any, Any], form_id: FromPath[UUID]) -> Stream:
    """The form's PDF for a logged-in account; 404 for anyone else and for withdrawn forms."""
    context = await build_context(request)
    if not context.principal.is_authenticated:
        raise NotFoundException()
    record = await service.find_published(form_id)
    if record is None:
        raise NotFoundException()
    return await stream_stored(
        record.storage_key, record.content_type, record.file_name, record.size
    )


def form_routes() -> list[Any]:
    return [download_form]
