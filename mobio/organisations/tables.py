"""Tables of the organisations domain."""

from __future__ import annotations

from enum import StrEnum

from piccolo.columns import UUID, ForeignKey, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.table import Table

from mobio.accounts.tables import Account


class TeamKind(StrEnum):
    """The three kinds of caseworker team; each maps to one grant (see mobio.auth.grants)."""

    SOCIAL_COUNSELLING = "social_counselling"  # temporary accommodation, run by the district
    INTEGRATION_MANAGEMENT = "integration_management"  # follow-up housing, municipality or carrier
    INTEGRATION_OFFICE = "integration_office"  # municipal integration officer


class Municipality(Table, tablename="municipality"):
    """A municipality of the district."""

    id = UUID(primary_key=True)
    name = Varchar(length=120, unique=True)
    official_key = Varchar(
        length=12, null=True, default=None, help_text="Amtlicher Gemeindeschlüssel, if known."
    )


class Team(Table, tablename="team"):
    """A caseworker team; without a municipality it works for the whole district."""

    id = UUID(primary_key=True)
    name = Varchar(length=160)
    kind = Varchar(length=30, choices=TeamKind)
    municipality = ForeignKey(Municipality, on_delete=OnDelete.restrict, null=True)
    carrier = Varchar(
        length=160, null=True, default=None, help_text="Welfare organisation running the team."
    )
    created_at = Timestamptz()


class TeamMembership(Table, tablename="team_membership"):
    """A caseworker account belongs to a team."""

    id = UUID(primary_key=True)
    team = ForeignKey(Team, on_delete=OnDelete.cascade, null=False)
    account = ForeignKey(Account, on_delete=OnDelete.cascade, null=False, index=True)
    created_at = Timestamptz()

    # Unique per (team, account): index team_membership_team_account, made in the migration
    # because SQLite cannot add table constraints afterwards.
