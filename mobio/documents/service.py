"""Uploading, listing and deleting a person's documents.

An upload is spooled to a temporary file while its bytes are counted (the size cap holds
while it streams in), then its type is decided from the content alone: magic bytes, then a
real parse (pypdf opens a PDF; Pillow decodes an image). Images are re-encoded, so whatever
rode along in their metadata is dropped; HEIC/HEIF photos (iPhones) are decoded with
pillow-heif and stored as JPEG, which every browser shows, under a name ending in ".jpg".
Only then is it written to the document store. Any refusal raises a ``MobioError`` and
leaves nothing behind. The store follows the request's transaction
(``mobio.db.unit_of_work``): a rolled-back upload removes its object, a deletion removes the
object only once committed.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import IO, Any
from uuid import UUID

import pypdf
from PIL import Image, ImageOps, features
from pillow_heif import register_heif_opener

from mobio import timeutil
from mobio.auth import documents as rules
from mobio.auth.grants import Grant
from mobio.db.unit_of_work import after_commit, on_rollback
from mobio.db.values import as_uuid
from mobio.documents.errors import MIB, Damaged, ImageTooLarge, TooLarge, TooManyPages, TypeRefused
from mobio.documents.store import READ_CHUNK, DocumentStore, build_store
from mobio.documents.tables import FILE_NAME_LENGTH, Document, DocumentCategory
from mobio.errors import forbidden
from mobio.settings import get_settings

MAX_PDF_PAGES = 100
MAX_MEGAPIXELS = 40
MAX_PIXELS = MAX_MEGAPIXELS * 1_000_000
SPOOL_IN_MEMORY = MIB
"""Uploads up to this size stay in memory while checked; larger ones go to a temp file."""

PDF = "application/pdf"
_IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
"""Formats images are stored in, with their content types."""
_STORED_AS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "HEIF": "JPEG"}
"""Each accepted image format (as Pillow names it) and the format it is re-encoded to."""
_HEIF_BRANDS = frozenset(
    {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1", b"msf1"}
)
"""Major brands of HEIF files with HEVC images (an iPhone writes "heic")."""
_HEIF_SUFFIXES = (".heic", ".heif", ".hif")
_JPEG_SUFFIXES = (".jpg", ".jpeg")


@dataclass(frozen=True, slots=True)
class Uploader:
    """Who uploads or deletes: their account (none for a stakeholder) and grants on the person."""

    account_id: UUID | None
    grants: frozenset[Grant]


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    id: UUID
    person_id: UUID
    category: DocumentCategory
    file_name: str
    content_type: str
    size: int
    sha256: str
    storage_key: str
    uploaded_at: datetime
    uploaded_by: UUID | None
    uploaded_grant: str


def max_upload_bytes() -> int:
    return get_settings().max_upload_mb * MIB


async def upload(
    actor: Uploader,
    person_id: UUID,
    category: DocumentCategory,
    file_name: str,
    chunks: AsyncIterator[bytes],
    *,
    store: DocumentStore | None = None,
) -> DocumentRecord:
    """Check and store one document of ``person_id`` in ``category``; refuse it otherwise."""
    grant = rules.acting_grant(actor.grants, category)
    if grant is None:
        raise forbidden()
    store = store or build_store(get_settings())
    async with spooled_upload(chunks) as spool:
        checked = await asyncio.to_thread(_checked, spool)
        content_type = checked.content_type
        contents = checked.reencoded or spool
        try:
            contents.seek(0)
            stored = await store.put(
                read_chunks(contents), content_type=content_type, max_bytes=max_upload_bytes()
            )
        finally:
            if checked.reencoded is not None:
                checked.reencoded.close()
    record = DocumentRecord(
        id=UUID(int=0),
        person_id=person_id,
        category=category,
        file_name=display_name(file_name, converted=checked.converted),
        content_type=content_type,
        size=stored.size,
        sha256=stored.sha256,
        storage_key=stored.key,
        uploaded_at=timeutil.now(),
        uploaded_by=actor.account_id,
        uploaded_grant=grant.value,
    )
    # Should the request's transaction roll back, the stored object goes with the row.
    on_rollback(partial(store.delete, stored.key))
    try:
        row = Document(
            person=person_id,
            category=category,
            storage_key=stored.key,
            file_name=record.file_name,
            content_type=content_type,
            size=stored.size,
            sha256=stored.sha256,
            uploaded_at=record.uploaded_at,
            uploaded_by=actor.account_id,
            uploaded_grant=grant.value,
        )
        await row.save()
    except BaseException:
        await store.delete(stored.key)
        raise
    return _replace_id(record, as_uuid(row.id))


async def list_documents(person_id: UUID, grants: frozenset[Grant]) -> list[DocumentRecord]:
    """The person's documents in the categories ``grants`` may read, newest first."""
    categories = rules.readable(grants)
    if not categories:
        return []
    rows = await (
        Document.select()
        .where((Document.person == person_id) & Document.category.is_in(sorted(categories)))
        .order_by(Document.uploaded_at, ascending=False)
    )
    return [_record(row) for row in rows]


