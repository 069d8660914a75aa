"""Reading biographies: every page of many persons in a fixed number of queries."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from mobio.biography.catalogue.model import Section, Subject
from mobio.biography.tables import SELF, Answer, AnswerLog, FamilyMember, MemberKind, SectionVersion
from mobio.db.values import as_uuid
from mobio.persons.tables import Person

PERSONAL_COLUMNS = ("family_name", "given_name", "sex", "date_of_birth", "nationality")
"""The write-once personal page lives in columns of person and family_member (caseload
lists and searches read them); every other answer lives in ``answer``."""


@dataclass
class Page:
    """One page of a biography: the newcomer's own, or a partner's or child's."""

    person_id: UUID
    subject: str
    """SELF or the family member's id."""
    kind: Subject
    answers: dict[str, Any] = field(default_factory=dict)
    versions: dict[Section, int] = field(default_factory=dict)
    logged: set[str] = field(default_factory=set)
    """Questions that have a log."""
    set_by_owner: set[str] = field(default_factory=set)
    """Write-once answers the owner has entered: locked for the owner from then on."""
    personal_page_set: bool = False


@dataclass
class Biography:
    person_id: UUID
    own: Page
    members: list[Page]


async def biographies(person_ids: list[UUID]) -> dict[UUID, Biography]:
    """The biographies of these persons; five queries however many members or answers."""
    if not person_ids:
        return {}
    persons = await Person.select(Person.id, Person.personal_page_set_at, *_columns(Person)).where(
        Person.id.is_in(person_ids)
    )
    members = await (
        FamilyMember.select(
            FamilyMember.id,
            FamilyMember.person,
            FamilyMember.kind,
            FamilyMember.personal_page_set_at,
            *_columns(FamilyMember),
        )
        .where(FamilyMember.person.is_in(person_ids))
        .order_by(FamilyMember.created_at)
    )
    pages: dict[tuple[UUID, str], Page] = {}
    found: dict[UUID, Biography] = {}
    for row in persons:
        own = _page(as_uuid(row["id"]), SELF, Subject.NEWCOMER, row)
        pages[(own.person_id, SELF)] = own
        found[own.person_id] = Biography(own.person_id, own, [])
    for row in members:
        kind = Subject.PARTNER if row["kind"] == MemberKind.PARTNER else Subject.CHILD
        page = _page(as_uuid(row["person"]), str(as_uuid(row["id"])), kind, row)
        pages[(page.person_id, page.subject)] = page
        found[page.person_id].members.append(page)
    await _fill(pages, person_ids)
    return found


def _columns(table: type[Person] | type[FamilyMember]) -> list[Any]:
    return [getattr(table, name) for name in PERSONAL_COLUMNS]


def _page(person_id: UUID, subject: str, kind: Subject, row: dict[str, Any]) -> Page:
    answers = {name: _json_ready(row[name]) for name in PERSONAL_COLUMNS if row[name] is not None}
    return Page(
        person_id, subject, kind, answers, personal_page_set=row["personal_page_set_at"] is not None
    )


def _json_ready(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


async def _fill(pages: dict[tuple[UUID, str], Page], person_ids: list[UUID]) -> None:
    answers = await Answer.select(
        Answer.person, Answer.subject, Answer.question, Answer.value
    ).where(Answer.person.is_in(person_ids))
    for row in answers:
        page = pages.get((as_uuid(row["person"]), row["subject"]))
        if page is not None:
            page.answers[row["question"]] = json.loads(row["value"])
    versions = await SectionVersion.select(
        SectionVersion.person,
        SectionVersion.subject,
        SectionVersion.section,
        SectionVersion.version,
    ).where(SectionVersion.person.is_in(person_ids))
    for row in versions:
        page = pages.get((as_uuid(row["person"]), row["subject"]))
        if page is not None:
            page.versions[Section(row["section"])] = row["version"]
    logged = await (
        AnswerLog.select(
            AnswerLog.person, AnswerLog.subject, AnswerLog.question, AnswerLog.actor_grant
        )
        .where(AnswerLog.person.is_in(person_ids) & AnswerLog.value.is_not_null())
        .distinct()
    )
    for row in logged:
        page = pages.get((as_uuid(row["person"]), row["subject"]))
        if page is None:
            continue
        page.logged.add(row["question"])
        if row["actor_grant"] == "owner" and row["question"] in PERSONAL_COLUMNS:
            page.set_by_owner.add(row["question"])
