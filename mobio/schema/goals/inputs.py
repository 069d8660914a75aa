"""What a caseworker submits for a goal: writable by the counselling teams only."""

from __future__ import annotations

import datetime

import strawberry

from mobio.auth.directives import write
from mobio.goals.access import GOAL_TEAM_GRANTS
from mobio.goals.drafts import GoalDraft, StepDraft
from mobio.goals.tables import GoalArea, GoalStatus, StepResponsible
from mobio.schema.goals.types import GoalAreaEnum, GoalStatusEnum, StepResponsibleEnum
from mobio.schema.ids import parse_id

TEAMS = write(*GOAL_TEAM_GRANTS)


@strawberry.input(description="One step; give the id of an existing step to keep and change it.")
class GoalStepInput:
    description: str = strawberry.field(directives=TEAMS)
    responsible: StepResponsibleEnum = strawberry.field(directives=TEAMS)  # type: ignore[valid-type]
    due_on: datetime.date = strawberry.field(directives=TEAMS)
    responsible_account_id: strawberry.ID | None = strawberry.field(
        default=None,
        directives=TEAMS,
        description="A member of the acting team; required when a caseworker is responsible.",
    )
    id: strawberry.ID | None = strawberry.field(
        default=None, directives=TEAMS, description="An existing step of this goal (updates)."
    )


@strawberry.input(description="The whole agreement: area, goal, status and the steps in order.")
class GoalAgreementInput:
    area: GoalAreaEnum = strawberry.field(directives=TEAMS)  # type: ignore[valid-type]
    goal: str = strawberry.field(directives=TEAMS)
    steps: list[GoalStepInput] = strawberry.field(directives=TEAMS)
    status: GoalStatusEnum = strawberry.field(  # type: ignore[valid-type]
        default=GoalStatus.OPEN, directives=TEAMS
    )


def draft_of(submitted: GoalAgreementInput) -> GoalDraft:
    steps = tuple(
        StepDraft(
            description=step.description,
            responsible=StepResponsible(step.responsible),
            responsible_account_id=(
                parse_id(step.responsible_account_id) if step.responsible_account_id else None
            ),
            due_on=step.due_on,
            id=parse_id(step.id) if step.id else None,
        )
        for step in submitted.steps
    )
    return GoalDraft(GoalArea(submitted.area), submitted.goal, steps, GoalStatus(submitted.status))
