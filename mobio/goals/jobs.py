"""Reminders for the steps of open goals: once before the due date, once when overdue.

Each reminder goes to the newcomer (if the profile has an owner yet) and to the step's
responsible caseworker while they still belong to the team holding the goal and that team
still holds an active release, each in their own language. A step is claimed with
``UPDATE ... WHERE reminded_x IS NULL RETURNING``, so of two workers running at once only one
sends, and a later run sends nothing. Mails name only
the goal's area and the due date: a mail box is no place for what was agreed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import UUID

from piccolo.columns import Column
from piccolo.custom_types import Combinable

from mobio import timeutil
from mobio.db.values import as_uuid
from mobio.goals.tables import GoalStatus, GoalStep
from mobio.i18n import translate
from mobio.jobs.queue import enqueue
from mobio.organisations.tables import TeamMembership
from mobio.releases.active import active_team_release
from mobio.releases.tables import TeamRelease
from mobio.settings import get_settings

REMIND_DAYS_BEFORE = 3
"""Days before the due date the first reminder goes out. A constant like the link reminders'
two days: mobio.settings holds deployment settings, not rules of the case work."""
OPEN_STATUSES = [GoalStatus.OPEN, GoalStatus.IN_PROGRESS]


@dataclass(frozen=True, slots=True)
class Reminder:
    """The message ids of one kind of reminder, for the newcomer and for the caseworker."""

    newcomer_subject: str
    newcomer_body: str
    caseworker_subject: str
    caseworker_body: str


DUE_SOON = Reminder(
    "mail.goal_due_soon.subject",
    "mail.goal_due_soon.body",
    "mail.goal_due_soon_team.subject",
    "mail.goal_due_soon_team.body",
)
OVERDUE = Reminder(
    "mail.goal_overdue.subject",
    "mail.goal_overdue.body",
    "mail.goal_overdue_team.subject",
    "mail.goal_overdue_team.body",
)


async def remind_goal_steps(ctx: dict[str, Any]) -> int:
    """Send the reminders due now; returns how many step reminders were claimed."""
    today = timeutil.local_today()
    soon = (GoalStep.due_on >= today) & (
        GoalStep.due_on <= today + timedelta(days=REMIND_DAYS_BEFORE)
    )
    sent = await _remind(GoalStep.reminded_before_at, soon, DUE_SOON)
    sent += await _remind(GoalStep.reminded_overdue_at, GoalStep.due_on < today, OVERDUE)
    return sent


async def _remind(mark: Column, when: Combinable, reminder: Reminder) -> int:
    candidates = await GoalStep.select(GoalStep.id).where(
        when
        & mark.is_null()
        & GoalStep.done_at.is_null()
        & GoalStep.goal.status.is_in(OPEN_STATUSES)
    )
    if not candidates:
        return 0
    # Claimed before sending: a reminder may be lost if a mail fails, but never sent twice.
    claimed = await (
        GoalStep.update({mark: timeutil.now()})
        .where(GoalStep.id.is_in([row["id"] for row in candidates]) & mark.is_null())
        .returning(GoalStep.id)
    )
    if not claimed:
        return 0
    rows = await GoalStep.select(
        GoalStep.due_on,
        GoalStep.responsible_account,
        GoalStep.goal.person,
        GoalStep.goal.team,
        GoalStep.goal.area,
        GoalStep.goal.person.account.email,  # type: ignore[union-attr]
        GoalStep.goal.person.account.language,  # type: ignore[union-attr]
        GoalStep.responsible_account.email,
        GoalStep.responsible_account.language,
    ).where(GoalStep.id.is_in([row["id"] for row in claimed]))
    reachable = await _reachable_caseworkers(rows)
    for row in rows:
        area, due_on = row["goal.area"], row["due_on"]
        if row["goal.person.account.email"] is not None:  # an unclaimed profile: nobody yet
            await _mail(
                row["goal.person.account.email"],
                row["goal.person.account.language"],
                (reminder.newcomer_subject, reminder.newcomer_body),
                area,
                due_on,
            )
        worker = row["responsible_account"]
        goal_of = (as_uuid(row["goal.person"]), as_uuid(row["goal.team"]))
        if worker is not None and (*goal_of, as_uuid(worker)) in reachable:
            await _mail(
                row["responsible_account.email"],
                row["responsible_account.language"],
                (reminder.caseworker_subject, reminder.caseworker_body),
                area,
                due_on,
            )
    return len(rows)


async def _reachable_caseworkers(rows: list[dict[str, Any]]) -> set[tuple[UUID, UUID, UUID]]:
    """(person, team, account) of responsible caseworkers still in the goal's team, while that
    team holds an active release from the person: a team without access hears nothing."""
    accounts = list({row["responsible_account"] for row in rows} - {None})
    if not accounts:
        return set()
    members = await TeamMembership.select(TeamMembership.team, TeamMembership.account).where(
        TeamMembership.account.is_in(accounts)
    )
    released = await TeamRelease.select(TeamRelease.person, TeamRelease.team).where(
        TeamRelease.person.is_in(list({row["goal.person"] for row in rows})) & active_team_release()
    )
    in_team = {(as_uuid(m["team"]), as_uuid(m["account"])) for m in members}
    holding = {(as_uuid(r["person"]), as_uuid(r["team"])) for r in released}
    return {
        (person, team, account)
        for person, team in holding
        for member_team, account in in_team
        if member_team == team
    }


async def _mail(
    to: str, language: str, message: tuple[str, str], area: str, due_on: datetime.date
) -> None:
    params = {
        "area": translate(language, f"goal.area.{area}"),
        "due": due_on.strftime("%d.%m.%Y"),
        "link": get_settings().base_url + "/",
    }
    subject, body = message
    await enqueue(
        "send_mail",
        to=to,
        subject=translate(language, subject, **params),
        body=translate(language, body, **params),
        language=language,
    )
