"""What the biography tables hold for one person, read straight from the database.

Tests compare a snapshot before and after a refused call to show that it changed nothing,
and read answers, versions and the log without going through the code under test.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from mobio.auth.grants import Grant
from mobio.biography.catalogue.model import Section
from mobio.biography.saving import Actor
from mobio.biography.tables import (
    SELF,
    Answer,
    AnswerLog,
    FamilyMember,
    PrivateNote,
    SectionVersion,
)
from mobio.persons.tables import Person
from tests.support.factories import Caseworker, Newcomer

OWNER = frozenset({Grant.OWNER})

LogRow = tuple[str, str, Any, UUID | None, str, UUID | None]
"""(subject, question, value, actor, actor_grant, actor_team) of one log entry."""


def owner(newcomer: Newcomer) -> Actor:
    """The newcomer saving their own biography."""
    return Actor(newcomer.account_id, OWNER)


def team_actor(caseworker: Caseworker, grant: Grant) -> Actor:
    """A caseworker acting under the grant of their team."""
    return Actor(caseworker.account_id, frozenset({grant}), caseworker.team_id)


def _uuid(value: object) -> UUID | None:
    return None if value is None else UUID(str(value))


def _json(value: str | None) -> Any:
    return None if value is None else json.loads(value)


@dataclass(frozen=True)
class Stored:
    """Everything of one person's biography, in a comparable form."""

    personal: dict[str, Any]
    members: tuple[tuple[str, tuple[Any, ...]], ...]
    answers: dict[tuple[str, str], Any]
    versions: dict[tuple[str, str], int]
    log: tuple[LogRow, ...]
    notes: tuple[tuple[str, str, str], ...]


async def personal_page(person_id: UUID) -> dict[str, Any]:
    """The person's write-once columns and when the owner set the page."""
    row = await (
        Person.select(
            Person.family_name,
            Person.given_name,
            Person.sex,
            Person.date_of_birth,
            Person.nationality,
            Person.personal_page_set_at,
        )
        .where(Person.id == person_id)
        .first()
    )
    assert row is not None
    return dict(row)


async def member_page(member_id: UUID) -> dict[str, Any] | None:
    """A family member's write-once columns, or None when the member is gone."""
    row = await (
        FamilyMember.select(
            FamilyMember.kind,
            FamilyMember.family_name,
            FamilyMember.given_name,
            FamilyMember.sex,
            FamilyMember.date_of_birth,
            FamilyMember.nationality,
            FamilyMember.personal_page_set_at,
        )
        .where(FamilyMember.id == member_id)
        .first()
    )
    return None if row is None else dict(row)


async def answers(person_id: UUID, subject: str = SELF) -> dict[str, Any]:
    """The stored answers (question -> decoded value) of one page."""
    rows = await Answer.select(Answer.question, Answer.value).where(
        (Answer.person == person_id) & (Answer.subject == subject)
    )
    return {row["question"]: json.loads(row["value"]) for row in rows}


async def version(person_id: UUID, section: Section, subject: str = SELF) -> int:
    """The stored version of one section of one page (0: never saved)."""
    row = await (
        SectionVersion.select(SectionVersion.version)
        .where(
            (SectionVersion.person == person_id)
            & (SectionVersion.subject == subject)
            & (SectionVersion.section == section)
        )
        .first()
    )
    return 0 if row is None else int(row["version"])


async def log(
    person_id: UUID, subject: str | None = None, question: str | None = None
) -> list[LogRow]:
    """The person's log entries (optionally of one page and question), in a stable order."""
    query = AnswerLog.select(
        AnswerLog.subject,
        AnswerLog.question,
        AnswerLog.value,
        AnswerLog.actor,
        AnswerLog.actor_grant,
        AnswerLog.actor_team,
        AnswerLog.changed_at,
    ).where(AnswerLog.person == person_id)
    if subject is not None:
        query = query.where(AnswerLog.subject == subject)
    if question is not None:
        query = query.where(AnswerLog.question == question)
    rows = sorted(await query, key=lambda r: (r["changed_at"], r["subject"], r["question"]))
    return [
        (
            row["subject"],
            row["question"],
            _json(row["value"]),
            _uuid(row["actor"]),
            row["actor_grant"],
            _uuid(row["actor_team"]),
        )
        for row in rows
    ]


async def log_ids(person_id: UUID) -> dict[str, tuple[Any, ...]]:
    """Every log row by id, with all its columns (to show rows are never changed)."""
    rows = await AnswerLog.select().where(AnswerLog.person == person_id)
    return {
        str(row["id"]): tuple(str(value) for key, value in sorted(row.items()) if key != "id")
        for row in rows
    }


async def snapshot(person_id: UUID) -> Stored:
    """All of the person's biography as stored now."""
    members = await (
        FamilyMember.select()
        .where(FamilyMember.person == person_id)
        .order_by(FamilyMember.created_at)
    )
    rows = await Answer.select(Answer.subject, Answer.question, Answer.value).where(
        Answer.person == person_id
    )
    versions = await SectionVersion.select(
        SectionVersion.subject, SectionVersion.section, SectionVersion.version
    ).where(SectionVersion.person == person_id)
    notes = await PrivateNote.select(PrivateNote.section, PrivateNote.body, PrivateNote.id).where(
        PrivateNote.person == person_id
    )
    return Stored(
        personal=await personal_page(person_id),
        members=tuple(
            (str(m["id"]), tuple(str(v) for k, v in sorted(m.items()) if k != "id"))
            for m in members
        ),
        answers={(r["subject"], r["question"]): json.loads(r["value"]) for r in rows},
        versions={(r["subject"], r["section"]): int(r["version"]) for r in versions},
        log=tuple(await log(person_id)),
        notes=tuple(sorted((str(n["id"]), n["section"], n["body"]) for n in notes)),
    )
