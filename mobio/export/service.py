"""Requesting, listing and finding exports; only the owner of the person ever gets here.

A request queues one build job after the transaction commits (the job must see the row).
While an export is still queued, asking again returns it instead of queueing another.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any
from uuid import UUID

from mobio import timeutil
from mobio.db.unit_of_work import after_commit
from mobio.db.values import as_uuid
from mobio.export.tables import DataExport, ExportStatus
from mobio.jobs.queue import enqueue

VALID_FOR = timedelta(days=7)
"""How long a finished export can be downloaded before its object is removed."""
LISTED = 5
"""Exports shown to the owner: the newest few (older ones have long expired)."""


@dataclass(frozen=True, slots=True)
class ExportRecord:
    id: UUID
    person_id: UUID
    status: ExportStatus
    requested_at: datetime
    ready_at: datetime | None
    expires_at: datetime | None
    downloaded_at: datetime | None
    size: int | None
    storage_key: str | None

    @property
    def downloadable(self) -> bool:
        """Ready, still stored, and within its seven days."""
        return (
            self.status is ExportStatus.READY
            and self.storage_key is not None
            and self.expires_at is not None
            and timeutil.now() < self.expires_at
        )


async def request_export(person_id: UUID, account_id: UUID | None) -> ExportRecord:
    """Queue an export of the person's data, or return the one already queued."""
    queued = await (
        DataExport.select()
        .where((DataExport.person == person_id) & (DataExport.status == ExportStatus.QUEUED))
        .first()
    )
    if queued is not None:
        return record(queued)
    row = DataExport(
        person=person_id,
        account=account_id,
        requested_at=timeutil.now(),
        status=ExportStatus.QUEUED,
    )
    await row.save()
    export_id = as_uuid(row.id)
    await after_commit(partial(enqueue, "build_data_export", export_id=str(export_id)))
    found = await find(export_id)
    assert found is not None  # noqa: S101 - just written in this transaction
    return found


async def exports_of(person_id: UUID) -> list[ExportRecord]:
    """The person's newest exports, newest first."""
    rows = await (
        DataExport.select()
        .where(DataExport.person == person_id)
        .order_by(DataExport.requested_at, ascending=False)
        .limit(LISTED)
    )
    return [record(row) for row in rows]


async def find(export_id: UUID) -> ExportRecord | None:
    row = await DataExport.select().where(DataExport.id == export_id).first()
    return None if row is None else record(row)


async def mark_downloaded(export_id: UUID) -> None:
    await DataExport.update({DataExport.downloaded_at: timeutil.now()}).where(
        DataExport.id == export_id
    )


def record(row: dict[str, Any]) -> ExportRecord:
    return ExportRecord(
        id=as_uuid(row["id"]),
        person_id=as_uuid(row["person"]),
        status=ExportStatus(row["status"]),
        requested_at=row["requested_at"],
        ready_at=row["ready_at"],
        expires_at=row["expires_at"],
        downloaded_at=row["downloaded_at"],
        size=row["size"],
        storage_key=row["storage_key"],
    )
