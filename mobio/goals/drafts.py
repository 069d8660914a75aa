"""What a caseworker submits for a goal, checked before anything is written.

Every rule raises a translated BAD_INPUT; the request transaction then rolls back, so bad
input changes nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from uuid import UUID

from mobio import timeutil
from mobio.errors import bad_input
from mobio.goals.reading import StepRecord
from mobio.goals.tables import GoalArea, GoalStatus, StepResponsible
from mobio.organisations.tables import TeamMembership

MAX_GOAL_LENGTH = 2000
MAX_STEP_LENGTH = 1000
MAX_STEPS = 20
"""A goal is agreed in a conversation; more steps than this would be a plan, not an agreement."""


@dataclass(frozen=True, slots=True)
class StepDraft:
    """One step as submitted; ``id`` names an existing step on update (None: a new one)."""

    description: str
    responsible: StepResponsible
    responsible_account_id: UUID | None
    due_on: datetime.date
    id: UUID | None = None


@dataclass(frozen=True, slots=True)
class GoalDraft:
    area: GoalArea
    goal: str
    steps: tuple[StepDraft, ...]
    status: GoalStatus = GoalStatus.OPEN


def tidy(draft: GoalDraft) -> GoalDraft:
    """Surrounding white space is not content: strip it before checking and storing."""
    steps = tuple(
        StepDraft(s.description.strip(), s.responsible, s.responsible_account_id, s.due_on, s.id)
        for s in draft.steps
    )
    return GoalDraft(draft.area, draft.goal.strip(), steps, draft.status)


async def check(draft: GoalDraft, team_id: UUID, existing: Mapping[UUID, StepRecord]) -> None:
    """Refuse the draft unless every rule holds; ``existing`` are the goal's stored steps."""
    if not draft.goal:
        raise bad_input("error.goal_empty")
    if len(draft.goal) > MAX_GOAL_LENGTH:
        raise bad_input("error.goal_too_long", max=MAX_GOAL_LENGTH)
    if not 1 <= len(draft.steps) <= MAX_STEPS:
        raise bad_input("error.goal_step_count", max=MAX_STEPS)
    ids = [s.id for s in draft.steps if s.id is not None]
    if len(ids) != len(set(ids)) or any(i not in existing for i in ids):
        raise bad_input("error.goal_step_unknown")
    today = timeutil.local_today()
    for step in draft.steps:
        _check_step(step, existing.get(step.id) if step.id else None, today)
    await _check_responsible(draft.steps, team_id)


def _check_step(step: StepDraft, stored: StepRecord | None, today: datetime.date) -> None:
    if not step.description:
        raise bad_input("error.goal_step_empty")
    if len(step.description) > MAX_STEP_LENGTH:
        raise bad_input("error.goal_step_too_long", max=MAX_STEP_LENGTH)
    # A step already overdue may stay as it is; a new or moved date must lie ahead.
    moved = stored is None or stored.due_on != step.due_on
    if moved and step.due_on < today:
        raise bad_input("error.goal_due_in_past")
    if step.responsible is StepResponsible.CASEWORKER and step.responsible_account_id is None:
        raise bad_input("error.goal_responsible_missing")


async def _check_responsible(steps: tuple[StepDraft, ...], team_id: UUID) -> None:
    """A named caseworker must belong to the acting team (one query for all steps)."""
    named = {s.responsible_account_id for s in steps if s.responsible_account_id is not None}
    if not named:
        return
    members = await TeamMembership.select(TeamMembership.account).where(
        (TeamMembership.team == team_id) & TeamMembership.account.is_in(list(named))
    )
    if len(members) != len(named):
        raise bad_input("error.goal_responsible_unknown")
