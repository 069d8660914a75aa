"""The export table: one requested "my data" ZIP, where it is stored and until when."""

from __future__ import annotations

from enum import StrEnum

from piccolo.columns import UUID, BigInt, ForeignKey, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.table import Table

from mobio.accounts.tables import Account
from mobio.persons.tables import Person


class ExportStatus(StrEnum):
    QUEUED = "queued"  # requested; the job has not finished yet
    READY = "ready"  # the ZIP is in the document store until expires_at
    FAILED = "failed"  # the job gave up; the owner may ask again


class DataExport(Table, tablename="data_export"):
    """One export of a person's data, requested by the owner; downloadable by the owner only."""

    id = UUID(primary_key=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, null=False, index=True)
    account = ForeignKey(
        Account, on_delete=OnDelete.set_null, null=True, help_text="The owner who asked for it."
    )
    requested_at = Timestamptz()
    status = Varchar(length=10, choices=ExportStatus, default=ExportStatus.QUEUED)
    storage_key = Varchar(
        length=64,
        null=True,
        default=None,
        help_text="The document store's key of the ZIP; emptied when the object is removed.",
    )
    size = BigInt(null=True, default=None, help_text="Bytes of the ZIP.")
    sha256 = Varchar(length=64, null=True, default=None, help_text="SHA-256 hex of the ZIP.")
    ready_at = Timestamptz(null=True, default=None)
    expires_at = Timestamptz(
        null=True, default=None, help_text="Ready plus 7 days: no download, object removed."
    )
    downloaded_at = Timestamptz(null=True, default=None, help_text="Last download, if any.")
