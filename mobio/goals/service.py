"""Goal agreements: a team holding a release agrees goals with the newcomer, who confirms them.

Every change of the agreement (area, goal, status, steps) raises ``version`` and clears the
newcomer's confirmation, so what the newcomer confirmed is always exactly what was agreed.
Marking a step done records progress on what was agreed and changes neither. Writes check
the caller's expected version, like the biography's sections.

Callers pass the teams through which they act (``team_for`` of their grant); a team reaches
only the goals it holds, and only while its release is active.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from piccolo.columns import Column

from mobio import timeutil
from mobio.db.values import as_uuid
from mobio.errors import MobioError, forbidden
from mobio.goals.drafts import GoalDraft, StepDraft, check, tidy
from mobio.goals.errors import GoalErrorCode
from mobio.goals.reading import GoalRecord, GoalScope, StepRecord, goal_by_id
from mobio.goals.tables import GoalAgreement, GoalStep
from mobio.releases.active import active_team_release
from mobio.releases.tables import TeamRelease


async def create_goal(person_id: UUID, team_id: UUID, account_id: UUID, draft: GoalDraft) -> UUID:
    """A new goal held by ``team_id``, unconfirmed at version 1."""
    await _require_release(person_id, team_id)
    draft = tidy(draft)
    await check(draft, team_id, {})
    now = timeutil.now()
    goal = GoalAgreement(
        person=person_id,
        team=team_id,
        area=draft.area,
        goal=draft.goal,
        status=draft.status,
        version=1,
        created_at=now,
        created_by=account_id,
        updated_at=now,
        updated_by=account_id,
    )
    await goal.save()
    goal_id = as_uuid(goal.id)
    await _insert_steps(goal_id, list(enumerate(draft.steps)))
    return goal_id


async def update_goal(
    person_id: UUID,
    teams: frozenset[UUID],
    account_id: UUID,
    goal_id: UUID,
    expected_version: int,
    draft: GoalDraft,
) -> None:
    """Replace the goal's content and steps (steps named by id are kept and changed)."""
    stored = await _held_goal(person_id, teams, goal_id)
    if stored.version != expected_version:
        raise _conflict(stored.version)
    draft = tidy(draft)
    existing = {step.id: step for step in stored.steps}
    await check(draft, stored.team_id, existing)
    if _content(draft) == _stored_content(stored):
        return  # nothing changed: the confirmation still holds
    claimed = await (
        GoalAgreement.update(
            {
                GoalAgreement.area: draft.area,
                GoalAgreement.goal: draft.goal,
                GoalAgreement.status: draft.status,
                GoalAgreement.version: GoalAgreement.version + 1,
                GoalAgreement.confirmed_version: None,
                GoalAgreement.confirmed_at: None,
                GoalAgreement.updated_at: timeutil.now(),
                GoalAgreement.updated_by: account_id,
            }
        )
        .where((GoalAgreement.id == goal_id) & (GoalAgreement.version == expected_version))
        .returning(GoalAgreement.id)
    )
    if not claimed:  # another save got in between our read and this write
        current = await GoalAgreement.select(GoalAgreement.version).where(
            GoalAgreement.id == goal_id
        )
        raise _conflict(current[0]["version"] if current else expected_version)
    await _replace_steps(goal_id, draft.steps, existing)


async def set_step_done(
    person_id: UUID, teams: frozenset[UUID], account_id: UUID, step_id: UUID, done: bool
) -> UUID:
    """Mark a step done (or not done again); returns the step's goal."""
    row = await (
        GoalStep.select(GoalStep.goal, GoalStep.goal.team, GoalStep.done_at)
        .where((GoalStep.id == step_id) & (GoalStep.goal.person == person_id))
        .first()
    )
    if row is None or as_uuid(row["goal.team"]) not in teams:
        raise forbidden()
    goal_id = as_uuid(row["goal"])
    await _require_release(person_id, as_uuid(row["goal.team"]))
    if (row["done_at"] is not None) == done:
        return goal_id
    now = timeutil.now()
    await GoalStep.update({GoalStep.done_at: now if done else None}).where(GoalStep.id == step_id)
    await GoalAgreement.update(
        {GoalAgreement.updated_at: now, GoalAgreement.updated_by: account_id}
    ).where(GoalAgreement.id == goal_id)
    return goal_id


