"""Tables of the audit domain."""

from __future__ import annotations

from piccolo.columns import UUID, ForeignKey, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.table import Table

from mobio.accounts.tables import Account
from mobio.organisations.tables import Team
from mobio.persons.tables import Person
from mobio.releases.tables import StakeholderRelease


class AccessLogEntry(Table, tablename="access_log_entry"):
    """One request in which someone other than the owner read a person's data."""

    id = UUID(primary_key=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, null=False, index=True)
    actor = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)
    stakeholder_release = ForeignKey(StakeholderRelease, on_delete=OnDelete.set_null, null=True)
    grant = Varchar(length=40, help_text="The grant under which the data was read.")
    team = ForeignKey(Team, on_delete=OnDelete.set_null, null=True, help_text="The reading team.")
    accessed_at = Timestamptz()
