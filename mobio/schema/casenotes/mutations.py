"""Writing, changing and deleting case notes. Thin: find the caller's team, call the service."""

from __future__ import annotations

from uuid import UUID

import strawberry

from mobio.auth.directives import write
from mobio.auth.grants import Grant
from mobio.casenotes import service
from mobio.errors import forbidden
from mobio.schema.casenotes.types import NOTE_WRITERS, CaseNote
from mobio.schema.context import Info
from mobio.schema.ids import parse_id

WRITERS = write(*NOTE_WRITERS)


async def _acting(info: Info, person_id: UUID) -> tuple[UUID, UUID, frozenset[Grant]]:
    """(team, author, grants) of a caseworker acting on the person; the owner never writes."""
    access = info.context.access
    grants = await access.grants_on_person(person_id)
    author = info.context.principal.require_account()
    # One team per call: the first kind in the grant vocabulary's order, if several hold.
    for grant in NOTE_WRITERS:
        team = access.team_for(person_id, grant) if grant in grants else None
        if team is not None:
            return team, author, grants
    raise forbidden()


@strawberry.type
class CaseNoteMutations:
    @strawberry.mutation(
        directives=WRITERS,
        description="A note of the caller's team; the newcomer reads it in their data export.",
    )
    async def write_case_note(
        self, info: Info, person_id: strawberry.ID, body: str, moves_with_case: bool = False
    ) -> CaseNote:
        subject = UUID(person_id)
        team, author, grants = await _acting(info, subject)
        note = await service.write(subject, team, author, body, moves_with_case)
        return CaseNote.build(note, grants, author, info.context.language)

    @strawberry.mutation(directives=WRITERS, description="The author changes their note.")
    async def update_case_note(
        self,
        info: Info,
        person_id: strawberry.ID,
        note_id: strawberry.ID,
        body: str,
        moves_with_case: bool,
    ) -> CaseNote:
        subject = UUID(person_id)
        team, author, grants = await _acting(info, subject)
        note = await service.update(subject, team, author, parse_id(note_id), body, moves_with_case)
        return CaseNote.build(note, grants, author, info.context.language)

    @strawberry.mutation(directives=WRITERS, description="The author deletes their note.")
    async def delete_case_note(
        self, info: Info, person_id: strawberry.ID, note_id: strawberry.ID
    ) -> bool:
        subject = UUID(person_id)
        team, author, _ = await _acting(info, subject)
        await service.delete(subject, team, author, parse_id(note_id))
        return True
