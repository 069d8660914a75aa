"""Reminders of goal steps under a moved clock: before the due date, when overdue, once each."""

from __future__ import annotations

import asyncio
import datetime
from datetime import timedelta
from email.message import EmailMessage

from mobio import timeutil
from mobio.accounts.tables import Account
from mobio.goals import service
from mobio.goals.drafts import GoalDraft, StepDraft
from mobio.goals.jobs import remind_goal_steps
from mobio.goals.reading import ALL_TEAMS, GoalScope, goals_for
from mobio.goals.tables import GoalAgreement, GoalStatus, GoalStep
from mobio.jobs import periodic
from mobio.organisations import service as organisations
from mobio.organisations.tables import TeamKind
from mobio.persons.tables import Person
from mobio.releases.tables import TeamRelease
from tests.goals.helpers import Case, case, draft
from tests.support import factories, outbox

GOAL_TEXT = "Reach level B1 in German"
STEP_TEXT = "Find a B1 course with child care"


async def _agree(subject: Case, goal: GoalDraft | None = None) -> None:
    worker = subject.worker
    await service.create_goal(
        subject.newcomer.person_id,
        worker.team_id,
        worker.account_id,
        goal or draft(worker.account_id, goal=GOAL_TEXT, due_in=10),
    )


async def _french_caseworker(subject: Case) -> None:
    await Account.update({Account.language: "fr"}).where(Account.id == subject.worker.account_id)


def _to(mails: list[EmailMessage], address: str) -> list[EmailMessage]:
    return [mail for mail in mails if mail["To"] == address]


def _due(days: int) -> str:
    return (timeutil.local_today() + timedelta(days=days)).strftime("%d.%m.%Y")


async def test_before_the_due_date_each_is_reminded_once_in_their_language() -> None:
    # given an Arabic-speaking newcomer, a French-speaking caseworker, a step due in 10 days
    subject = await case(language="ar")
    await _french_caseworker(subject)
    await _agree(subject)
    due = _due(10)
    # when the job runs now: too early
    assert await remind_goal_steps({}) == 0
    # and then 7 days later, three times
    timeutil.travel(timedelta(days=7))
    assert await remind_goal_steps({}) == 1  # the first step; the second is due in 10 days
    await remind_goal_steps({})
    await remind_goal_steps({})
    mails = await outbox.sent_mails()
    # then the newcomer got one mail in Arabic and the caseworker one in French
    assert len(mails) == 2
    (newcomer,) = _to(mails, subject.newcomer.email)
    (worker,) = _to(mails, subject.worker.email)
    assert "تذكير" in newcomer["Subject"] and due in newcomer["Subject"]
    assert "«اللغة»" in outbox.body(newcomer)
    assert worker["Subject"].startswith("Rappel") and "« Langue »" in outbox.body(worker)
    # and neither mail tells what was agreed
    for mail in mails:
        assert GOAL_TEXT not in outbox.body(mail) and STEP_TEXT not in outbox.body(mail)


async def test_an_overdue_step_is_reminded_once_more() -> None:
    # given a step that was reminded before its due date
    subject = await case(language="de")
    await _agree(subject)
    timeutil.travel(timedelta(days=8))
    await remind_goal_steps({})
    # when the due date has passed and the job runs twice
    timeutil.travel(timedelta(days=3))
    await remind_goal_steps({})
    await remind_goal_steps({})
    # then each got exactly one overdue reminder besides the earlier one
    mails = await outbox.sent_mails()
    newcomer = _to(mails, subject.newcomer.email)
    assert [m["Subject"].split(":")[0] for m in newcomer] == [
        "Erinnerung",
        "Ein Schritt Ihrer Zielvereinbarung war am " + _due(-1) + " fällig",
    ]
    assert len(_to(mails, subject.worker.email)) == 2
    assert "„Sprache“" in outbox.body(newcomer[1])


