"""Resolvers of the biography fields on Person (declared in mobio.schema.persons.types)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from mobio.auth.biography import log_grants
from mobio.auth.grants import Grant
from mobio.biography import log, notes
from mobio.biography.catalogue import BY_CODE
from mobio.biography.catalogue.model import Section
from mobio.biography.tables import SELF
from mobio.errors import forbidden
from mobio.schema.biography.builder import build_biography
from mobio.schema.biography.types import AnswerLogEntry, PrivateNote
from mobio.schema.context import Info
from mobio.schema.former_member import former_member
from mobio.schema.selection import selected


async def biography(info: Info, person_id: UUID, grants: frozenset[Grant]) -> Any:
    loaded = await info.context.loaders.biography_by_person.load(person_id)
    if loaded is None:
        return None
    counts: dict[Section, int] = {}
    if Grant.OWNER in grants:
        counts = await info.context.loaders.note_counts_by_person.load(person_id)
    # Only the pages and sections the query asks for are built: a section screen or a
    # stakeholder's package needs one section of a biography, not all of every member's.
    pages = selected(s for field in info.selected_fields for s in field.selections)
    wanted = {page: set(selected(below)) for page, below in pages.items()}
    return build_biography(loaded, grants, info.context.language, counts, wanted)


async def answer_log(
    person_id: UUID, grants: frozenset[Grant], member_id: str | None, question: str, language: str
) -> list[AnswerLogEntry]:
    definition = BY_CODE.get(question)
    if definition is None or grants.isdisjoint(log_grants(definition)):
        raise forbidden()
    entries = await log.entries(person_id, member_id or SELF, question)
    return [
        AnswerLogEntry(
            grants=grants,
            changed_at=entry.changed_at,
            value=entry.value,
            actor_grant=entry.actor_grant,
            actor_name=former_member(language, entry.team_name)
            if entry.actor_gone
            else entry.actor_name,
            team_name=entry.team_name,
            event=entry.event,
            previous_value=entry.previous_value,
            correction_reason=entry.correction_reason,
            decision_reason=entry.decision_reason,
        )
        for entry in entries
    ]


async def private_notes(
    person_id: UUID, grants: frozenset[Grant], section: Section | None
) -> list[PrivateNote]:
    return [
        PrivateNote(
            grants=grants,
            id=str(note.id),  # type: ignore[arg-type]
            section=note.section,
            body=note.body,
            created_at=note.created_at,
            updated_at=note.updated_at,
        )
        for note in await notes.notes(grants, person_id, section)
    ]
