"""Goal agreements in the service: agreed by a team, changed with a version, confirmed."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from uuid import uuid4

import pytest

from mobio import timeutil
from mobio.errors import MobioError
from mobio.goals import service
from mobio.goals.drafts import MAX_GOAL_LENGTH, MAX_STEP_LENGTH, MAX_STEPS, GoalDraft, StepDraft
from mobio.goals.reading import ALL_TEAMS, GoalRecord, GoalScope, goals_for
from mobio.goals.tables import GoalAgreement, GoalStatus, GoalStep, StepResponsible
from mobio.organisations.tables import TeamKind
from mobio.releases import service as releases
from mobio.releases.tables import TeamRelease
from tests.goals.helpers import Case, case, draft, in_days
from tests.support import factories


async def _owner_view(subject: Case) -> list[GoalRecord]:
    return (await goals_for([GoalScope(subject.newcomer.person_id, ALL_TEAMS)]))[0]


async def _create(subject: Case, goal: GoalDraft | None = None) -> GoalRecord:
    worker = subject.worker
    await service.create_goal(
        subject.newcomer.person_id,
        worker.team_id,
        worker.account_id,
        goal or draft(worker.account_id),
    )
    (created,) = await _owner_view(subject)
    return created


async def _update(subject: Case, goal: GoalRecord, version: int, new: GoalDraft) -> None:
    await service.update_goal(
        subject.newcomer.person_id,
        frozenset({subject.worker.team_id}),
        subject.worker.account_id,
        goal.id,
        version,
        new,
    )


def _kept_steps(goal: GoalRecord, new_goal: str = "Reach level B2") -> GoalDraft:
    """The same steps (by id), with a changed goal text."""
    steps = tuple(
        StepDraft(s.description, s.responsible, s.responsible_account_id, s.due_on, s.id)
        for s in goal.steps
    )
    return GoalDraft(goal.area, new_goal, steps, goal.status)


async def test_a_new_goal_waits_for_the_newcomers_confirmation() -> None:
    # given a team holding a release
    subject = await case()
    # when it agrees a goal with two steps
    goal = await _create(subject)
    # then it is open, at version 1, unconfirmed, with its steps in order
    assert (goal.status, goal.version, goal.confirmed_version) == (GoalStatus.OPEN, 1, None)
    assert goal.needs_confirmation
    assert [s.responsible for s in goal.steps] == [
        StepResponsible.CASEWORKER,
        StepResponsible.NEWCOMER,
    ]
    assert goal.steps[0].responsible_account_id == subject.worker.account_id
    # and once the newcomer confirms version 1, it needs no confirmation
    await service.confirm_goal(subject.newcomer.person_id, goal.id, 1)
    (confirmed,) = await _owner_view(subject)
    assert confirmed.confirmed_version == 1 and not confirmed.needs_confirmation


async def test_a_change_needs_a_new_confirmation() -> None:
    # given a confirmed goal
    subject = await case()
    goal = await _create(subject)
    await service.confirm_goal(subject.newcomer.person_id, goal.id, 1)
    # when the team changes the goal
    await _update(subject, goal, 1, _kept_steps(goal))
    # then its version rose and the confirmation is gone
    (changed,) = await _owner_view(subject)
    assert (changed.goal, changed.version, changed.confirmed_version) == ("Reach level B2", 2, None)
    assert [s.id for s in changed.steps] == [s.id for s in goal.steps]
    # and confirming the old version is refused, the new one accepted
    with pytest.raises(MobioError) as stale:
        await service.confirm_goal(subject.newcomer.person_id, goal.id, 1)
    assert stale.value.code == "CONFIRMATION_STALE"
    assert stale.value.extensions == {"currentVersion": 2}
    await service.confirm_goal(subject.newcomer.person_id, goal.id, 2)
    (confirmed,) = await _owner_view(subject)
    assert confirmed.confirmed_version == 2


async def test_saving_unchanged_content_keeps_the_confirmation() -> None:
    subject = await case()
    goal = await _create(subject)
    await service.confirm_goal(subject.newcomer.person_id, goal.id, 1)
    await _update(subject, goal, 1, _kept_steps(goal, goal.goal))
    (same,) = await _owner_view(subject)
    assert (same.version, same.confirmed_version) == (1, 1)


async def test_a_stale_expected_version_is_a_conflict_and_changes_nothing() -> None:
    # given a goal another caseworker already changed to version 2
    subject = await case()
    goal = await _create(subject)
    await _update(subject, goal, 1, _kept_steps(goal))
    # when saving on top of version 1
    with pytest.raises(MobioError) as conflict:
        await _update(subject, goal, 1, _kept_steps(goal, "Something else"))
    # then it is refused with the current version, and the goal stays as it was
    assert conflict.value.code == "VERSION_CONFLICT"
    assert conflict.value.extensions == {"currentVersion": 2}
    (stored,) = await _owner_view(subject)
    assert (stored.goal, stored.version) == ("Reach level B2", 2)


async def test_steps_are_kept_added_and_dropped_by_id() -> None:
    # given a goal whose first step is done and was reminded of
    subject = await case()
    goal = await _create(subject)
    first, second = goal.steps
    await service.set_step_done(
        subject.newcomer.person_id,
        frozenset({subject.worker.team_id}),
        subject.worker.account_id,
        first.id,
        True,
    )
    await GoalStep.update({GoalStep.reminded_before_at: timeutil.now()}).where(
        GoalStep.id.is_in([first.id, second.id])
    )
    # when the team keeps the first, moves the second's date and adds a third
    kept = _kept_steps(goal).steps
    new = GoalDraft(
        goal.area,
        goal.goal,
        (
            kept[0],
            replace(kept[1], due_on=in_days(60)),
            StepDraft("Take the exam", StepResponsible.NEWCOMER, None, in_days(90)),
        ),
    )
    await _update(subject, goal, 1, new)
    # then the first is still done and reminded, the moved one may be reminded again
    (stored,) = await _owner_view(subject)
    assert [s.description for s in stored.steps][2] == "Take the exam"
    assert stored.steps[0].id == first.id and stored.steps[0].done_at is not None
    marks = {
        row["id"]: row["reminded_before_at"]
        for row in await GoalStep.select(GoalStep.id, GoalStep.reminded_before_at)
    }
    assert marks[first.id] is not None and marks[second.id] is None
    # and dropping steps removes them
    await _update(subject, stored, 2, GoalDraft(goal.area, goal.goal, (kept[0],)))
    assert await GoalStep.count() == 1


async def test_marking_a_step_done_keeps_the_agreement_and_its_confirmation() -> None:
    subject = await case()
    goal = await _create(subject)
    await service.confirm_goal(subject.newcomer.person_id, goal.id, 1)
    teams = frozenset({subject.worker.team_id})
    args = (subject.newcomer.person_id, teams, subject.worker.account_id, goal.steps[1].id)
    await service.set_step_done(*args, True)
    (done,) = await _owner_view(subject)
    assert done.steps[1].done_at is not None
    assert (done.version, done.confirmed_version) == (1, 1)
    await service.set_step_done(*args, False)
    (undone,) = await _owner_view(subject)
    assert undone.steps[1].done_at is None


def _bad_drafts(worker: factories.Caseworker) -> dict[str, GoalDraft]:
    good = draft(worker.account_id)
    step = good.steps[0]
    return {
        "error.goal_empty": replace(good, goal="   "),
        "error.goal_too_long": replace(good, goal="x" * (MAX_GOAL_LENGTH + 1)),
        "error.goal_step_count": replace(good, steps=()),
        "error.goal_step_empty": replace(good, steps=(replace(step, description=" "),)),
        "error.goal_step_too_long": replace(
            good, steps=(replace(step, description="x" * (MAX_STEP_LENGTH + 1)),)
        ),
        "error.goal_due_in_past": replace(good, steps=(replace(step, due_on=in_days(-1)),)),
        "error.goal_responsible_missing": replace(
            good, steps=(replace(step, responsible_account_id=None),)
        ),
        "error.goal_responsible_unknown": replace(
            good, steps=(replace(step, responsible_account_id=uuid4()),)
        ),
        "error.goal_step_unknown": replace(good, steps=(replace(step, id=uuid4()),)),
    }


async def test_bad_input_is_refused_with_its_message_and_changes_nothing() -> None:
    subject = await case()
    for message_id, bad in _bad_drafts(subject.worker).items():
        with pytest.raises(MobioError) as refused:
            await _create(subject, bad)
        assert (refused.value.code, refused.value.message_id) == ("BAD_INPUT", message_id)
    assert await GoalAgreement.count() == 0 and await GoalStep.count() == 0


async def test_too_many_steps_are_refused() -> None:
    subject = await case()
    good = draft(subject.worker.account_id)
    with pytest.raises(MobioError) as refused:
        await _create(subject, replace(good, steps=good.steps[1:] * (MAX_STEPS + 1)))
    assert refused.value.message_id == "error.goal_step_count"


async def test_a_responsible_caseworker_of_another_team_is_refused() -> None:
    subject = await case()
    stranger = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    with pytest.raises(MobioError) as refused:
        await _create(subject, draft(stranger.account_id))
    assert refused.value.message_id == "error.goal_responsible_unknown"


async def test_a_past_step_may_stay_but_not_be_moved_into_the_past() -> None:
    # given a goal whose steps are now overdue
    subject = await case()
    goal = await _create(subject, draft(subject.worker.account_id, due_in=1))
    timeutil.travel(timedelta(days=10))
    # then a change of the goal text alone is accepted
    await _update(subject, goal, 1, _kept_steps(goal))
    # but moving a step to another past date is not
    kept = _kept_steps(goal).steps
    moved = GoalDraft(goal.area, goal.goal, (replace(kept[0], due_on=in_days(-2)), kept[1]))
    with pytest.raises(MobioError) as refused:
        await _update(subject, goal, 2, moved)
    assert refused.value.message_id == "error.goal_due_in_past"


async def test_a_team_whose_release_ended_may_not_write() -> None:
    # given a goal of a team whose release the newcomer revoked
    subject = await case()
    goal = await _create(subject)
    release = await TeamRelease.select(TeamRelease.id).first()
    assert release is not None
    await releases.revoke_team_release(subject.newcomer.person_id, release["id"])
    teams = frozenset({subject.worker.team_id})
    # then neither a new goal, a change nor a step done is accepted
    person, worker = subject.newcomer.person_id, subject.worker
    calls = [
        service.create_goal(person, worker.team_id, worker.account_id, draft(worker.account_id)),
        service.update_goal(person, teams, worker.account_id, goal.id, 1, _kept_steps(goal)),
        service.set_step_done(person, teams, worker.account_id, goal.steps[0].id, True),
    ]
    for call in calls:
        with pytest.raises(MobioError) as refused:
            await call
        assert refused.value.code == "FORBIDDEN"
    (stored,) = await _owner_view(subject)
    assert stored.version == 1 and stored.steps[0].done_at is None


async def test_another_team_cannot_reach_the_goal_even_holding_a_release() -> None:
    # given a goal of one team, and another team that also holds a release
    subject = await case()
    goal = await _create(subject)
    other = await factories.released_caseworker(
        TeamKind.INTEGRATION_MANAGEMENT, subject.newcomer.person_id
    )
    teams = frozenset({other.team_id})
    person = subject.newcomer.person_id
    # then the other team sees none of it and cannot change it
    assert (await goals_for([GoalScope(person, teams)]))[0] == []
    for call in (
        service.update_goal(person, teams, other.account_id, goal.id, 1, _kept_steps(goal)),
        service.set_step_done(person, teams, other.account_id, goal.steps[0].id, True),
    ):
        with pytest.raises(MobioError) as refused:
            await call
        assert refused.value.code == "FORBIDDEN"


async def test_confirming_a_goal_of_another_person_is_forbidden() -> None:
    subject = await case()
    goal = await _create(subject)
    stranger = await factories.newcomer()
    with pytest.raises(MobioError) as refused:
        await service.confirm_goal(stranger.person_id, goal.id, 1)
    assert refused.value.code == "FORBIDDEN"
