"""Search and filters of the caseload, each a WHERE condition on ``person``.

Every condition names the scope's teams, so a filter never reveals what another team holds
(another team's goals, hand-overs or releases).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from piccolo.columns.combination import WhereRaw
from piccolo.custom_types import Combinable

from mobio import timeutil
from mobio.biography.catalogue.model import Section
from mobio.biography.tables import SELF
from mobio.caseload.scope import Scope
from mobio.goals.tables import GoalStatus, GoalStep
from mobio.handover.tables import HandOver, HandOverState
from mobio.persons import names
from mobio.persons.tables import Person
from mobio.releases.active import active_team_release
from mobio.releases.tables import TeamRelease

ENDING_WITHIN = datetime.timedelta(days=3)
"""A release 'ends soon' (hand-over) when it ends within this time."""
DUE_SOON_WITHIN = datetime.timedelta(days=14)
"""A goal step is 'due soon' when its date is at most this far ahead."""
SECTION_COUNT = len(Section)
ACTIVE_GOAL = (GoalStatus.OPEN, GoalStatus.IN_PROGRESS)
PENDING_HAND_OVER = (HandOverState.OFFERED, HandOverState.ACCEPTED)


class Completeness(StrEnum):
    COMPLETE = "complete"  # every section of the newcomer's own page saved at least once
    INCOMPLETE = "incomplete"


class HandOverFilter(StrEnum):
    NONE = "none"
    OFFERED = "offered"
    ACCEPTED = "accepted"


class GoalsDue(StrEnum):
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class CaseloadFilter:
    """The filter values a caseworker chose; None means 'any'."""

    municipality_id: UUID | None = None
    completeness: Completeness | None = None
    release_ending: bool | None = None
    hand_over: HandOverFilter | None = None
    goals: GoalsDue | None = None


def condition(scope: Scope, chosen: CaseloadFilter, search: str | None) -> Combinable | None:
    """The conjunction of the search and every chosen filter (None: no restriction)."""
    parts: list[Combinable] = []
    searched = search_condition(search) if search else None
    if searched is not None:
        parts.append(searched)
    if chosen.municipality_id is not None:
        parts.append(in_municipality(scope, chosen.municipality_id))
    if chosen.completeness is not None:
        parts.append(completeness(chosen.completeness))
    if chosen.release_ending is not None:
        parts.append(release_ending(scope, chosen.release_ending))
    if chosen.hand_over is not None:
        parts.append(hand_over(scope, chosen.hand_over))
    if chosen.goals is not None:
        parts.append(goals_due(scope, chosen.goals))
    result: Combinable | None = None
    for part in parts:
        result = part if result is None else result & part
    return result


def search_condition(text: str) -> Combinable | None:
    """A date of birth (31.12.1990 or 1990-12-31) or names, spelling-tolerant (None: no words)."""
    born = _parse_date(text.strip())
    if born is not None:
        return Person.date_of_birth == born
    return names.name_conditions(text)


def _parse_date(text: str) -> datetime.date | None:
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def in_municipality(scope: Scope, municipality_id: UUID) -> Combinable:
    """Released to one of the scope's teams of that municipality, or moving there (hand-over)."""
    released = TeamRelease.select(TeamRelease.person).where(
        TeamRelease.team.is_in(list(scope.team_ids))
        & active_team_release()
        & (TeamRelease.team.municipality == municipality_id)
    )
    moving = HandOver.select(HandOver.person).where(
        HandOver.from_team.is_in(list(scope.team_ids))
        & HandOver.state.is_in(list(PENDING_HAND_OVER))
        & (HandOver.to_team.municipality == municipality_id)
    )
    return Person.id.is_in(released) | Person.id.is_in(moving)


_SAVED_SECTIONS = (
    "(SELECT COUNT(*) FROM section_version WHERE section_version.person = person.id"
    " AND section_version.subject = {} AND section_version.version > 0)"
)


def completeness(value: Completeness) -> Combinable:
    # Piccolo has no HAVING on sub-selects; a correlated count does the same on both engines.
    if value is Completeness.COMPLETE:
        return WhereRaw(_SAVED_SECTIONS + " >= {}", SELF, SECTION_COUNT)
    return WhereRaw(_SAVED_SECTIONS + " < {}", SELF, SECTION_COUNT)


def release_ending(scope: Scope, ending: bool) -> Combinable:
    soon = TeamRelease.select(TeamRelease.person).where(
        TeamRelease.team.is_in(list(scope.team_ids))
        & active_team_release()
        & TeamRelease.ends_at.is_not_null()
        & (TeamRelease.ends_at <= timeutil.now() + ENDING_WITHIN)
    )
    return Person.id.is_in(soon) if ending else Person.id.not_in(soon)


def hand_over(scope: Scope, value: HandOverFilter) -> Combinable:
    states = list(PENDING_HAND_OVER) if value is HandOverFilter.NONE else [value.value]
    pending = HandOver.select(HandOver.person).where(
        HandOver.from_team.is_in(list(scope.team_ids)) & HandOver.state.is_in(states)
    )
    return Person.id.not_in(pending) if value is HandOverFilter.NONE else Person.id.is_in(pending)


def goals_due(scope: Scope, value: GoalsDue) -> Combinable:
    day = timeutil.local_today()
    due = (
        (GoalStep.due_on < day)
        if value is GoalsDue.OVERDUE
        else ((GoalStep.due_on >= day) & (GoalStep.due_on <= day + DUE_SOON_WITHIN))
    )
    steps = GoalStep.select(GoalStep.goal.person).where(
        GoalStep.goal.team.is_in(list(scope.team_ids))
        & GoalStep.goal.status.is_in(list(ACTIVE_GOAL))
        & GoalStep.done_at.is_null()
        & due
    )
    return Person.id.is_in(steps)