async def confirm_goal(person_id: UUID, goal_id: UUID, version: int) -> None:
    """The newcomer confirms ``version``; refused if the goal has changed since."""
    confirmed = await (
        GoalAgreement.update(
            {GoalAgreement.confirmed_version: version, GoalAgreement.confirmed_at: timeutil.now()}
        )
        .where(
            (GoalAgreement.id == goal_id)
            & (GoalAgreement.person == person_id)
            & (GoalAgreement.version == version)
        )
        .returning(GoalAgreement.id)
    )
    if confirmed:
        return
    current = await (
        GoalAgreement.select(GoalAgreement.version)
        .where((GoalAgreement.id == goal_id) & (GoalAgreement.person == person_id))
        .first()
    )
    if current is None:
        raise forbidden()
    stale = MobioError(GoalErrorCode.CONFIRMATION_STALE, "error.goal_confirmation_stale")
    stale.extensions["currentVersion"] = current["version"]
    raise stale


async def goal_seen_by(person_id: UUID, teams: frozenset[UUID] | None, goal_id: UUID) -> GoalRecord:
    """One goal as the caller sees it (``teams`` None: the owner); FORBIDDEN if not theirs."""
    goal = await goal_by_id(goal_id, GoalScope(person_id, teams))
    if goal is None:
        raise forbidden()
    return goal


async def _held_goal(person_id: UUID, teams: frozenset[UUID], goal_id: UUID) -> GoalRecord:
    if not teams:
        raise forbidden()
    goal = await goal_seen_by(person_id, teams, goal_id)
    await _require_release(person_id, goal.team_id)
    return goal


async def _require_release(person_id: UUID, team_id: UUID) -> None:
    """The team must hold an active release right now (checked again here, not only upstream)."""
    held = await TeamRelease.exists().where(
        (TeamRelease.person == person_id) & (TeamRelease.team == team_id) & active_team_release()
    )
    if not held:
        raise forbidden()


def _conflict(current_version: int) -> MobioError:
    conflict = MobioError(GoalErrorCode.VERSION_CONFLICT, "error.version_conflict")
    # The client reloads the goal and shows the other caseworker's changes before saving again.
    conflict.extensions["currentVersion"] = current_version
    return conflict


def _content(draft: GoalDraft) -> tuple[object, ...]:
    steps = tuple(
        (s.id, s.description, s.responsible, s.responsible_account_id, s.due_on)
        for s in draft.steps
    )
    return (draft.area, draft.goal, draft.status, steps)


def _stored_content(goal: GoalRecord) -> tuple[object, ...]:
    steps = tuple(
        (s.id, s.description, s.responsible, s.responsible_account_id, s.due_on) for s in goal.steps
    )
    return (goal.area, goal.goal, goal.status, steps)


async def _insert_steps(goal_id: UUID, steps: list[tuple[int, StepDraft]]) -> None:
    if not steps:
        return
    await GoalStep.insert(
        *[
            GoalStep(
                goal=goal_id,
                position=position,
                description=step.description,
                responsible=step.responsible,
                responsible_account=step.responsible_account_id,
                due_on=step.due_on,
            )
            for position, step in steps
        ]
    )


async def _replace_steps(
    goal_id: UUID, steps: tuple[StepDraft, ...], existing: dict[UUID, StepRecord]
) -> None:
    kept = [s.id for s in steps if s.id is not None]
    dropped = [step_id for step_id in existing if step_id not in kept]
    if dropped:
        await GoalStep.delete().where(GoalStep.id.is_in(dropped))
    for position, step in enumerate(steps):
        if step.id is None:
            continue
        values: dict[Column | str, Any] = {
            GoalStep.position: position,
            GoalStep.description: step.description,
            GoalStep.responsible: step.responsible,
            GoalStep.responsible_account: step.responsible_account_id,
            GoalStep.due_on: step.due_on,
        }
        if existing[step.id].due_on != step.due_on:
            # A new date gets its own reminders.
            values[GoalStep.reminded_before_at] = None
            values[GoalStep.reminded_overdue_at] = None
        await GoalStep.update(values).where(GoalStep.id == step.id)
    await _insert_steps(goal_id, [(p, s) for p, s in enumerate(steps) if s.id is None])
