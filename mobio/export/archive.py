"""Writing the export ZIP into the document store without holding attachments in memory.

The ZIP is written to a temporary file: data.json and the PDF from the snapshot, then each
attachment copied chunk by chunk from the store (already compressed formats, so stored, not
deflated). The finished file goes to the store as one stream, like an upload.
"""

from __future__ import annotations

import asyncio
import json
import logging
import tempfile
import zipfile
from contextlib import aclosing
from pathlib import Path
from typing import IO

from mobio.documents.errors import NotFound
from mobio.documents.service import read_chunks
from mobio.documents.store import DocumentStore, StoredObject
from mobio.export import pdf
from mobio.export.collect import Snapshot

logger = logging.getLogger(__name__)

ZIP_CONTENT_TYPE = "application/zip"
MAX_EXPORT_BYTES = 64 * 1024 * 1024 * 1024
"""A ceiling the store asks for; an export is the person's documents plus some text."""
DATA_FILE = "data.json"
PDF_FILE = "data.pdf"
SCHEMA_FILE = "data.schema.json"
SCHEMA_PATH = Path(__file__).with_name(SCHEMA_FILE)
"""The published JSON Schema of data.json (also served at /exports/data.schema.json)."""


async def write(snapshot: Snapshot, store: DocumentStore) -> StoredObject:
    """The ZIP of ``snapshot`` in ``store``; attachments missing from the store are marked."""
    with tempfile.TemporaryFile() as spool:
        await _build(snapshot, spool, store)
        spool.seek(0)
        return await store.put(
            read_chunks(spool), content_type=ZIP_CONTENT_TYPE, max_bytes=MAX_EXPORT_BYTES
        )


async def _build(snapshot: Snapshot, spool: IO[bytes], store: DocumentStore) -> None:
    with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        missing: set[str] = set()
        for attachment in snapshot.attachments:
            if not await _copy(store, attachment.record.storage_key, attachment.path, archive):
                missing.add(attachment.path)
        for document in snapshot.data["documents"]:
            document["included"] = document["path"] not in missing
        data = json.dumps(snapshot.data, ensure_ascii=False, indent=2).encode()
        rendered = await asyncio.to_thread(pdf.render, snapshot.data)
        await asyncio.to_thread(archive.writestr, DATA_FILE, data)
        await asyncio.to_thread(archive.writestr, PDF_FILE, rendered)
        await asyncio.to_thread(archive.writestr, SCHEMA_FILE, schema_bytes())


async def _copy(store: DocumentStore, key: str, path: str, archive: zipfile.ZipFile) -> bool:
    """Stream one stored document into the archive; False if the store no longer has it."""
    try:
        chunks = await store.open(key)
    except NotFound:
        # Deleted after the snapshot was read: the listing keeps it, marked not included.
        logger.warning("export: a document vanished from the store while exporting")
        return False
    info = zipfile.ZipInfo(path)
    info.compress_type = zipfile.ZIP_STORED
    async with aclosing(chunks):
        with archive.open(info, "w", force_zip64=True) as target:
            async for chunk in chunks:
                await asyncio.to_thread(target.write, chunk)
    return True


def schema_bytes() -> bytes:
    return SCHEMA_PATH.read_bytes()
