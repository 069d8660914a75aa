"""Downloading a research extract: GET /research/extracts/{id} with the analyst's session.

Only the analyst who asked for the extract gets the file, only while it is ready and within
its download window. Everyone else, and the analyst afterwards, gets the same 404 as for an
id that never existed. The table has no size column, so the ZIP (coarse codes, small) is
read whole to send its length; the headers are those of every download.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath

from mobio.documents.errors import NotFound
from mobio.documents.store import build_store
from mobio.research import extracts
from mobio.research.build import ZIP_CONTENT_TYPE
from mobio.settings import get_settings
from mobio.web.context import build_context
from mobio.web.documents import content_disposition


@get("/research/extracts/{extract_id:uuid}")
async def download_extract(
    request: Request[Any, Any, Any], extract_id: FromPath[UUID]
) -> Response[bytes]:
    """The extract's ZIP, for the analyst who requested it while it can be downloaded."""
    context = await build_context(request)
    principal = context.principal
    record = await extracts.find(extract_id)
    if (
        record is None
        or not principal.is_analyst
        or not record.downloadable_by(principal.account_id)
        or record.storage_key is None
    ):
        raise NotFoundException()
    try:
        chunks = await build_store(get_settings()).open(record.storage_key)
    except NotFound:
        raise NotFoundException() from None
    data = b"".join([chunk async for chunk in chunks])
    name = f"mobio-research-extract-{record.number}.zip"
    return Response(
        data,
        media_type=ZIP_CONTENT_TYPE,
        headers={
            "Content-Disposition": content_disposition(name),
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-store",
            "Content-Security-Policy": "default-src 'none'; sandbox",
            "Referrer-Policy": "no-referrer",
        },
    )


def extract_routes() -> list[Any]:
    return [download_extract]
