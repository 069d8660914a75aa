"""What a caseload row shows beside the person, for one page at a time.

Each function reads all persons of the page in one statement, so a page of 50 costs what
a page of 10 does.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from uuid import UUID

from piccolo.query.functions.aggregate import Count

from mobio import timeutil
from mobio.biography.tables import SELF, SectionVersion
from mobio.caseload.filters import ACTIVE_GOAL, DUE_SOON_WITHIN, PENDING_HAND_OVER, SECTION_COUNT
from mobio.caseload.scope import Scope
from mobio.corrections.service import open_corrections_by_person
from mobio.db.values import as_uuid
from mobio.goals.tables import GoalStep
from mobio.handover.tables import HandOver, HandOverState
from mobio.releases.active import active_team_release
from mobio.releases.tables import TeamRelease


@dataclass(frozen=True, slots=True)
class Place:
    id: UUID
    name: str


@dataclass(slots=True)
class RowDetails:
    completeness: int = 0
    """Percent of the newcomer's own sections saved at least once."""
    municipality: Place | None = None
    release_ends_at: datetime.datetime | None = None
    hand_over: HandOverState | None = None
    goals_due_soon: int = 0
    goals_overdue: int = 0
    open_corrections: int = 0


async def details(scope: Scope, person_ids: list[UUID]) -> dict[UUID, RowDetails]:
    found = {person_id: RowDetails() for person_id in person_ids}
    if not person_ids:
        return found
    await _completeness(found, person_ids)
    await _releases(scope, found, person_ids)
    await _hand_overs(scope, found, person_ids)
    await _goals(scope, found, person_ids)
    await _corrections(found, person_ids)
    return found


async def _completeness(found: dict[UUID, RowDetails], ids: list[UUID]) -> None:
    rows = await (
        SectionVersion.select(SectionVersion.person, Count(alias="saved"))
        .where(
            SectionVersion.person.is_in(ids)
            & (SectionVersion.subject == SELF)
            & (SectionVersion.version > 0)
        )
        .group_by(SectionVersion.person)
    )
    for row in rows:
        found[as_uuid(row["person"])].completeness = round(100 * row["saved"] / SECTION_COUNT)


async def _releases(scope: Scope, found: dict[UUID, RowDetails], ids: list[UUID]) -> None:
    rows = await TeamRelease.select(
        TeamRelease.person,
        TeamRelease.ends_at,
        TeamRelease.team._.municipality._.id.as_alias("municipality_id"),
        TeamRelease.team._.municipality._.name.as_alias("municipality_name"),
    ).where(
        TeamRelease.person.is_in(ids)
        & TeamRelease.team.is_in(list(scope.team_ids))
        & active_team_release()
    )
    for row in rows:
        entry = found[as_uuid(row["person"])]
        if row["municipality_id"] is not None:
            entry.municipality = Place(as_uuid(row["municipality_id"]), row["municipality_name"])
        ends_at = row["ends_at"]
        if ends_at is not None and (
            entry.release_ends_at is None or ends_at < entry.release_ends_at
        ):
            entry.release_ends_at = ends_at


async def _hand_overs(scope: Scope, found: dict[UUID, RowDetails], ids: list[UUID]) -> None:
    rows = await HandOver.select(
        HandOver.person,
        HandOver.state,
        HandOver.to_team._.municipality._.id.as_alias("municipality_id"),
        HandOver.to_team._.municipality._.name.as_alias("municipality_name"),
    ).where(
        HandOver.person.is_in(ids)
        & HandOver.from_team.is_in(list(scope.team_ids))
        & HandOver.state.is_in(list(PENDING_HAND_OVER))
    )
    for row in rows:
        entry = found[as_uuid(row["person"])]
        entry.hand_over = HandOverState(row["state"])
        if entry.municipality is None and row["municipality_id"] is not None:
            # A district-wide team knows where the person moves, not where they live now.
            entry.municipality = Place(as_uuid(row["municipality_id"]), row["municipality_name"])


async def _goals(scope: Scope, found: dict[UUID, RowDetails], ids: list[UUID]) -> None:
    day = timeutil.local_today()
    rows = await GoalStep.select(GoalStep.goal.person.as_alias("person"), GoalStep.due_on).where(
        GoalStep.goal.person.is_in(ids)
        & GoalStep.goal.team.is_in(list(scope.team_ids))
        & GoalStep.goal.status.is_in(list(ACTIVE_GOAL))
        & GoalStep.done_at.is_null()
        & (GoalStep.due_on <= day + DUE_SOON_WITHIN)
    )
    overdue: Counter[UUID] = Counter()
    soon: Counter[UUID] = Counter()
    for row in rows:
        (overdue if row["due_on"] < day else soon)[as_uuid(row["person"])] += 1
    for person_id, entry in found.items():
        entry.goals_overdue, entry.goals_due_soon = overdue[person_id], soon[person_id]


async def _corrections(found: dict[UUID, RowDetails], ids: list[UUID]) -> None:
    for person_id, count in (await open_corrections_by_person(ids)).items():
        found[person_id].open_corrections = count
