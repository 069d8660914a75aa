"""Downloading documents: by session (owner, caseworkers with a release) or release token.

GET /documents/{id} with the session cookie; POST /shared/documents/{id} with the link's key
in the x-release-token header, checked at that moment. Both answer 404 for a document that
does not exist, is another person's, or is in a category the caller may not read: existence
is never revealed. The bytes are streamed from the store as an attachment with the type
decided at upload, never sniffed by the browser.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any
from urllib.parse import quote
from uuid import UUID

from litestar import Request, get, post
from litestar.exceptions import NotFoundException
from litestar.params import FromPath
from litestar.response import Stream

from mobio.audit.service import record_reads
from mobio.auth import documents as rules
from mobio.auth.grants import PACKAGE_GRANT
from mobio.auth.principal import Principal
from mobio.documents import service
from mobio.documents.errors import NotFound
from mobio.documents.service import DocumentRecord
from mobio.documents.store import build_store
from mobio.releases.tokens import check_token
from mobio.settings import get_settings
from mobio.web.context import RELEASE_TOKEN_HEADER, build_context


def _not_found() -> NotFoundException:
    return NotFoundException()


def content_disposition(file_name: str) -> str:
    """``attachment`` with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987)."""
    fallback = "".join(ch if _plain(ch) else "_" for ch in file_name) or "document"
    encoded = quote(file_name, safe="")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"


def _plain(ch: str) -> bool:
    return (ch.isascii() and ch.isalnum()) or ch in "._-"


async def stream_stored(storage_key: str, content_type: str, file_name: str, size: int) -> Stream:
    """A stored object as a download: an attachment the browser may not sniff, render or keep;
    404 if the object is missing from the store."""
    try:
        chunks: AsyncGenerator[bytes, None] = await build_store(get_settings()).open(storage_key)
    except NotFound:
        raise _not_found() from None
    return Stream(
        chunks,
        media_type=content_type,
        headers={
            "Content-Disposition": content_disposition(file_name),
            "Content-Length": str(size),
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-store",
            "Content-Security-Policy": "default-src 'none'; sandbox",
            "Referrer-Policy": "no-referrer",
        },
    )


async def _stream(record: DocumentRecord) -> Stream:
    return await stream_stored(
        record.storage_key, record.content_type, record.file_name, record.size
    )


@get("/documents/{document_id:uuid}")
async def download(request: Request[Any, Any, Any], document_id: FromPath[UUID]) -> Stream:
    """The document's bytes for its owner or a caseworker who may read its category."""
    context = await build_context(request)
    if not context.principal.is_authenticated:
        raise _not_found()
    record = await service.find(document_id)
    if record is None:
        raise _not_found()
    access = context.access
    grants = await access.grants_on_person(record.person_id)
    if record.category not in rules.readable(grants):
        raise _not_found()
    readers = {g for g in grants if record.category in rules.READ.get(g, frozenset())}
    await record_reads(context.principal, {record.person_id: readers}, access.team_for)
    return await _stream(record)


@post("/shared/documents/{document_id:uuid}", status_code=200)
async def shared_download(request: Request[Any, Any, Any], document_id: FromPath[UUID]) -> Stream:
    """A document of the link's person, in a category of the link's package."""
    client = request.client.host if request.client else "unknown"
    check = await check_token(request.headers.get(RELEASE_TOKEN_HEADER, ""), client)
    if check.access is None:
        raise _not_found()
    grant = PACKAGE_GRANT[check.access.package]
    record = await service.readable_document(
        check.access.person_id, document_id, frozenset({grant})
    )
    if record is None:
        raise _not_found()
    await record_reads(Principal(stakeholder=check.access), {record.person_id: {grant}})
    return await _stream(record)


def document_routes() -> list[Any]:
    return [download, shared_download]
