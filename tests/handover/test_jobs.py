"""The hourly completion job: due, accepted and unobjected offers complete once, on the date."""

from __future__ import annotations

import datetime
from datetime import timedelta
from uuid import UUID

from mobio import timeutil
from mobio.handover import service
from mobio.handover.jobs import complete_due_hand_overs
from mobio.handover.tables import HandOver, HandOverState
from mobio.jobs import periodic
from mobio.organisations.tables import TeamKind
from mobio.releases.tables import TeamRelease
from mobio.timeutil import DISTRICT_ZONE, local_today, start_of
from tests.support import factories


async def _offer(
    effective_in: int = 1, ends_in: int = 3
) -> tuple[factories.Newcomer, factories.Caseworker, factories.Caseworker, UUID]:
    newcomer = await factories.newcomer()
    counsellor = await factories.released_caseworker(
        TeamKind.SOCIAL_COUNSELLING, newcomer.person_id
    )
    manager = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    today = local_today()
    offer = await service.offer(
        newcomer.person_id,
        counsellor.team_id,
        manager.team_id,
        today,
        today + timedelta(days=effective_in),
        today + timedelta(days=ends_in),
        counsellor.account_id,
    )
    return newcomer, counsellor, manager, offer


def _travel_to(moment: datetime.datetime) -> None:
    timeutil.travel(moment - timeutil.now())


async def test_an_objected_offer_never_completes() -> None:
    newcomer, _, manager, offer = await _offer()
    await service.accept(offer, frozenset({manager.team_id}), manager.account_id)
    await service.object_to(newcomer.person_id, offer)
    _travel_to(start_of(local_today() + timedelta(days=2)))
    assert await complete_due_hand_overs({}) == 0
    assert await TeamRelease.count().where(TeamRelease.team == manager.team_id) == 0


async def test_an_unaccepted_offer_does_not_complete() -> None:
    await _offer()
    _travel_to(start_of(local_today() + timedelta(days=2)))
    assert await complete_due_hand_overs({}) == 0
    assert (await HandOver.select(HandOver.state).first()) == {"state": HandOverState.OFFERED}


async def test_the_old_release_ends_at_midnight_in_the_district_on_the_end_date() -> None:
    # given an accepted offer ending the old access in three days
    _, counsellor, manager, offer = await _offer(effective_in=1, ends_in=3)
    await service.accept(offer, frozenset({manager.team_id}), manager.account_id)
    # when the job runs on the effective date, twice
    _travel_to(start_of(local_today() + timedelta(days=1)) + timedelta(minutes=5))
    assert await complete_due_hand_overs({}) == 1
    assert await complete_due_hand_overs({}) == 0
    # then the old release ends at the start of the end date in Berlin, the new one not at all
    old = await TeamRelease.select(TeamRelease.ends_at).where(
        TeamRelease.team == counsellor.team_id
    )
    ends_at = old[0]["ends_at"].astimezone(DISTRICT_ZONE)
    assert (ends_at.date(), ends_at.time()) == (
        local_today() + timedelta(days=2),
        datetime.time(),
    )
    new = await TeamRelease.select(TeamRelease.ends_at).where(TeamRelease.team == manager.team_id)
    assert new == [{"ends_at": None}]


def test_workers_run_the_completion_job() -> None:
    assert complete_due_hand_overs in periodic.HOURLY
