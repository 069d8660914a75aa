"""Saving sections, managing family members, private notes. Thin: decode, call, map."""

from __future__ import annotations

import datetime
from dataclasses import replace
from typing import Any
from uuid import UUID

import strawberry
from strawberry import UNSET

from mobio.auth.biography import CASEWORK_GRANTS
from mobio.auth.directives import write
from mobio.auth.grants import Grant
from mobio.biography import members, notes
from mobio.biography.catalogue.model import Section, Subject
from mobio.biography.saving import Actor, save_section
from mobio.biography.tables import SELF, MemberKind
from mobio.errors import bad_input
from mobio.schema.biography.generated import SECTION_INPUTS
from mobio.schema.biography.types import MemberKindEnum, SectionEnum
from mobio.schema.context import Info
from mobio.schema.ids import parse_id

NewcomerSectionInput = SECTION_INPUTS[Subject.NEWCOMER]
PartnerSectionInput = SECTION_INPUTS[Subject.PARTNER]
ChildSectionInput = SECTION_INPUTS[Subject.CHILD]
SECTION_WRITERS = (*CASEWORK_GRANTS, Grant.INTEGRATION_OFFICE)


async def _actor(info: Info, person_id: UUID) -> Actor:
    access = info.context.access
    actor = Actor(info.context.principal.account_id, await access.grants_on_person(person_id))
    if Grant.OWNER in actor.grants:
        return actor
    return replace(actor, team_id=access.team_for(person_id, actor.acting_grant))


def _one_section(section_input: Any) -> tuple[Section, dict[str, Any]]:
    """The single section a oneOf input holds, as question code -> value (None deletes)."""
    chosen = [
        (name, value) for name, value in vars(section_input).items() if value not in (UNSET, None)
    ]
    if len(chosen) != 1:
        raise bad_input("error.one_section")
    name, answers = chosen[0]
    return Section(name), {code: _plain(v) for code, v in vars(answers).items() if v is not UNSET}


def _plain(value: Any) -> Any:
    """Strawberry input objects (entries) to dicts; dates to ISO text."""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(v) for k, v in vars(value).items() if v is not UNSET}
    return value


@strawberry.type
class BiographyMutations:
    @strawberry.mutation(
        directives=write(*SECTION_WRITERS),
        description="Save one section of the newcomer's own page; returns the new version.",
    )
    async def save_newcomer_section(
        self,
        info: Info,
        person_id: strawberry.ID,
        expected_version: int,
        input: NewcomerSectionInput,  # type: ignore[valid-type]
    ) -> int:
        return await _save(info, person_id, SELF, expected_version, input)

    @strawberry.mutation(
        directives=write(*SECTION_WRITERS), description="Save one section of a partner's page."
    )
    async def save_partner_section(
        self,
        info: Info,
        person_id: strawberry.ID,
        member_id: strawberry.ID,
        expected_version: int,
        input: PartnerSectionInput,  # type: ignore[valid-type]
    ) -> int:
        return await _save(info, person_id, str(parse_id(member_id)), expected_version, input)

    @strawberry.mutation(
        directives=write(*SECTION_WRITERS), description="Save one section of a child's page."
    )
    async def save_child_section(
        self,
        info: Info,
        person_id: strawberry.ID,
        member_id: strawberry.ID,
        expected_version: int,
        input: ChildSectionInput,  # type: ignore[valid-type]
    ) -> int:
        return await _save(info, person_id, str(parse_id(member_id)), expected_version, input)

    @strawberry.mutation(
        directives=write(*CASEWORK_GRANTS), description="Add a partner or a child; returns its id."
    )
    async def add_family_member(
        self,
        info: Info,
        person_id: strawberry.ID,
        kind: MemberKindEnum,  # type: ignore[valid-type]
    ) -> strawberry.ID:
        subject = UUID(person_id)
        member_id = await members.add_member(await _actor(info, subject), subject, MemberKind(kind))
        return strawberry.ID(str(member_id))

    @strawberry.mutation(
        directives=write(*CASEWORK_GRANTS),
        description="Remove a partner or child with its answers.",
    )
    async def remove_family_member(
        self, info: Info, person_id: strawberry.ID, member_id: strawberry.ID
    ) -> bool:
        subject = UUID(person_id)
        await members.remove_member(await _actor(info, subject), subject, parse_id(member_id))
        return True

    @strawberry.mutation(directives=write(Grant.OWNER), description="Add a private note.")
    async def create_private_note(
        self,
        info: Info,
        person_id: strawberry.ID,
        section: SectionEnum,  # type: ignore[valid-type]
        body: str,
    ) -> strawberry.ID:
        subject = UUID(person_id)
        grants = await info.context.access.grants_on_person(subject)
        return strawberry.ID(str(await notes.create(grants, subject, Section(section), body)))

    @strawberry.mutation(directives=write(Grant.OWNER), description="Change a private note.")
    async def update_private_note(
        self, info: Info, person_id: strawberry.ID, note_id: strawberry.ID, body: str
    ) -> bool:
        subject = UUID(person_id)
        grants = await info.context.access.grants_on_person(subject)
        await notes.update(grants, subject, parse_id(note_id), body)
        return True

    @strawberry.mutation(directives=write(Grant.OWNER), description="Delete a private note.")
    async def delete_private_note(
        self, info: Info, person_id: strawberry.ID, note_id: strawberry.ID
    ) -> bool:
        subject = UUID(person_id)
        grants = await info.context.access.grants_on_person(subject)
        await notes.delete(grants, subject, parse_id(note_id))
        return True


async def _save(
    info: Info, person_id: str, subject: str, expected_version: int, section_input: Any
) -> int:
    person = UUID(person_id)  # the directive's guard has parsed it already
    section, changes = _one_section(section_input)
    return await save_section(
        await _actor(info, person), person, subject, section, expected_version, changes
    )
