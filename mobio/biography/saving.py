"""Saving one section of one page: checked, versioned, logged, all or nothing.

The caller's transaction (the GraphQL request) makes the save atomic; the version check in
the UPDATE makes concurrent saves safe: the second one matches no row and gets a conflict.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from mobio import timeutil
from mobio.auth.biography import write_grants
from mobio.auth.grants import CASEWORKER_GRANTS, Grant
from mobio.biography.catalogue import BY_CODE, questions_for
from mobio.biography.catalogue.model import Question, Section, Subject
from mobio.biography.errors import BiographyErrorCode
from mobio.biography.pages import PERSONAL_COLUMNS
from mobio.biography.tables import SELF, Answer, AnswerLog, FamilyMember, MemberKind, SectionVersion
from mobio.biography.validation import clean
from mobio.errors import MobioError, Text, forbidden
from mobio.persons.names import NAME_COLUMNS, refresh_name_key
from mobio.persons.tables import Person


@dataclass(frozen=True, slots=True)
class Actor:
    """Who saves: their account, their grants on the person, the team they act for."""

    account_id: UUID | None
    grants: frozenset[Grant]
    team_id: UUID | None = None

    @property
    def acting_grant(self) -> Grant:
        """The grant recorded in the log: the owner's own, else the team's."""
        if Grant.OWNER in self.grants:
            return Grant.OWNER
        return next(grant for grant in Grant if grant in self.grants)

    @property
    def is_caseworker(self) -> bool:
        return not self.grants.isdisjoint(CASEWORKER_GRANTS)


async def save_section(
    actor: Actor,
    person_id: UUID,
    subject: str,
    section: Section,
    expected_version: int,
    changes: dict[str, Any],
) -> int:
    """Apply ``changes`` (question code -> value, None deletes) and return the new version."""
    if Grant.OWNER not in actor.grants and not actor.is_caseworker:
        raise forbidden()  # defence in depth: the directives admit the same grants
    kind, personal = await _subject(person_id, subject)
    owner_set = set() if actor.is_caseworker else await set_by_owner(person_id, subject, changes)
    cleaned: dict[str, Any] = {}
    invalid: dict[str, MobioError] = {}
    for code, value in changes.items():
        question = BY_CODE.get(code)
        if question is None or question.section is not section or kind not in question.subjects:
            raise MobioError(BiographyErrorCode.ANSWER_INVALID, "error.question_unknown")
        if actor.grants.isdisjoint(write_grants(question)):
            raise MobioError(forbidden().code, "error.field_not_writable", field=code)
        # Write-once: the owner enters each personal-page answer once; then only caseworkers
        # change it. An answer a caseworker entered first the owner may still enter once.
        if question.write_once and code in owner_set:
            raise MobioError(BiographyErrorCode.PERSONAL_PAGE_LOCKED, "error.personal_page_locked")
        try:
            cleaned[code] = None if value is None else clean(question, value)
        except MobioError as error:
            invalid[code] = error  # go on: the caller learns of every invalid answer at once
    if invalid:
        first = next(iter(invalid.values()))
        first.details = invalid
        raise first
    current = await _current_values(person_id, subject, section, kind, personal)
    _follow_conditions(questions_for(section, kind), current, cleaned)
    # Unchanged answers are not written again, so the log shows only real changes.
    changed = {code: value for code, value in cleaned.items() if current.get(code) != value}
    version = await _bump_version(person_id, subject, section, expected_version)
    now = timeutil.now()
    for code, value in changed.items():
        if code in PERSONAL_COLUMNS:
            await _set_column(person_id, subject, code, value)
        elif value is None:
            await Answer.delete().where(_answer_of(person_id, subject, code))
        else:
            await _upsert(actor, person_id, subject, code, json.dumps(value, ensure_ascii=False))
        await AnswerLog.insert(
            AnswerLog(
                person=person_id,
                subject=subject,
                question=code,
                value=None if value is None else json.dumps(value, ensure_ascii=False),
                actor=actor.account_id,
                actor_grant=actor.acting_grant,
                actor_team=actor.team_id,
                changed_at=now,
            )
        )
    owner_alone = Grant.OWNER in actor.grants and not actor.is_caseworker
    if owner_alone and any(code in PERSONAL_COLUMNS for code in changed):
        await _note_personal_page_set(person_id, subject)
    return version


async def set_by_owner(person_id: UUID, subject: str, codes: Iterable[str]) -> set[str]:
    """Which of ``codes`` the owner has set on this page before (write-once answers)."""
    once = [code for code in codes if code in PERSONAL_COLUMNS]
    if not once:
        return set()
    rows = await AnswerLog.select(AnswerLog.question).where(
        (AnswerLog.person == person_id)
        & (AnswerLog.subject == subject)
        & AnswerLog.question.is_in(once)
        & (AnswerLog.actor_grant == Grant.OWNER)
        & AnswerLog.value.is_not_null()
    )
    return {row["question"] for row in rows}


async def _current_values(
    person_id: UUID, subject: str, section: Section, kind: Subject, personal: dict[str, Any]
) -> dict[str, Any]:
    """The section's stored answers (personal-page columns included), as they are stored."""
    questions = questions_for(section, kind)
    rows = await Answer.select(Answer.question, Answer.value).where(
        (Answer.person == person_id)
        & (Answer.subject == subject)
        & Answer.question.is_in([q.code for q in questions])
    )
    columns = {
        code: _stored_form(value) for code, value in personal.items() if code in PERSONAL_COLUMNS
    }
    return {**columns, **{row["question"]: json.loads(row["value"]) for row in rows}}


