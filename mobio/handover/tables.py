"""Tables of the hand-over domain."""

from __future__ import annotations

from enum import StrEnum

from piccolo.columns import UUID, Date, ForeignKey, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.table import Table

from mobio.accounts.tables import Account
from mobio.organisations.tables import Team
from mobio.persons.tables import Person
from mobio.releases.tables import TeamRelease


class HandOverState(StrEnum):
    OFFERED = "offered"  # open: waiting for the receiving team (and the newcomer's silence)
    OBJECTED = "objected"  # the newcomer objected before the effective date
    REJECTED = "rejected"  # the receiving team declined, with a reason
    ACCEPTED = "accepted"  # accepted; completes on the effective date unless objected
    COMPLETED = "completed"  # the release has moved
    WITHDRAWN = "withdrawn"  # the offering team took it back


class HandOver(Table, tablename="hand_over"):
    """An offer to move a case (release, goals, marked notes) to another team."""

    id = UUID(primary_key=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, null=False, index=True)
    from_team = ForeignKey(Team, on_delete=OnDelete.cascade, null=False, index=True)
    to_team = ForeignKey(Team, on_delete=OnDelete.cascade, null=False, index=True)
    from_release = ForeignKey(TeamRelease, on_delete=OnDelete.set_null, null=True)
    moving_on = Date(help_text="When the newcomer moves to the follow-up municipality.")
    effective_on = Date(help_text="From when the receiving team holds the release.")
    old_access_ends_on = Date(help_text="When the offering team's access ends.")
    state = Varchar(length=20, choices=HandOverState, default=HandOverState.OFFERED)
    decision_reason = Text(null=True, default=None)
    created_at = Timestamptz()
    created_by = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)
    objected_at = Timestamptz(null=True, default=None)
    decided_at = Timestamptz(null=True, default=None)
    decided_by = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)
    completed_at = Timestamptz(null=True, default=None)
