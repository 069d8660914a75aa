"""GraphQL type of a case note: its team reads it, the owner reads it in their own data."""

from __future__ import annotations

import datetime

import strawberry

from mobio.auth.directives import read
from mobio.auth.grants import CASEWORKER_GRANTS, Grant
from mobio.auth.guarded import Guarded
from mobio.casenotes.service import NoteRecord
from mobio.schema.former_member import former_member

NOTE_READERS = (Grant.OWNER, *sorted(CASEWORKER_GRANTS))
"""The owner (read-only, all notes) and a team holding a release (its own notes only)."""
NOTE_WRITERS = tuple(sorted(CASEWORKER_GRANTS))
READ = read(*NOTE_READERS)


@strawberry.type(
    description="A team's note on a person. Only the writing team reads it; the newcomer reads "
    "it in their own data (export), never edits it."
)
class CaseNote(Guarded):
    id: strawberry.ID | None = strawberry.field(default=None, directives=READ)
    body: str | None = strawberry.field(default=None, directives=READ)
    moves_with_case: bool | None = strawberry.field(
        default=None,
        directives=READ,
        description="The author lets the note move to the receiving team on hand-over.",
    )
    team_name: str | None = strawberry.field(default=None, directives=READ)
    author_name: str | None = strawberry.field(default=None, directives=READ)
    written_by_caller: bool | None = strawberry.field(
        default=None, directives=READ, description="Only the author may change or delete it."
    )
    created_at: datetime.datetime | None = strawberry.field(default=None, directives=READ)
    updated_at: datetime.datetime | None = strawberry.field(default=None, directives=READ)

    @classmethod
    def build(
        cls, note: NoteRecord, grants: frozenset[Grant], caller: object, language: str
    ) -> CaseNote:
        return cls(
            grants=grants,
            id=strawberry.ID(str(note.id)),
            body=note.body,
            moves_with_case=note.moves_with_case,
            team_name=note.team_name,
            author_name=note.author_name
            if note.author_id is not None
            else former_member(language, note.team_name),
            written_by_caller=note.author_id is not None and note.author_id == caller,
            created_at=note.created_at,
            updated_at=note.updated_at,
        )
