"""The export as the owner sees it: its state, and where to download it while it is valid."""

from __future__ import annotations

import datetime
from enum import StrEnum

import strawberry

from mobio.auth.directives import read
from mobio.auth.grants import Grant
from mobio.auth.guarded import Guarded
from mobio.export.service import ExportRecord
from mobio.export.tables import ExportStatus

OWNER = read(Grant.OWNER)
DOWNLOAD_PATH = "/exports/{id}"
"""The download route (``mobio.web.exports``); it answers the owner's session only."""


class ExportState(StrEnum):
    QUEUED = "queued"
    READY = "ready"
    FAILED = "failed"
    EXPIRED = "expired"
    """Ready once, but past its seven days: no longer downloadable, its file removed."""


ExportStateEnum = strawberry.enum(
    ExportState, name="ExportState", description="Where a data export stands."
)


@strawberry.type(description="One export of the owner's data (a ZIP); the owner's alone.")
class DataExport(Guarded):
    id: strawberry.ID | None = strawberry.field(default=None, directives=OWNER)
    state: ExportStateEnum | None = strawberry.field(default=None, directives=OWNER)  # type: ignore[valid-type]
    requested_at: datetime.datetime | None = strawberry.field(default=None, directives=OWNER)
    ready_at: datetime.datetime | None = strawberry.field(default=None, directives=OWNER)
    expires_at: datetime.datetime | None = strawberry.field(
        default=None, directives=OWNER, description="From then on it cannot be downloaded."
    )
    downloaded_at: datetime.datetime | None = strawberry.field(default=None, directives=OWNER)
    size: int | None = strawberry.field(default=None, directives=OWNER, description="Bytes.")
    download_url: str | None = strawberry.field(
        default=None,
        directives=OWNER,
        description="Path of the download while it is valid (with the session cookie), else null.",
    )

    @classmethod
    def build(cls, record: ExportRecord, grants: frozenset[Grant]) -> DataExport:
        return cls(
            grants=grants,
            id=strawberry.ID(str(record.id)),
            state=_state(record),
            requested_at=record.requested_at,
            ready_at=record.ready_at,
            expires_at=record.expires_at,
            downloaded_at=record.downloaded_at,
            size=record.size,
            download_url=DOWNLOAD_PATH.format(id=record.id) if record.downloadable else None,
        )


def _state(record: ExportRecord) -> ExportState:
    if record.status is ExportStatus.READY and not record.downloadable:
        return ExportState.EXPIRED
    return ExportState(record.status.value)
