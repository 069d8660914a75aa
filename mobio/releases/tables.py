"""Tables of the releases domain."""

from __future__ import annotations

from piccolo.columns import UUID, ForeignKey, Integer, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.table import Table

from mobio.consent.tables import ConsentRecord
from mobio.organisations.tables import Team
from mobio.packages import Package
from mobio.persons.tables import Person


class TeamRelease(Table, tablename="team_release"):
    """A person's ongoing release to a team, until revoked."""

    id = UUID(primary_key=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, null=False, index=True)
    team = ForeignKey(Team, on_delete=OnDelete.cascade, null=False, index=True)
    consent_record = ForeignKey(ConsentRecord, on_delete=OnDelete.set_null, null=True)
    granted_at = Timestamptz()
    revoked_at = Timestamptz(null=True, default=None)
    ends_at = Timestamptz(
        null=True, default=None, help_text="Planned end (hand-over): no access from this time on."
    )


class StakeholderRelease(Table, tablename="stakeholder_release"):
    """A 14-day link to one stakeholder package; the token is stored only as its hash."""

    id = UUID(primary_key=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, null=False, index=True)
    package = Varchar(length=40, choices=Package)
    token_hash = Varchar(length=64, unique=True, help_text="SHA-256 hex of the link token.")
    recipient_email = Varchar(length=254, null=True, default=None)
    consent_record = ForeignKey(ConsentRecord, on_delete=OnDelete.set_null, null=True)
    created_at = Timestamptz()
    expires_at = Timestamptz()
    revoked_at = Timestamptz(null=True, default=None)
    renewed_at = Timestamptz(null=True, default=None, help_text="Last renewal, if any.")
    renewals = Integer(default=0, help_text="How often the newcomer renewed the link.")
    reminded_at = Timestamptz(
        null=True, default=None, help_text="When the owner was told the link expires soon."
    )
    forgotten_at = Timestamptz(
        null=True, default=None, help_text="When the key hash and address of the ended link went."
    )
