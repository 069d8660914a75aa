"""Tables of the claims domain."""

from __future__ import annotations

from piccolo.columns import UUID, ForeignKey, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.table import Table

from mobio.accounts.tables import Account
from mobio.persons.tables import Person


class ClaimCode(Table, tablename="claim_code"):
    """A single-use code printed on the claim letter, stored only as its hash."""

    id = UUID(primary_key=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, null=False, index=True)
    code_hash = Varchar(length=64, unique=True, help_text="SHA-256 hex of the normalised code.")
    created_at = Timestamptz()
    created_by = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)
    expires_at = Timestamptz()
    used_at = Timestamptz(null=True, default=None)
    voided_at = Timestamptz(null=True, default=None, help_text="Set when a new letter is issued.")
