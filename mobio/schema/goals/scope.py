"""Through which teams the caller sees a person's goals: the one place that decides it."""

from __future__ import annotations

from uuid import UUID

from mobio.auth.grants import Grant
from mobio.goals.access import GOAL_TEAM_GRANTS
from mobio.goals.reading import ALL_TEAMS, GoalScope
from mobio.schema.context import Info


def acting_teams(info: Info, person_id: UUID, grants: frozenset[Grant]) -> frozenset[UUID]:
    """The caller's teams whose active release gives them a goal grant on the person."""
    access = info.context.access
    teams = (access.team_for(person_id, grant) for grant in GOAL_TEAM_GRANTS if grant in grants)
    return frozenset(team for team in teams if team is not None)


def acting_team(info: Info, person_id: UUID, grants: frozenset[Grant]) -> UUID | None:
    """The team that agrees a new goal: of two holding a release (rare), the first by grant
    order (social counselling before integration management), so the choice is stable."""
    for grant in GOAL_TEAM_GRANTS:
        team = info.context.access.team_for(person_id, grant) if grant in grants else None
        if team is not None:
            return team
    return None


def scope_of(info: Info, person_id: UUID, grants: frozenset[Grant]) -> GoalScope:
    """The owner sees every goal of their person; a team only those it holds."""
    if Grant.OWNER in grants:
        return GoalScope(person_id, ALL_TEAMS)
    return GoalScope(person_id, acting_teams(info, person_id, grants))
