"""Reading goal agreements: for many persons at once, each seen through one scope.

The scope is the rule of who sees which goals: the owner sees every goal of their person, a
team only the goals it holds (``GoalAgreement.team``). Two statements, however many persons
and goals: the goals (with their team's name), then all their steps.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from piccolo.custom_types import Combinable

from mobio.db.values import as_uuid
from mobio.goals.tables import GoalAgreement, GoalArea, GoalStatus, GoalStep, StepResponsible

ALL_TEAMS = None
"""Scope of the owner: every goal of the person, whichever team holds it."""


@dataclass(frozen=True, slots=True)
class GoalScope:
    """Whose goals, seen by whom: ``teams`` is None for the owner, else the caller's teams."""

    person_id: UUID
    teams: frozenset[UUID] | None

    def admits(self, team_id: UUID) -> bool:
        return self.teams is None or team_id in self.teams


@dataclass(frozen=True, slots=True)
class StepRecord:
    id: UUID
    position: int
    description: str
    responsible: StepResponsible
    responsible_account_id: UUID | None
    responsible_name: str | None
    due_on: datetime.date
    done_at: datetime.datetime | None


@dataclass(frozen=True, slots=True)
class GoalRecord:
    id: UUID
    person_id: UUID
    team_id: UUID
    team_name: str
    area: GoalArea
    goal: str
    status: GoalStatus
    version: int
    confirmed_version: int | None
    confirmed_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    steps: list[StepRecord] = field(default_factory=list)

    @property
    def needs_confirmation(self) -> bool:
        """True until the newcomer has confirmed exactly the current version."""
        return self.confirmed_version != self.version


async def goals_for(scopes: Sequence[GoalScope]) -> list[list[GoalRecord]]:
    """The goals each scope sees, newest first, in the order of ``scopes``."""
    wanted = [s for s in scopes if s.teams is None or s.teams]
    if not wanted:
        return [[] for _ in scopes]
    where: Combinable = GoalAgreement.person.is_in(list({s.person_id for s in wanted}))
    if all(s.teams is not None for s in wanted):
        # Only teams asking: narrow in SQL too, so other teams' rows never leave the database.
        teams = {team for s in wanted for team in s.teams or ()}
        where &= GoalAgreement.team.is_in(list(teams))
    rows = (
        await GoalAgreement.select(
            *GoalAgreement.all_columns(), GoalAgreement.team.name.as_alias("team_name")
        )
        .where(where)
        .order_by(GoalAgreement.created_at, ascending=False)
        .order_by(GoalAgreement.id)
    )
    goals = [_goal(row) for row in rows]
    steps = await _steps([g.id for g in goals])
    for goal in goals:
        goal.steps.extend(steps.get(goal.id, []))
    return [
        [g for g in goals if g.person_id == s.person_id and s.admits(g.team_id)] for s in scopes
    ]


async def goal_by_id(goal_id: UUID, scope: GoalScope) -> GoalRecord | None:
    """One goal if ``scope`` sees it."""
    for goal in (await goals_for([scope]))[0]:
        if goal.id == goal_id:
            return goal
    return None


def _goal(row: dict[str, Any]) -> GoalRecord:
    return GoalRecord(
        id=as_uuid(row["id"]),
        person_id=as_uuid(row["person"]),
        team_id=as_uuid(row["team"]),
        team_name=str(row["team_name"]),
        area=GoalArea(row["area"]),
        goal=str(row["goal"]),
        status=GoalStatus(row["status"]),
        version=row["version"],
        confirmed_version=row["confirmed_version"],
        confirmed_at=row["confirmed_at"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


async def _steps(goal_ids: list[UUID]) -> dict[UUID, list[StepRecord]]:
    if not goal_ids:
        return {}
    rows = (
        await GoalStep.select(
            *GoalStep.all_columns(),
            GoalStep.responsible_account.display_name.as_alias("responsible_name"),
        )
        .where(GoalStep.goal.is_in(goal_ids))
        .order_by(GoalStep.position)
        .order_by(GoalStep.id)
    )
    found: dict[UUID, list[StepRecord]] = {}
    for row in rows:
        account = row["responsible_account"]
        found.setdefault(as_uuid(row["goal"]), []).append(
            StepRecord(
                id=as_uuid(row["id"]),
                position=row["position"],
                description=row["description"],
                responsible=StepResponsible(row["responsible"]),
                responsible_account_id=as_uuid(account) if account is not None else None,
                responsible_name=row["responsible_name"],
                due_on=row["due_on"],
                done_at=row["done_at"],
            )
        )
    return found