async def test_two_workers_at_once_send_each_reminder_once() -> None:
    subject = await case()
    await _agree(subject)
    timeutil.travel(timedelta(days=8))
    counts = await asyncio.gather(remind_goal_steps({}), remind_goal_steps({}))
    assert sorted(counts) == [0, 1]
    assert len(await outbox.sent_mails()) == 2


async def test_done_steps_and_closed_goals_get_no_reminder() -> None:
    # given one goal whose due step is done, and another that was reached
    subject = await case()
    await _agree(subject)
    await _agree(subject)
    first, second = await GoalAgreement.select(GoalAgreement.id).order_by(GoalAgreement.id)
    await GoalStep.update({GoalStep.done_at: timeutil.now()}).where(GoalStep.goal == first["id"])
    await GoalAgreement.update({GoalAgreement.status: GoalStatus.REACHED}).where(
        GoalAgreement.id == second["id"]
    )
    # when the due dates come and go
    for days in (8, 30):
        timeutil.travel(timedelta(days=days))
        assert await remind_goal_steps({}) == 0
    # then nobody was reminded
    assert await outbox.sent_mails() == []


async def test_an_unclaimed_profile_reminds_only_the_caseworker() -> None:
    # given a profile without an account, released to a team
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    person = Person(family_name="Unclaimed", created_at=timeutil.now())
    await person.save()
    await factories.team_release(person.id, worker.team_id)
    await _agree(Case(factories.Newcomer("", worker.account_id, person.id), worker))
    # when a step is due soon
    timeutil.travel(timedelta(days=8))
    await remind_goal_steps({})
    # then only the caseworker is told
    mails = await outbox.sent_mails()
    assert [m["To"] for m in mails] == [worker.email]


async def test_a_caseworker_who_left_the_team_is_not_reminded() -> None:
    subject = await case()
    await _agree(subject)
    await organisations.remove_member(subject.worker.team_id, subject.worker.account_id)
    timeutil.travel(timedelta(days=8))
    await remind_goal_steps({})
    mails = await outbox.sent_mails()
    assert [m["To"] for m in mails] == [subject.newcomer.email]


async def test_a_moved_due_date_is_reminded_again() -> None:
    # given a reminded step whose date the team then moves
    subject = await case()
    await _agree(subject)
    timeutil.travel(timedelta(days=8))
    await remind_goal_steps({})
    ((goal,),) = await goals_for([GoalScope(subject.newcomer.person_id, ALL_TEAMS)])
    moved = tuple(
        StepDraft(
            s.description,
            s.responsible,
            s.responsible_account_id,
            s.due_on + datetime.timedelta(days=10),
            s.id,
        )
        for s in goal.steps
    )
    await service.update_goal(
        subject.newcomer.person_id,
        frozenset({subject.worker.team_id}),
        subject.worker.account_id,
        goal.id,
        1,
        GoalDraft(goal.area, goal.goal, moved),
    )
    # when the new date comes near
    timeutil.travel(timedelta(days=9))
    await remind_goal_steps({})
    # then the step is reminded again, to both (the second step is not due yet)
    assert len(await outbox.sent_mails()) == 2 + 2


def test_the_reminders_are_scheduled() -> None:
    assert remind_goal_steps in periodic.HOURLY
    assert "cron:remind_goal_steps" in {job.name for job in periodic.cron_jobs()}


async def test_after_the_release_ends_only_the_newcomer_is_reminded() -> None:
    # given a goal of a team whose release the newcomer then revoked
    subject = await case()
    await _agree(subject)
    await TeamRelease.update({TeamRelease.revoked_at: timeutil.now()}, force=True)
    # when a step comes due
    timeutil.travel(timedelta(days=8))
    assert await remind_goal_steps({}) == 1
    # then the newcomer is still reminded of their own agreement; the team, without access, not
    mails = await outbox.sent_mails()
    assert [m["To"] for m in mails] == [subject.newcomer.email]
