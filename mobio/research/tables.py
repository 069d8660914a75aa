"""Tables of the research domain: extract requests and who was included in them."""

from __future__ import annotations

from enum import StrEnum

from piccolo.columns import UUID, ForeignKey, Integer, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.table import Table

from mobio.accounts.tables import Account
from mobio.persons.tables import Person


class ExtractState(StrEnum):
    REQUESTED = "requested"  # by an analyst; waits for an administrator
    APPROVED = "approved"  # queued for the job that writes the file
    REJECTED = "rejected"  # by an administrator, with a reason
    READY = "ready"  # the file is in the document store until expires_at
    EXPIRED = "expired"  # the file was removed after the download window
    FAILED = "failed"  # the job gave up


class ResearchExtract(Table, tablename="research_extract"):
    """One pseudonymised extract: what was asked, who decided, what was written (counts only)."""

    id = UUID(primary_key=True)
    number = Integer(unique=True, help_text="The register number shown to newcomers.")
    purpose = Text()
    recipient = Varchar(length=200)
    period = Varchar(length=7, help_text='The closed period: "2025-Q4" or "2025".')
    variables = Varchar(length=400, help_text="Allowed variable codes, comma-separated.")
    state = Varchar(length=10, choices=ExtractState, default=ExtractState.REQUESTED)
    requested_by = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)
    requested_at = Timestamptz()
    decided_by = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)
    decided_at = Timestamptz(null=True, default=None)
    rejection_reason = Text(null=True, default=None)
    ready_at = Timestamptz(null=True, default=None)
    expires_at = Timestamptz(null=True, default=None, help_text="End of the download window.")
    storage_key = Varchar(length=64, null=True, default=None)
    persons = Integer(null=True, default=None, help_text="Persons included (kept after erasure).")
    rows_dropped = Integer(
        null=True, default=None, help_text="Rows dropped because their combination stayed rare."
    )


class ExtractMember(Table, tablename="research_extract_member"):
    """A person included in an extract: never the pseudonym, which is not kept anywhere."""

    extract = ForeignKey(ResearchExtract, on_delete=OnDelete.cascade, null=False, index=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, null=False, index=True)
