"""The export's background work: building the ZIP, and removing it after seven days.

``build`` reads the person's data in one snapshot, writes the ZIP into the document store
and tells the owner by mail, which names no data (a mailbox is no place for a biography).
``remove_expired_exports`` runs hourly and removes every object past its seven days;
downloads are refused from the moment they expire, whether or not it has run yet.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any
from uuid import UUID

from mobio import timeutil
from mobio.documents.store import DocumentStore, build_store
from mobio.export import archive, collect
from mobio.export.service import VALID_FOR
from mobio.export.tables import DataExport, ExportStatus
from mobio.i18n import normalise_language, translate
from mobio.jobs.queue import enqueue
from mobio.persons.tables import Person
from mobio.settings import get_settings

logger = logging.getLogger(__name__)

STALE_AFTER = timedelta(days=1)
"""A queued export not built within this long has lost its job (a queued job expires after
a day, ``mobio.jobs.queue.JOB_EXPIRES``): it is marked failed, so the owner may ask again."""


async def build(export_id: UUID, store: DocumentStore | None = None) -> ExportStatus | None:
    """Build a queued export; a second run of the same job does nothing."""
    row = await DataExport.select().where(DataExport.id == export_id).first()
    if row is None or row["status"] != ExportStatus.QUEUED:
        return None
    store = store or build_store(get_settings())
    owner = await (
        Person.select(Person.account.email, Person.account.language)
        .where(Person.id == row["person"])
        .first()
    )
    language = normalise_language(owner["account.language"] if owner else None)
    try:
        snapshot = await collect.snapshot(row["person"], language)
        stored = await archive.write(snapshot, store)
    except Exception:
        logger.exception("data export %s failed", export_id)
        await DataExport.update({DataExport.status: ExportStatus.FAILED}).where(
            DataExport.id == export_id
        )
        return ExportStatus.FAILED
    ready_at = timeutil.now()
    expires_at = ready_at + VALID_FOR
    await DataExport.update(
        {
            DataExport.status: ExportStatus.READY,
            DataExport.storage_key: stored.key,
            DataExport.size: stored.size,
            DataExport.sha256: stored.sha256,
            DataExport.ready_at: ready_at,
            DataExport.expires_at: expires_at,
        }
    ).where(DataExport.id == export_id)
    await _remove_older(row["person"], export_id, store)
    if owner is not None and owner["account.email"]:
        await enqueue(
            "send_mail",
            to=owner["account.email"],
            subject=translate(language, "mail.data_export.subject"),
            body=translate(
                language,
                "mail.data_export.body",
                link=f"{get_settings().base_url}/account/export",
                date=expires_at.date().isoformat(),
            ),
            language=language,
        )
    return ExportStatus.READY


async def _remove_older(person_id: Any, newest: UUID, store: DocumentStore) -> None:
    """One ZIP per person is enough: the new one replaces any earlier one at once."""
    rows = await DataExport.select(DataExport.id, DataExport.storage_key).where(
        (DataExport.person == person_id)
        & (DataExport.id != newest)
        & DataExport.storage_key.is_not_null()
    )
    for row in rows:
        await _remove(row["id"], row["storage_key"], store)


async def remove_expired_exports(ctx: dict[str, Any]) -> int:
    """Hourly: remove every export object past its seven days; fail long-queued exports."""
    now = timeutil.now()
    store = build_store(get_settings())
    rows = await DataExport.select(DataExport.id, DataExport.storage_key).where(
        DataExport.storage_key.is_not_null() & (DataExport.expires_at <= now)
    )
    for row in rows:
        await _remove(row["id"], row["storage_key"], store)
    await DataExport.update({DataExport.status: ExportStatus.FAILED}).where(
        (DataExport.status == ExportStatus.QUEUED) & (DataExport.requested_at <= now - STALE_AFTER)
    )
    return len(rows)


async def _remove(export_id: Any, key: str, store: DocumentStore) -> None:
    # The object first: should the store fail, the row still names it for the next run.
    await store.delete(key)
    if await store.exists(key):
        raise RuntimeError("export object still present after deletion")
    await DataExport.update({DataExport.storage_key: None}).where(DataExport.id == export_id)
