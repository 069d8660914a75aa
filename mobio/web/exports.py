"""Downloading a "my data" export: GET /exports/{id} with the owner's session cookie.

Only the owner of the exported person gets the file, only while it is valid (seven days).
Everyone else, and the owner after expiry, gets the same 404 as for an id that never
existed. The ZIP is streamed from the document store with the documents' download headers
(attachment, no sniffing, no caching). The JSON Schema of data.json is public.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath
from litestar.response import Stream

from mobio.export import service
from mobio.export.archive import ZIP_CONTENT_TYPE, schema_bytes
from mobio.web.context import build_context
from mobio.web.documents import stream_stored


@get("/exports/{export_id:uuid}")
async def download_export(request: Request[Any, Any, Any], export_id: FromPath[UUID]) -> Stream:
    """The export's ZIP, for the owner of its person while it is valid."""
    context = await build_context(request)
    principal = context.principal
    record = await service.find(export_id)
    if (
        record is None
        or principal.person_id is None
        or record.person_id != principal.person_id
        or not record.downloadable
        or record.storage_key is None
    ):
        raise NotFoundException()
    name = f"mobio-data-{record.requested_at.date().isoformat()}.zip"
    response = await stream_stored(record.storage_key, ZIP_CONTENT_TYPE, name, record.size or 0)
    await service.mark_downloaded(record.id)
    return response


@get("/exports/data.schema.json", sync_to_thread=False)
def export_schema() -> Response[bytes]:
    """The published JSON Schema of data.json in every export (no personal data)."""
    return Response(schema_bytes(), media_type="application/schema+json")


def export_routes() -> list[Any]:
    return [download_export, export_schema]
