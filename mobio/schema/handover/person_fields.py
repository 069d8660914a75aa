"""Resolver of Person.handOvers (declared in mobio.schema.persons.types)."""

from __future__ import annotations

from uuid import UUID

from mobio.auth.grants import Grant
from mobio.handover import views
from mobio.schema.casenotes.person_fields import caller_teams
from mobio.schema.context import Info
from mobio.schema.handover.types import HandOver


async def hand_overs(info: Info, person_id: UUID, grants: frozenset[Grant]) -> list[HandOver]:
    # The owner sees all; a team only the hand-overs it offered or received.
    teams = None if Grant.OWNER in grants else caller_teams(info, person_id, grants)
    return [HandOver.build(v, grants) for v in await views.hand_overs(person_id, teams)]
