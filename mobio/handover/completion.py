"""Completing an accepted hand-over: the release, goals and marked notes move to the new team.

The receiving team gets a release under the newcomer's consent record of the old one (the
newcomer consented to counselling, and did not object to its moving). Goal agreements move;
notes their authors marked are copied, the old team keeps its own until its access ends,
which happens at the start of old_access_ends_on in the district: the old release's ends_at,
checked at every request by mobio.releases.active.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from mobio import timeutil
from mobio.casenotes import service as casenotes
from mobio.db.values import as_uuid
from mobio.goals.tables import GoalAgreement
from mobio.handover import notify
from mobio.handover.tables import HandOver, HandOverState
from mobio.releases.active import active_team_release
from mobio.releases.tables import TeamRelease


async def complete(offer_id: UUID) -> bool:
    """Complete the accepted offer once (False if it was no longer accepted)."""
    now = timeutil.now()
    claimed = await (
        HandOver.update({HandOver.state: HandOverState.COMPLETED, HandOver.completed_at: now})
        .where((HandOver.id == offer_id) & (HandOver.state == HandOverState.ACCEPTED))
        .returning(
            HandOver.person,
            HandOver.from_team,
            HandOver.to_team,
            HandOver.from_release,
            HandOver.old_access_ends_on,
        )
    )
    if not claimed:
        return False
    offer = claimed[0]
    person, from_team, to_team = (
        as_uuid(offer["person"]),
        as_uuid(offer["from_team"]),
        as_uuid(offer["to_team"]),
    )
    old = await _old_release(person, from_team, offer["from_release"])
    if not await TeamRelease.exists().where(
        (TeamRelease.person == person) & (TeamRelease.team == to_team) & active_team_release()
    ):
        await TeamRelease(
            person=person,
            team=to_team,
            consent_record=old["consent_record"] if old else None,
            granted_at=now,
        ).save()
    await GoalAgreement.update({GoalAgreement.team: to_team, GoalAgreement.updated_at: now}).where(
        (GoalAgreement.person == person) & (GoalAgreement.team == from_team)
    )
    await casenotes.copy_marked(person, from_team, to_team)
    ends_at = timeutil.start_of(offer["old_access_ends_on"])
    if old is not None and (old["ends_at"] is None or old["ends_at"] > ends_at):
        await TeamRelease.update({TeamRelease.ends_at: ends_at}).where(TeamRelease.id == old["id"])
    await _tell_everyone(offer_id)
    return True


async def _old_release(person: UUID, from_team: UUID, release_id: object) -> dict[str, Any] | None:
    """The release the offer was made under, or the team's active one if that row has gone."""
    columns = (TeamRelease.id, TeamRelease.consent_record, TeamRelease.ends_at)
    if release_id is not None:
        row = await TeamRelease.select(*columns).where(TeamRelease.id == release_id).first()
        if row is not None:
            return row
    return await (
        TeamRelease.select(*columns)
        .where(
            (TeamRelease.person == person) & (TeamRelease.team == from_team) & active_team_release()
        )
        .first()
    )


async def _tell_everyone(offer_id: UUID) -> None:
    row = await (
        HandOver.select(
            HandOver.person,
            HandOver.from_team,
            HandOver.to_team,
            HandOver.from_team.name,
            HandOver.to_team.name,
            HandOver.old_access_ends_on,
        )
        .where(HandOver.id == offer_id)
        .first()
    )
    assert row is not None  # noqa: S101 - claimed above in this transaction
    names = {
        "from_team": str(row["from_team.name"]),
        "to_team": str(row["to_team.name"]),
        "ends_on": row["old_access_ends_on"].strftime("%d.%m.%Y"),
    }
    await notify.newcomer(
        as_uuid(row["person"]),
        "mail.hand_over_completed.subject",
        "mail.hand_over_completed.body",
        **names,
    )
    for team in (row["from_team"], row["to_team"]):
        await notify.team(
            as_uuid(team),
            "mail.hand_over_completed_team.subject",
            "mail.hand_over_completed_team.body",
            **names,
        )
