"""Publishing, listing and withdrawing blank certificate forms.

A form is checked and stored exactly like a document (``mobio.documents.service``): spooled
while its bytes are counted against the upload limit, its type decided from the content
alone, then written to the document store under a random key. Only PDFs are accepted; an
image or anything else is refused before a byte is stored. The store follows the request's
transaction (``mobio.db.unit_of_work``): a rolled-back publish removes its object, a
withdrawal removes the object only once committed.

Forms are not personal data: who may publish or read them is declared on the GraphQL fields
and the download route, not decided here.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import IO, Any
from uuid import UUID

from mobio import timeutil
from mobio.db.unit_of_work import after_commit, on_rollback
from mobio.db.values import as_uuid
from mobio.documents import service as documents
from mobio.documents.errors import DocumentErrorCode
from mobio.documents.store import DocumentStore, build_store
from mobio.errors import MobioError, bad_input, forbidden
from mobio.forms.tables import DESCRIPTION_LENGTH, TITLE_LENGTH, Form
from mobio.settings import get_settings

PDF = documents.PDF
_LANGUAGE = re.compile(r"([A-Za-z]{2,3})(?:-([A-Za-z0-9]{2,4}))?")
"""An ISO 639-1/-3 code with an optional region or script: "de", "ar", "kmr", "ti-ER"."""


class FormTypeRefused(MobioError):
    """Not a PDF (an image, say): the document code, with a message that asks for a PDF."""

    def __init__(self) -> None:
        super().__init__(DocumentErrorCode.DOCUMENT_TYPE_REFUSED, "error.form_type_refused")


@dataclass(frozen=True, slots=True)
class FormRecord:
    id: UUID
    title: str
    language: str
    description: str | None
    file_name: str
    content_type: str
    size: int
    sha256: str
    storage_key: str
    published_at: datetime
    published_by: UUID | None
    withdrawn_at: datetime | None

    @property
    def is_published(self) -> bool:
        return self.withdrawn_at is None


def checked_title(title: str) -> str:
    """The title without surrounding blanks; BAD_INPUT if empty or too long."""
    title = " ".join(title.split())
    if not title or len(title) > TITLE_LENGTH:
        raise bad_input("error.form_title_invalid", max_length=TITLE_LENGTH)
    return title


def checked_language(language: str) -> str:
    """The language code, primary tag in lower case ("DE" -> "de"); BAD_INPUT otherwise."""
    match = _LANGUAGE.fullmatch(language.strip())
    if match is None:
        raise bad_input("error.form_language_invalid")
    primary, region = match.groups()
    return primary.lower() if region is None else f"{primary.lower()}-{region}"


def checked_description(description: str | None) -> str | None:
    """The description, None when blank; BAD_INPUT if too long."""
    if description is None or not description.strip():
        return None
    description = description.strip()
    if len(description) > DESCRIPTION_LENGTH:
        raise bad_input("error.form_description_too_long", max_length=DESCRIPTION_LENGTH)
    return description


async def publish(
    published_by: UUID | None,
    title: str,
    language: str,
    description: str | None,
    file_name: str,
    chunks: AsyncIterator[bytes],
    *,
    store: DocumentStore | None = None,
) -> FormRecord:
    """Check and store one blank form (PDF only) in ``language``; refuse it otherwise."""
    title = checked_title(title)
    language = checked_language(language)
    description = checked_description(description)
    store = store or build_store(get_settings())
    async with documents.spooled_upload(chunks) as spool:
        await asyncio.to_thread(_check_pdf, spool)
        spool.seek(0)
        stored = await store.put(
            documents.read_chunks(spool), content_type=PDF, max_bytes=documents.max_upload_bytes()
        )
    # Should the request's transaction roll back, the stored object goes with the row.
    on_rollback(partial(store.delete, stored.key))
    record = FormRecord(
        id=UUID(int=0),
        title=title,
        language=language,
        description=description,
        file_name=documents.display_name(file_name),
        content_type=PDF,
        size=stored.size,
        sha256=stored.sha256,
        storage_key=stored.key,
        published_at=timeutil.now(),
        published_by=published_by,
        withdrawn_at=None,
    )
    try:
        row = Form(
            title=record.title,
            language=record.language,
            description=record.description,
            storage_key=record.storage_key,
            file_name=record.file_name,
            content_type=record.content_type,
            size=record.size,
            sha256=record.sha256,
            published_by=published_by,
            published_at=record.published_at,
            withdrawn_at=None,
        )
        await row.save()
    except BaseException:
        await store.delete(stored.key)
        raise
    return replace(record, id=as_uuid(row.id))


async def list_published(language: str | None = None) -> list[FormRecord]:
    """Published forms, by language and title; with ``language``, those in that language.

    A language matches on its primary tag ("ti" finds "ti-ER"). When no form is published in
    the language asked for, every published form is returned instead: a newcomer whose
    language has none yet still finds the German (and other) forms rather than nothing.
    """
    rows = await (
        Form.select()
        .where(Form.withdrawn_at.is_null())
        .order_by(Form.language, Form.title, Form.published_at)
    )
    records = [_record(row) for row in rows]
    if language is None or not language.strip():
        return records
    try:
        wanted = _primary(checked_language(language))
    except MobioError:
        return records  # an unknown code is no reason to show nothing
    matching = [r for r in records if _primary(r.language) == wanted]
    return matching or records


async def find(form_id: UUID) -> FormRecord | None:
    """The form, published or withdrawn; None if there is no such id."""
    row = await Form.select().where(Form.id == form_id).first()
    return None if row is None else _record(row)


async def find_published(form_id: UUID) -> FormRecord | None:
    """The form if it exists and has not been withdrawn."""
    record = await find(form_id)
    return record if record is not None and record.is_published else None


async def withdraw(form_id: UUID, *, store: DocumentStore | None = None) -> FormRecord:
    """Withdraw a published form; its object goes once the withdrawal has committed.

    ``forbidden`` if there is no such form or it is withdrawn already.
    """
    record = await find_published(form_id)
    if record is None:
        raise forbidden()
    withdrawn_at = timeutil.now()
    changed = await (
        Form.update({Form.withdrawn_at: withdrawn_at})
        .where((Form.id == form_id) & Form.withdrawn_at.is_null())
        .returning(Form.id)
    )
    if not changed:  # withdrawn in between by someone else, who removes the object
        raise forbidden()
    # The object goes only once the withdrawal has committed: a rollback keeps both.
    await after_commit(partial((store or build_store(get_settings())).delete, record.storage_key))
    return replace(record, withdrawn_at=withdrawn_at)


def _check_pdf(spool: IO[bytes]) -> None:
    """Refuse anything but a PDF that opens (images too: forms are to be printed and filled).

    The magic bytes decide first, so an image is refused without being decoded; then the
    documents' own PDF check parses it (damaged, encrypted, too many pages).
    """
    spool.seek(0)
    head = spool.read(16)
    spool.seek(0)
    if not head.startswith(b"%PDF-"):
        raise FormTypeRefused
    documents.check_pdf(spool)


def _primary(language: str) -> str:
    return language.split("-", 1)[0]


def _record(row: dict[str, Any]) -> FormRecord:
    return FormRecord(
        id=as_uuid(row["id"]),
        title=row["title"],
        language=row["language"],
        description=row["description"],
        file_name=row["file_name"],
        content_type=row["content_type"],
        size=int(row["size"]),
        sha256=row["sha256"],
        storage_key=row["storage_key"],
        published_at=row["published_at"],
        published_by=as_uuid(row["published_by"]) if row["published_by"] else None,
        withdrawn_at=row["withdrawn_at"],
    )
