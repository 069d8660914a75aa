"""Case notes: a team's working notes on a person.

A note belongs to the team through which its author's grant holds. Only that team reads it;
the owner reads every note on their profile (notes are part of their own data export), but
never writes. Only the author changes or deletes a note: the note records what they wrote,
and whether it moves with the case on hand-over is their call (issue 9, point 6).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from piccolo.custom_types import Combinable

from mobio import timeutil
from mobio.casenotes.tables import CaseNote
from mobio.db.values import as_uuid
from mobio.errors import bad_input, forbidden

MAX_BODY = 4000
"""Characters of one note: enough for a conversation's record, too little for a file dump."""


@dataclass(frozen=True, slots=True)
class NoteRecord:
    id: UUID
    team_id: UUID
    team_name: str
    author_id: UUID | None
    author_name: str | None
    body: str
    moves_with_case: bool
    created_at: datetime
    updated_at: datetime


_COLUMNS = (
    CaseNote.id,
    CaseNote.team,
    CaseNote.team.name,
    CaseNote.author,
    CaseNote.author.display_name,
    CaseNote.body,
    CaseNote.moves_with_case,
    CaseNote.created_at,
    CaseNote.updated_at,
)


def _record(row: dict[str, object]) -> NoteRecord:
    author = row["author"]
    return NoteRecord(
        id=as_uuid(row["id"]),
        team_id=as_uuid(row["team"]),
        team_name=str(row["team.name"]),
        author_id=as_uuid(author) if author else None,
        author_name=row["author.display_name"],  # type: ignore[arg-type]
        body=str(row["body"]),
        moves_with_case=bool(row["moves_with_case"]),
        created_at=row["created_at"],  # type: ignore[arg-type]
        updated_at=row["updated_at"],  # type: ignore[arg-type]
    )


async def notes(person_id: UUID, team_ids: Collection[UUID] | None) -> list[NoteRecord]:
    """The person's notes, newest first: of ``team_ids`` only, or all (``None``: the owner)."""
    if team_ids is not None and not team_ids:
        return []
    condition: Combinable = CaseNote.person == person_id
    if team_ids is not None:
        condition = condition & CaseNote.team.is_in(list(team_ids))
    rows = (
        await CaseNote.select(*_COLUMNS)
        .where(condition)
        .order_by(CaseNote.created_at, ascending=False)
    )
    return [_record(row) for row in rows]


def _checked_body(body: str) -> str:
    text = body.strip()
    if not 0 < len(text) <= MAX_BODY:
        raise bad_input("error.case_note.body_length", max=MAX_BODY)
    return text


async def _one(note_id: UUID) -> NoteRecord:
    row = await CaseNote.select(*_COLUMNS).where(CaseNote.id == note_id).first()
    if row is None:
        raise forbidden()
    return _record(row)


async def write(
    person_id: UUID, team_id: UUID, author_id: UUID, body: str, moves_with_case: bool
) -> NoteRecord:
    now = timeutil.now()
    note = CaseNote(
        person=person_id,
        team=team_id,
        author=author_id,
        body=_checked_body(body),
        moves_with_case=moves_with_case,
        created_at=now,
        updated_at=now,
    )
    await note.save()
    return await _one(as_uuid(note.id))


def _authored(person_id: UUID, team_id: UUID, author_id: UUID, note_id: UUID) -> object:
    return (
        (CaseNote.id == note_id)
        & (CaseNote.person == person_id)
        & (CaseNote.team == team_id)
        & (CaseNote.author == author_id)
    )


async def update(
    person_id: UUID,
    team_id: UUID,
    author_id: UUID,
    note_id: UUID,
    body: str,
    moves_with_case: bool,
) -> NoteRecord:
    """The author's change; anyone else (or another team's note) gets FORBIDDEN."""
    text = _checked_body(body)
    changed = await (
        CaseNote.update(
            {
                CaseNote.body: text,
                CaseNote.moves_with_case: moves_with_case,
                CaseNote.updated_at: timeutil.now(),
            }
        )
        .where(_authored(person_id, team_id, author_id, note_id))  # type: ignore[arg-type]
        .returning(CaseNote.id)
    )
    if not changed:
        raise forbidden()
    return await _one(note_id)


async def delete(person_id: UUID, team_id: UUID, author_id: UUID, note_id: UUID) -> None:
    deleted = await (
        CaseNote.delete()
        .where(_authored(person_id, team_id, author_id, note_id))  # type: ignore[arg-type]
        .returning(CaseNote.id)
    )
    if not deleted:
        raise forbidden()


async def copy_marked(person_id: UUID, from_team: UUID, to_team: UUID) -> int:
    """Copy the notes their authors marked to the receiving team (hand-over); the old team
    keeps its own until its access ends. Returns how many were copied."""
    rows = await CaseNote.select(
        CaseNote.author, CaseNote.body, CaseNote.created_at, CaseNote.updated_at
    ).where(
        (CaseNote.person == person_id)
        & (CaseNote.team == from_team)
        & (CaseNote.moves_with_case == True)  # noqa: E712 - a SQL condition, not a comparison
    )
    if rows:
        await CaseNote.insert(
            *(
                CaseNote(
                    person=person_id,
                    team=to_team,
                    author=row["author"],
                    body=row["body"],
                    moves_with_case=True,
                    created_at=row["created_at"],
                    updated_at=row["updated_at"],
                )
                for row in rows
            )
        )
    return len(rows)
