"""Tables of the biography: family members, answers, their log, section versions, notes."""

from __future__ import annotations

from enum import StrEnum

from piccolo.columns import UUID, Date, ForeignKey, Integer, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.table import Table

from mobio.accounts.tables import Account
from mobio.organisations.tables import Team
from mobio.persons.tables import Person

SELF = "self"
"""The ``subject`` of answers about the newcomer themself (else a family member's id)."""


class MemberKind(StrEnum):
    PARTNER = "partner"
    CHILD = "child"


class FamilyMember(Table, tablename="family_member"):
    """A partner or child of the newcomer, with its own write-once personal page."""

    id = UUID(primary_key=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, null=False, index=True)
    kind = Varchar(length=10, choices=MemberKind)
    family_name = Varchar(length=120, null=True, default=None)
    given_name = Varchar(length=120, null=True, default=None)
    sex = Varchar(length=10, null=True, default=None)
    date_of_birth = Date(null=True, default=None)
    nationality = Varchar(length=3, null=True, default=None)
    personal_page_set_at = Timestamptz(null=True, default=None)
    created_at = Timestamptz()


class Answer(Table, tablename="answer"):
    """The current answer to one question on one page (newcomer or family member)."""

    id = UUID(primary_key=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, null=False, index=True)
    subject = Varchar(length=36, help_text='"self" or the family member\'s id.')
    question = Varchar(length=40)
    value = Text(help_text="JSON: a code, codes, text, ISO date, number, boolean or entries.")
    updated_at = Timestamptz()
    updated_by = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)
    # Unique per (person, subject, question): index answer_person_subject_question.


class AnswerLog(Table, tablename="answer_log"):
    """Append-only: who set which value of which question when (value null: deleted)."""

    id = UUID(primary_key=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, null=False, index=True)
    subject = Varchar(length=36)
    question = Varchar(length=40)
    value = Text(null=True, default=None)
    actor = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)
    actor_grant = Varchar(length=40, help_text="owner or the team grant the change was made under.")
    actor_team = ForeignKey(Team, on_delete=OnDelete.set_null, null=True)
    changed_at = Timestamptz()
    event = Varchar(
        length=30,
        null=True,
        default=None,
        help_text="Null for a save; correction_requested/approved/rejected for a correction.",
    )
    correction_id = UUID(null=True, default=None, help_text="The correction request, if any.")


class SectionVersion(Table, tablename="section_version"):
    """Raised on every save of a section of a page, so concurrent saves cannot overwrite."""

    id = UUID(primary_key=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, null=False, index=True)
    subject = Varchar(length=36)
    section = Varchar(length=20)
    version = Integer(default=0)
    # Unique per (person, subject, section): index section_version_person_subject_section.


class PrivateNote(Table, tablename="private_note"):
    """A note of the owner on one section; nobody else can read it, ever."""

    id = UUID(primary_key=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, null=False, index=True)
    section = Varchar(length=20)
    body = Text()
    created_at = Timestamptz()
    updated_at = Timestamptz()
