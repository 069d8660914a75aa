"""Resolver of Person.caseNotes (declared in mobio.schema.persons.types)."""

from __future__ import annotations

from uuid import UUID

from mobio.auth.grants import CASEWORKER_GRANTS, Grant
from mobio.casenotes import service
from mobio.schema.casenotes.types import CaseNote
from mobio.schema.context import Info


def caller_teams(info: Info, person_id: UUID, grants: frozenset[Grant]) -> set[UUID]:
    """The caller's teams through which a caseworker grant on the person holds."""
    access = info.context.access
    teams = (access.team_for(person_id, grant) for grant in grants & CASEWORKER_GRANTS)
    return {team for team in teams if team is not None}


async def case_notes(info: Info, person_id: UUID, grants: frozenset[Grant]) -> list[CaseNote]:
    # The owner reads all notes on their profile; a caseworker only their teams' notes.
    teams = None if Grant.OWNER in grants else caller_teams(info, person_id, grants)
    caller = info.context.principal.account_id
    language = info.context.language
    notes = await service.notes(person_id, teams)
    return [CaseNote.build(note, grants, caller, language) for note in notes]
