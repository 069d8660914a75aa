"""Deleting staff accounts, teams and municipalities without losing any newcomer's data.

A caseworker's account goes whole (memberships, sessions, tokens, login record); everything
they wrote about newcomers stays, the author column emptied by ``ON DELETE SET NULL``, so an
answer log or a note shows a former member of the team that is still named on the row.
A team's rows about newcomers (releases, goals, case notes, hand-overs) are removed with the
team by the database (``ON DELETE CASCADE``), so a team that ever held a release is refused:
it must stay, as a record of who had access. A municipality with teams is refused as well
(``ON DELETE RESTRICT`` on ``team.municipality``).
"""

from __future__ import annotations

from uuid import UUID

from mobio.accounts.tables import Account, AccountKind
from mobio.casenotes.tables import CaseNote
from mobio.errors import ErrorCode, MobioError, bad_input
from mobio.goals.tables import GoalAgreement
from mobio.handover.tables import HandOver
from mobio.organisations.tables import Municipality, Team
from mobio.releases.tables import TeamRelease


async def delete_staff_account(account_id: UUID) -> None:
    """Remove a caseworker's, administrator's or analyst's account (never a newcomer's)."""
    account = await Account.select(Account.kind).where(Account.id == account_id).first()
    if account is None:
        raise bad_input("error.account_unknown")
    if account["kind"] == AccountKind.NEWCOMER:
        raise bad_input("error.account_kind_invalid")
    await Account.delete().where(Account.id == account_id)


async def delete_team(team_id: UUID) -> None:
    """Remove a team that never held anything of a newcomer."""
    if not await Team.exists().where(Team.id == team_id):
        raise bad_input("error.team_unknown")
    for table, column in (
        (TeamRelease, TeamRelease.team),
        (GoalAgreement, GoalAgreement.team),
        (CaseNote, CaseNote.team),
        (HandOver, HandOver.from_team),
        (HandOver, HandOver.to_team),
    ):
        if await table.exists().where(column == team_id):
            raise MobioError(ErrorCode.CONFLICT, "error.team_holds_newcomer_data")
    await Team.delete().where(Team.id == team_id)


async def delete_municipality(municipality_id: UUID) -> None:
    """Remove a municipality without teams."""
    if not await Municipality.exists().where(Municipality.id == municipality_id):
        raise bad_input("error.municipality_unknown")
    if await Team.exists().where(Team.municipality == municipality_id):
        raise MobioError(ErrorCode.CONFLICT, "error.municipality_has_teams")
    await Municipality.delete().where(Municipality.id == municipality_id)
