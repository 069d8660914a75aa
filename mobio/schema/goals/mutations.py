"""Agreeing, changing and confirming goals. Thin: decode, find the acting team, call, map."""

from __future__ import annotations

from uuid import UUID

import strawberry

from mobio.auth.directives import write
from mobio.auth.grants import Grant
from mobio.errors import forbidden
from mobio.goals import service
from mobio.goals.access import GOAL_TEAM_GRANTS
from mobio.schema.context import Info
from mobio.schema.goals.inputs import GoalAgreementInput, draft_of
from mobio.schema.goals.scope import acting_team, acting_teams, scope_of
from mobio.schema.goals.types import GoalAgreement
from mobio.schema.ids import parse_id

TEAMS = write(*GOAL_TEAM_GRANTS)


async def _teams(info: Info, person_id: UUID) -> frozenset[UUID]:
    grants = await info.context.access.grants_on_person(person_id)
    teams = acting_teams(info, person_id, grants)
    if not teams:
        raise forbidden()
    return teams


async def _goal(info: Info, person_id: UUID, goal_id: UUID) -> GoalAgreement:
    """The goal as the caller now sees it, built for the answer."""
    grants = await info.context.access.grants_on_person(person_id)
    scope = scope_of(info, person_id, grants)
    goal = await service.goal_seen_by(person_id, scope.teams, goal_id)
    return GoalAgreement.build(goal, grants, info.context.language)


def _account(info: Info) -> UUID:
    account = info.context.principal.account_id
    if account is None:  # the directive admits only logged-in callers; stay closed anyway
        raise forbidden()
    return account


@strawberry.type
class GoalMutations:
    @strawberry.mutation(
        directives=TEAMS,
        description="Agree a new goal, held by the caller's team; the newcomer is to confirm it.",
    )
    async def create_goal_agreement(
        self, info: Info, person_id: strawberry.ID, input: GoalAgreementInput
    ) -> GoalAgreement:
        person = UUID(person_id)
        team = acting_team(info, person, await info.context.access.grants_on_person(person))
        if team is None:
            raise forbidden()
        goal_id = await service.create_goal(person, team, _account(info), draft_of(input))
        return await _goal(info, person, goal_id)

    @strawberry.mutation(
        directives=TEAMS,
        description="Change a goal (whole content); raises its version and asks for confirmation.",
    )
    async def update_goal_agreement(
        self,
        info: Info,
        person_id: strawberry.ID,
        goal_id: strawberry.ID,
        expected_version: int,
        input: GoalAgreementInput,
    ) -> GoalAgreement:
        person, goal = UUID(person_id), parse_id(goal_id)
        teams = await _teams(info, person)
        await service.update_goal(
            person, teams, _account(info), goal, expected_version, draft_of(input)
        )
        return await _goal(info, person, goal)

    @strawberry.mutation(directives=TEAMS, description="Mark a step done, or not done again.")
    async def set_goal_step_done(
        self, info: Info, person_id: strawberry.ID, step_id: strawberry.ID, done: bool
    ) -> GoalAgreement:
        person = UUID(person_id)
        teams = await _teams(info, person)
        goal = await service.set_step_done(person, teams, _account(info), parse_id(step_id), done)
        return await _goal(info, person, goal)

    @strawberry.mutation(
        directives=write(Grant.OWNER),
        description="The newcomer confirms the version they read; refused if it changed since.",
    )
    async def confirm_goal_agreement(
        self, info: Info, person_id: strawberry.ID, goal_id: strawberry.ID, version: int
    ) -> GoalAgreement:
        person, goal = UUID(person_id), parse_id(goal_id)
        await service.confirm_goal(person, goal, version)
        return await _goal(info, person, goal)
