"""Shared makings of the goal tests: a newcomer, a team holding their release, a draft."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from uuid import UUID

from mobio import timeutil
from mobio.goals.drafts import GoalDraft, StepDraft
from mobio.goals.tables import GoalArea, StepResponsible
from mobio.organisations.tables import TeamKind
from tests.support import factories


@dataclass(frozen=True)
class Case:
    newcomer: factories.Newcomer
    worker: factories.Caseworker


async def case(team_kind: TeamKind = TeamKind.SOCIAL_COUNSELLING, language: str = "en") -> Case:
    newcomer = await factories.newcomer(language=language)
    worker = await factories.released_caseworker(team_kind, newcomer.person_id)
    return Case(newcomer, worker)


def in_days(days: int) -> datetime.date:
    return timeutil.local_today() + datetime.timedelta(days=days)


def draft(
    worker: UUID | None, *, goal: str = "Reach level B1 in German", due_in: int = 30
) -> GoalDraft:
    """A language goal: the newcomer attends a course, the caseworker finds the course."""
    return GoalDraft(
        area=GoalArea.LANGUAGE,
        goal=goal,
        steps=(
            StepDraft(
                "Find a B1 course with child care",
                StepResponsible.CASEWORKER,
                worker,
                in_days(due_in),
            ),
            StepDraft(
                "Register for the course", StepResponsible.NEWCOMER, None, in_days(due_in + 7)
            ),
        ),
    )
