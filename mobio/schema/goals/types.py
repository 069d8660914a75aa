"""GraphQL types of goal agreements: the owner's and the holding team's, labels in the reader's
language."""

from __future__ import annotations

import datetime

import strawberry

from mobio.auth.directives import read
from mobio.auth.grants import Grant
from mobio.auth.guarded import Guarded
from mobio.goals.access import GOAL_READERS
from mobio.goals.reading import GoalRecord, StepRecord
from mobio.goals.tables import GoalArea, GoalStatus, StepResponsible
from mobio.i18n import translate

GoalAreaEnum = strawberry.enum(GoalArea, name="GoalArea", description="The code list of areas.")
GoalStatusEnum = strawberry.enum(GoalStatus, name="GoalStatus")
StepResponsibleEnum = strawberry.enum(
    StepResponsible, name="StepResponsible", description="Who carries out a step."
)
READERS = read(*GOAL_READERS)


@strawberry.type(description="One step of a goal: what, who is responsible, by when.")
class GoalStep(Guarded):
    id: strawberry.ID | None = strawberry.field(default=None, directives=READERS)
    description: str | None = strawberry.field(default=None, directives=READERS)
    responsible: StepResponsibleEnum | None = strawberry.field(default=None, directives=READERS)  # type: ignore[valid-type]
    responsible_account_id: strawberry.ID | None = strawberry.field(
        default=None, directives=READERS, description="The responsible caseworker's account."
    )
    responsible_name: str | None = strawberry.field(
        default=None, directives=READERS, description="The responsible caseworker's name."
    )
    due_on: datetime.date | None = strawberry.field(default=None, directives=READERS)
    done: bool | None = strawberry.field(default=None, directives=READERS)
    done_at: datetime.datetime | None = strawberry.field(default=None, directives=READERS)

    @classmethod
    def build(cls, step: StepRecord, grants: frozenset[Grant]) -> GoalStep:
        account = step.responsible_account_id
        return cls(
            grants=grants,
            id=strawberry.ID(str(step.id)),
            description=step.description,
            responsible=step.responsible,
            responsible_account_id=strawberry.ID(str(account)) if account else None,
            responsible_name=step.responsible_name,
            due_on=step.due_on,
            done=step.done_at is not None,
            done_at=step.done_at,
        )


@strawberry.type(description="A goal agreed between the newcomer and the team holding it.")
class GoalAgreement(Guarded):
    id: strawberry.ID | None = strawberry.field(default=None, directives=READERS)
    area: GoalAreaEnum | None = strawberry.field(default=None, directives=READERS)  # type: ignore[valid-type]
    area_label: str | None = strawberry.field(
        default=None, directives=READERS, description="The area in the reader's language."
    )
    goal: str | None = strawberry.field(default=None, directives=READERS)
    status: GoalStatusEnum | None = strawberry.field(default=None, directives=READERS)  # type: ignore[valid-type]
    status_label: str | None = strawberry.field(
        default=None, directives=READERS, description="The status in the reader's language."
    )
    team_name: str | None = strawberry.field(
        default=None, directives=READERS, description="The team holding the goal."
    )
    version: int | None = strawberry.field(
        default=None, directives=READERS, description="Raised on every change of the agreement."
    )
    confirmed_version: int | None = strawberry.field(
        default=None, directives=READERS, description="The version the newcomer confirmed."
    )
    confirmed_at: datetime.datetime | None = strawberry.field(default=None, directives=READERS)
    needs_confirmation: bool | None = strawberry.field(
        default=None,
        directives=READERS,
        description="True until the newcomer has confirmed the current version.",
    )
    created_at: datetime.datetime | None = strawberry.field(default=None, directives=READERS)
    updated_at: datetime.datetime | None = strawberry.field(default=None, directives=READERS)
    steps: list[GoalStep] | None = strawberry.field(default=None, directives=READERS)

    @classmethod
    def build(cls, goal: GoalRecord, grants: frozenset[Grant], language: str) -> GoalAgreement:
        return cls(
            grants=grants,
            id=strawberry.ID(str(goal.id)),
            area=goal.area,
            area_label=translate(language, f"goal.area.{goal.area.value}"),
            goal=goal.goal,
            status=goal.status,
            status_label=translate(language, f"goal.status.{goal.status.value}"),
            team_name=goal.team_name,
            version=goal.version,
            confirmed_version=goal.confirmed_version,
            confirmed_at=goal.confirmed_at,
            needs_confirmation=goal.needs_confirmation,
            created_at=goal.created_at,
            updated_at=goal.updated_at,
            steps=[GoalStep.build(step, grants) for step in goal.steps],
        )
