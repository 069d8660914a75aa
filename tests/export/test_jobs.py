"""The export job on its own: a document gone from the store, a second run, a lost job,
a PDF in a right-to-left language, and one snapshot for every read."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta
from pathlib import Path
from uuid import UUID, uuid4

import pypdf
import pytest

from mobio import timeutil
from mobio.db.values import as_uuid
from mobio.documents.local import LocalStore
from mobio.documents.store import new_key
from mobio.documents.tables import Document, DocumentCategory
from mobio.export import collect, jobs, pdf
from mobio.export.tables import DataExport, ExportStatus
from mobio.settings import get_settings
from tests.support import factories, outbox


def _files(root: Path) -> int:
    return len([p for p in root.rglob("*") if p.is_file()])


async def _queued(person_id: UUID) -> UUID:
    row = DataExport(person=person_id, requested_at=timeutil.now())
    await row.save()
    return as_uuid(row.id)


async def _zip(store: LocalStore, export_id: UUID) -> zipfile.ZipFile:
    row = await DataExport.select().where(DataExport.id == export_id).first()
    assert row is not None and row["status"] == ExportStatus.READY
    return zipfile.ZipFile(io.BytesIO(store.path(row["storage_key"]).read_bytes()))


async def test_a_document_gone_from_the_store_is_listed_but_marked(tmp_path: Path) -> None:
    # given a document whose object vanished (deleted after the snapshot, say)
    person = await factories.newcomer()
    await Document(
        person=person.person_id,
        category=DocumentCategory.CV,
        storage_key=new_key(),
        file_name="cv.pdf",
        content_type="application/pdf",
        size=3,
        sha256="0" * 64,
        uploaded_at=timeutil.now(),
        uploaded_grant="owner",
    ).save()
    store = LocalStore(tmp_path)
    export_id = await _queued(person.person_id)
    # when the export is built
    assert await jobs.build(export_id, store) is ExportStatus.READY
    # then the ZIP lists the document as not included, and has no file for it
    archive = await _zip(store, export_id)
    (document,) = json.loads(archive.read("data.json"))["documents"]
    assert document["included"] is False
    assert not [n for n in archive.namelist() if n.startswith("attachments/")]


async def test_a_second_run_of_the_job_does_nothing(tmp_path: Path) -> None:
    # given a built export
    person = await factories.newcomer()
    store = LocalStore(tmp_path)
    export_id = await _queued(person.person_id)
    assert await jobs.build(export_id, store) is ExportStatus.READY
    # when the job runs again (a retry), or for an export that does not exist
    again = await jobs.build(export_id, store)
    unknown = await jobs.build(uuid4(), store)
    # then nothing more is stored or mailed
    assert again is None and unknown is None
    assert _files(tmp_path) == 1
    assert len(await outbox.sent_mails()) == 1


async def test_a_new_export_replaces_the_earlier_file(tmp_path: Path) -> None:
    # given a ready export
    person = await factories.newcomer()
    store = LocalStore(tmp_path)
    first = await _queued(person.person_id)
    await jobs.build(first, store)
    # when another is built
    second = await _queued(person.person_id)
    await jobs.build(second, store)
    # then only the new file is kept
    rows = await DataExport.select(DataExport.id, DataExport.storage_key).order_by(
        DataExport.requested_at
    )
    assert [r["storage_key"] is None for r in rows] == [True, False]
    assert _files(tmp_path) == 1


async def test_an_export_whose_job_was_lost_is_marked_failed() -> None:
    # given an export queued more than a day ago whose job never ran
    person = await factories.newcomer()
    export_id = await _queued(person.person_id)
    timeutil.travel(timedelta(days=1, minutes=1))
    # when the hourly clean-up runs
    await jobs.remove_expired_exports({})
    # then the owner sees it failed (and may ask again)
    row = await DataExport.select(DataExport.status).where(DataExport.id == export_id).first()
    assert row is not None and row["status"] == ExportStatus.FAILED


async def test_the_pdf_sets_arabic_and_persian_text() -> None:
    # given a Persian owner with a private note in Persian
    person = await factories.newcomer(language="fa")
    snapshot = await collect.snapshot(person.person_id, "fa")
    snapshot.data["privateNotes"].append(
        {"sectionLabel": "زندگی", "body": "یادداشت خصوصی من", "id": str(uuid4())}
    )
    # when the PDF is rendered
    rendered = pdf.render(snapshot.data)
    # then it opens, with a font that has Arabic-script glyphs embedded
    reader = pypdf.PdfReader(io.BytesIO(rendered))
    assert len(reader.pages) >= 1
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()  # type: ignore[index]
    }
    assert any("DejaVu" in name or "Letter" in name for name in fonts), fonts


@pytest.mark.skipif(not get_settings().uses_postgres, reason="isolation levels: PostgreSQL")
async def test_the_snapshot_is_one_repeatable_read_only_transaction() -> None:
    # given the export's read
    async with collect._consistent_read():
        # then it is one repeatable-read, read-only transaction (one snapshot for all reads)
        (level,) = await DataExport.raw("SHOW transaction_isolation")
        (read_only,) = await DataExport.raw("SHOW transaction_read_only")
    assert level["transaction_isolation"] == "repeatable read"
    assert read_only["transaction_read_only"] == "on"