async def find(document_id: UUID) -> DocumentRecord | None:
    row = await Document.select().where(Document.id == document_id).first()
    return None if row is None else _record(row)


async def readable_document(
    person_id: UUID, document_id: UUID, grants: frozenset[Grant]
) -> DocumentRecord | None:
    """The document if it is the person's and ``grants`` may read its category, else None."""
    record = await find(document_id)
    if record is None or record.person_id != person_id:
        return None
    if record.category not in rules.readable(grants):
        return None
    return record


async def delete(
    actor: Uploader, person_id: UUID, document_id: UUID, *, store: DocumentStore | None = None
) -> bool:
    """Delete the document and its stored object; ``forbidden`` if absent or not allowed."""
    record = await find(document_id)
    if (
        record is None
        or record.person_id != person_id
        or record.category not in rules.writable(actor.grants)
    ):
        raise forbidden()  # never reveals whether the id exists
    await Document.delete().where(Document.id == document_id)
    # The object goes only once the deletion has committed: a rollback keeps both.
    await after_commit(partial((store or build_store(get_settings())).delete, record.storage_key))
    return True


async def delete_all_of(person_id: UUID, *, store: DocumentStore | None = None) -> None:
    """Delete the person's documents; their objects go once the deletion has committed."""
    rows = await Document.select(Document.storage_key).where(Document.person == person_id)
    store = store or build_store(get_settings())
    await Document.delete().where(Document.person == person_id)
    for row in rows:
        await after_commit(partial(store.delete, row["storage_key"]))


@asynccontextmanager
async def spooled_upload(chunks: AsyncIterator[bytes]) -> AsyncIterator[IO[bytes]]:
    """The upload's bytes in a spool (memory, then a temporary file), rewound; ``TooLarge``
    as soon as more than the upload limit has streamed in."""
    limit = max_upload_bytes()
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY) as spool:
        size = 0
        async for chunk in chunks:
            size += len(chunk)
            if size > limit:
                raise TooLarge(limit)
            await asyncio.to_thread(spool.write, chunk)
        spool.seek(0)
        yield spool


async def read_chunks(handle: IO[bytes]) -> AsyncIterator[bytes]:
    """A file's bytes in chunks, read off the event loop."""
    while chunk := await asyncio.to_thread(handle.read, READ_CHUNK):
        yield chunk


@dataclass(frozen=True, slots=True)
class _Checked:
    """What an upload turned out to be.

    ``reencoded`` is the file to store instead of the upload (the caller's to close); None (a
    PDF) means: store the spool as it is. ``converted`` says the stored format is not the
    uploaded one (HEIC stored as JPEG), so the name's extension must follow.
    """

    content_type: str
    reencoded: IO[bytes] | None = None
    converted: bool = False


def _checked(spool: IO[bytes]) -> _Checked:
    """The content type decided from the content, and for images the re-encoded file."""
    spool.seek(0)
    head = spool.read(16)
    spool.seek(0)
    if head.startswith(b"%PDF-"):
        check_pdf(spool)
        return _Checked(PDF)
    if (
        head.startswith(b"\xff\xd8\xff")
        or head.startswith(b"\x89PNG\r\n\x1a\n")
        or (head[:4] == b"RIFF" and head[8:12] == b"WEBP" and features.check("webp"))
    ):
        return _reencoded(spool, ["JPEG", "PNG", "WEBP"])
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return _reencoded(spool, ["HEIF"])
    raise TypeRefused


