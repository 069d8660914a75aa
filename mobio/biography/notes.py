"""Private notes: the owner's alone. Every function takes the owner's grants and refuses others."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from mobio import timeutil
from mobio.auth.grants import Grant
from mobio.biography.catalogue.model import Section
from mobio.biography.errors import BiographyErrorCode
from mobio.biography.tables import PrivateNote
from mobio.db.values import as_uuid
from mobio.errors import MobioError, forbidden

MAX_NOTE_LENGTH = 5000


@dataclass(frozen=True, slots=True)
class Note:
    id: UUID
    section: Section
    body: str
    created_at: datetime
    updated_at: datetime


def _owner_only(grants: frozenset[Grant]) -> None:
    # Defence in depth: the directives admit only the owner; a service call must too.
    if Grant.OWNER not in grants:
        raise forbidden()


def _checked(body: str) -> str:
    if not body.strip() or len(body) > MAX_NOTE_LENGTH:
        raise MobioError(BiographyErrorCode.NOTE_INVALID, "error.note_invalid", max=MAX_NOTE_LENGTH)
    return body


async def notes(grants: frozenset[Grant], person_id: UUID, section: Section | None) -> list[Note]:
    _owner_only(grants)
    query = (
        PrivateNote.select().where(PrivateNote.person == person_id).order_by(PrivateNote.created_at)
    )
    if section is not None:
        query = query.where(PrivateNote.section == section)
    return [
        Note(as_uuid(r["id"]), Section(r["section"]), r["body"], r["created_at"], r["updated_at"])
        for r in await query
    ]


async def counts(person_ids: list[UUID]) -> dict[tuple[UUID, Section], int]:
    """Number of notes per person and section (for the owner's section screens)."""
    rows = await PrivateNote.select(PrivateNote.person, PrivateNote.section).where(
        PrivateNote.person.is_in(person_ids)
    )
    found: dict[tuple[UUID, Section], int] = {}
    for row in rows:
        key = (as_uuid(row["person"]), Section(row["section"]))
        found[key] = found.get(key, 0) + 1
    return found


async def create(grants: frozenset[Grant], person_id: UUID, section: Section, body: str) -> UUID:
    _owner_only(grants)
    now = timeutil.now()
    note = PrivateNote(
        person=person_id, section=section, body=_checked(body), created_at=now, updated_at=now
    )
    await note.save()
    return as_uuid(note.id)


async def update(grants: frozenset[Grant], person_id: UUID, note_id: UUID, body: str) -> None:
    _owner_only(grants)
    changed = (
        await PrivateNote.update(
            {PrivateNote.body: _checked(body), PrivateNote.updated_at: timeutil.now()}
        )
        .where((PrivateNote.id == note_id) & (PrivateNote.person == person_id))
        .returning(PrivateNote.id)
    )
    if not changed:
        raise forbidden()


async def delete(grants: frozenset[Grant], person_id: UUID, note_id: UUID) -> None:
    _owner_only(grants)
    deleted = (
        await PrivateNote.delete()
        .where((PrivateNote.id == note_id) & (PrivateNote.person == person_id))
        .returning(PrivateNote.id)
    )
    if not deleted:
        raise forbidden()