def _stored_form(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime.date) else value


def _follow_conditions(
    questions: tuple[Question, ...], current: dict[str, Any], cleaned: dict[str, Any]
) -> None:
    """Refuse answers to questions not asked; clear answers a change makes unasked.

    "Which school type" is asked only while "attends school" is yes: answering it otherwise
    is an error, and answering "no" later removes the school type (logged like any change).
    """
    values = {**current, **cleaned}
    for question in questions:
        if _asked(question, values):
            continue
        if cleaned.get(question.code) is not None:
            raise MobioError(
                BiographyErrorCode.ANSWER_INVALID,
                "error.answer_not_asked",
                question=Text(question.message_id),
            )
        if values.get(question.code) is not None:
            cleaned[question.code] = values[question.code] = None


def _asked(question: Question, values: dict[str, Any]) -> bool:
    condition = question.shown_if
    if condition is None:
        return True
    value = values.get(condition.question)
    code = str(value).lower() if isinstance(value, bool) else value
    return code in condition.codes


async def _subject(person_id: UUID, subject: str) -> tuple[Subject, dict[str, Any]]:
    """The kind of page and its personal-page values; a member must be the person's."""
    if subject == SELF:
        person = await Person.select(*_personal(Person)).where(Person.id == person_id).first()
        if person is None:
            raise forbidden()
        return Subject.NEWCOMER, person
    try:
        member_id = UUID(subject)
    except ValueError:
        raise MobioError(BiographyErrorCode.MEMBER_UNKNOWN, "error.member_unknown") from None
    member = await (
        FamilyMember.select(FamilyMember.kind, *_personal(FamilyMember))
        .where((FamilyMember.id == member_id) & (FamilyMember.person == person_id))
        .first()
    )
    if member is None:
        raise MobioError(BiographyErrorCode.MEMBER_UNKNOWN, "error.member_unknown")
    kind = Subject.PARTNER if member["kind"] == MemberKind.PARTNER else Subject.CHILD
    return kind, member


def _personal(table: type[Person] | type[FamilyMember]) -> list[Any]:
    return [getattr(table, name) for name in PERSONAL_COLUMNS]


async def _bump_version(person_id: UUID, subject: str, section: Section, expected: int) -> int:
    where = (
        (SectionVersion.person == person_id)
        & (SectionVersion.subject == subject)
        & (SectionVersion.section == section)
    )
    bumped = (
        await SectionVersion.update({SectionVersion.version: expected + 1})
        .where(where & (SectionVersion.version == expected))
        .returning(SectionVersion.version)
    )
    if bumped:
        return expected + 1
    if expected == 0:
        # First save of this section; of two concurrent first saves the unique index lets
        # one insert, and the other (waiting for it) inserts nothing and gets the conflict.
        inserted = (
            await SectionVersion.insert(
                SectionVersion(person=person_id, subject=subject, section=section, version=1)
            )
            .on_conflict(action="DO NOTHING")
            .returning(SectionVersion.id)
        )
        if inserted:
            return 1
    conflict = MobioError(BiographyErrorCode.VERSION_CONFLICT, "error.version_conflict")
    current = await SectionVersion.select(SectionVersion.version).where(where).first()
    # The client reloads the section and shows the other person's values before saving again.
    conflict.extensions["currentVersion"] = current["version"] if current else 0
    raise conflict


def _answer_of(person_id: UUID, subject: str, code: str) -> Any:
    return (Answer.person == person_id) & (Answer.subject == subject) & (Answer.question == code)


async def _upsert(actor: Actor, person_id: UUID, subject: str, code: str, value: str) -> None:
    now = timeutil.now()
    updated = (
        await Answer.update(
            {Answer.value: value, Answer.updated_at: now, Answer.updated_by: actor.account_id}
        )
        .where(_answer_of(person_id, subject, code))
        .returning(Answer.id)
    )
    if not updated:
        await Answer.insert(
            Answer(
                person=person_id,
                subject=subject,
                question=code,
                value=value,
                updated_at=now,
                updated_by=actor.account_id,
            )
        )


async def _set_column(person_id: UUID, subject: str, code: str, value: Any) -> None:
    stored = datetime.date.fromisoformat(value) if code == "date_of_birth" and value else value
    if subject == SELF:
        await Person.update({getattr(Person, code): stored}).where(Person.id == person_id)
        if code in NAME_COLUMNS:
            await refresh_name_key(person_id)  # the caseload search reads only the key
    else:
        await FamilyMember.update({getattr(FamilyMember, code): stored}).where(
            FamilyMember.id == UUID(subject)
        )


async def _note_personal_page_set(person_id: UUID, subject: str) -> None:
    now = timeutil.now()
    if subject == SELF:
        await Person.update({Person.personal_page_set_at: now}).where(
            (Person.id == person_id) & Person.personal_page_set_at.is_null()
        )
    else:
        await FamilyMember.update({FamilyMember.personal_page_set_at: now}).where(
            (FamilyMember.id == UUID(subject)) & FamilyMember.personal_page_set_at.is_null()
        )