def check_pdf(spool: IO[bytes]) -> None:
    try:
        reader = pypdf.PdfReader(spool, strict=False)
        if reader.is_encrypted:
            raise Damaged
        pages = len(reader.pages)
        if pages > 0:
            reader.pages[0].mediabox  # noqa: B018 - parse the first page's object, too
    except (Damaged, TooManyPages):
        raise
    except Exception:
        raise Damaged from None
    if pages == 0:
        raise Damaged
    if pages > MAX_PDF_PAGES:
        raise TooManyPages(MAX_PDF_PAGES)


def _reencoded(spool: IO[bytes], formats: list[str]) -> _Checked:
    """The image decoded (only as one of ``formats``), checked and encoded afresh."""
    try:
        with Image.open(spool, formats=formats) as image:
            uploaded_format = str(image.format)
            image_format = _STORED_AS[uploaded_format]
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ImageTooLarge(MAX_MEGAPIXELS)
            image.load()
            cleaned = _cleaned(ImageOps.exif_transpose(image) or image, image_format)
    except ImageTooLarge:
        raise
    except Image.DecompressionBombError:
        raise ImageTooLarge(MAX_MEGAPIXELS) from None
    except Exception:
        raise Damaged from None
    out = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115 - returned
    try:
        options: dict[str, Any] = {}
        if image_format in ("JPEG", "WEBP"):
            options = {"quality": 90}
        cleaned.save(out, format=image_format, **options)
    except BaseException:
        out.close()
        raise
    return _Checked(_IMAGE_TYPES[image_format], out, converted=image_format != uploaded_format)


def _cleaned(image: Image.Image, image_format: str) -> Image.Image:
    """Pixels only: a fresh image without metadata, in a mode the format can write."""
    allowed = {"JPEG": ("RGB", "L"), "PNG": ("RGB", "RGBA", "L", "LA", "P", "1", "I;16")}
    modes = allowed.get(image_format, ("RGB", "RGBA"))
    if image.mode not in modes:
        has_alpha = "A" in image.mode or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha and "RGBA" in modes else "RGB")
    fresh = Image.new(image.mode, image.size)
    if image.mode == "P":
        palette = image.getpalette()
        if palette is not None:
            fresh.putpalette(palette)
    fresh.paste(image)
    return fresh


def display_name(file_name: str, *, converted: bool = False) -> str:
    """The uploaded name for display: no path, no control characters, at most 200 characters.

    A ``converted`` upload (HEIC stored as JPEG) ends in ".jpg": a HEIC extension is
    replaced, any other is kept and ".jpg" added, unless it is already a JPEG one.
    """
    name = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip() or "document"
    if not converted or name.lower().endswith(_JPEG_SUFFIXES):
        return name[:FILE_NAME_LENGTH]
    if name.lower().endswith(_HEIF_SUFFIXES):
        name = name.rsplit(".", 1)[0] or "document"
    return name[: FILE_NAME_LENGTH - len(".jpg")] + ".jpg"


def _replace_id(record: DocumentRecord, document_id: UUID) -> DocumentRecord:
    from dataclasses import replace

    return replace(record, id=document_id)


def _record(row: dict[str, Any]) -> DocumentRecord:
    return DocumentRecord(
        id=as_uuid(row["id"]),
        person_id=as_uuid(row["person"]),
        category=DocumentCategory(row["category"]),
        file_name=row["file_name"],
        content_type=row["content_type"],
        size=int(row["size"]),
        sha256=row["sha256"],
        storage_key=row["storage_key"],
        uploaded_at=row["uploaded_at"],
        uploaded_by=as_uuid(row["uploaded_by"]) if row["uploaded_by"] else None,
        uploaded_grant=row["uploaded_grant"],
    )


with suppress(AttributeError):  # Pillow's own bomb guard stays on, at our pixel cap
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
register_heif_opener()  # Pillow opens HEIC/HEIF (as format "HEIF"), only where we ask it to
