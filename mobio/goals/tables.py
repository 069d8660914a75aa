"""Tables of the goals domain."""

from __future__ import annotations

from enum import StrEnum

from piccolo.columns import UUID, Date, ForeignKey, Integer, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.table import Table

from mobio.accounts.tables import Account
from mobio.organisations.tables import Team
from mobio.persons.tables import Person


class GoalArea(StrEnum):
    """The code list of goal areas (labels in the catalogues as ``goal.area.<code>``)."""

    LANGUAGE = "language"
    EDUCATION = "education"
    VOCATIONAL_TRAINING = "vocational_training"
    RECOGNITION = "recognition"
    WORK = "work"
    HOUSING = "housing"
    HEALTH = "health"
    FAMILY = "family"
    CHILDCARE_SCHOOL = "childcare_school"
    RESIDENCE_STATUS = "residence_status"
    FINANCES = "finances"
    SOCIAL_PARTICIPATION = "social_participation"


class GoalStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    REACHED = "reached"
    PARTLY_REACHED = "partly_reached"
    NOT_REACHED = "not_reached"
    DROPPED = "dropped"


class StepResponsible(StrEnum):
    """Who carries out a step."""

    NEWCOMER = "newcomer"
    CASEWORKER = "caseworker"


class GoalAgreement(Table, tablename="goal_agreement"):
    """A goal agreed between a newcomer and the team holding the release; moves on hand-over."""

    id = UUID(primary_key=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, null=False, index=True)
    team = ForeignKey(Team, on_delete=OnDelete.cascade, null=False, index=True)
    area = Varchar(length=30, choices=GoalArea)
    goal = Text()
    status = Varchar(length=20, choices=GoalStatus, default=GoalStatus.OPEN)
    version = Integer(default=1, help_text="Raised on every change; confirmations name one.")
    confirmed_version = Integer(
        null=True, default=None, help_text="The version the newcomer confirmed, if any."
    )
    confirmed_at = Timestamptz(null=True, default=None)
    created_at = Timestamptz()
    created_by = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)
    updated_at = Timestamptz()
    updated_by = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)


class GoalStep(Table, tablename="goal_step"):
    """One step of a goal: what, who is responsible, by when."""

    id = UUID(primary_key=True)
    goal = ForeignKey(GoalAgreement, on_delete=OnDelete.cascade, null=False, index=True)
    position = Integer(default=0)
    description = Text()
    responsible = Varchar(length=20, choices=StepResponsible)
    responsible_account = ForeignKey(
        Account,
        on_delete=OnDelete.set_null,
        null=True,
        help_text="The responsible caseworker (responsible = caseworker).",
    )
    due_on = Date()
    done_at = Timestamptz(null=True, default=None)
    reminded_before_at = Timestamptz(
        null=True, default=None, help_text="When the reminder before the due date went out."
    )
    reminded_overdue_at = Timestamptz(
        null=True, default=None, help_text="When the reminder after the due date went out."
    )
