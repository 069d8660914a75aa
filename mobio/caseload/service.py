"""Listing, counting and paging the caseload; every statement starts from the scope's condition."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from piccolo.custom_types import Combinable

from mobio.caseload import filters, paging
from mobio.caseload.details import RowDetails, details
from mobio.caseload.filters import CaseloadFilter, Completeness, GoalsDue, HandOverFilter
from mobio.caseload.scope import Scope, caseload_condition
from mobio.corrections.tables import CorrectionRequest, CorrectionState
from mobio.db.values import as_uuid
from mobio.handover.tables import HandOver, HandOverState
from mobio.organisations.tables import Municipality, Team
from mobio.persons.service import PERSON_COLUMNS, PersonRecord, record_of
from mobio.persons.tables import Person


@dataclass(frozen=True, slots=True)
class Row:
    person: PersonRecord
    details: RowDetails
    cursor: str


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[Row]
    has_next: bool


def _where(scope: Scope, chosen: CaseloadFilter, search: str | None) -> Combinable:
    base = caseload_condition(scope)
    narrowed = filters.condition(scope, chosen, search)
    return base if narrowed is None else base & narrowed


async def page(
    scope: Scope, chosen: CaseloadFilter, search: str | None, first: int, after: str | None
) -> Page:
    """One page of the caseload in name order, with what each row shows."""
    where = _where(scope, chosen, search)
    if after is not None:
        where = where & paging.after(after)
    query = Person.select(*PERSON_COLUMNS).where(where).order_by(*paging.ORDER).limit(first + 1)
    records = [record_of(row) for row in await query]
    shown = records[:first]
    extra = await details(scope, [r.id for r in shown])
    rows = [Row(r, extra[r.id], paging.cursor_of(r)) for r in shown]
    return Page(rows=rows, has_next=len(records) > first)


async def total(scope: Scope, chosen: CaseloadFilter, search: str | None) -> int:
    return int(await Person.count().where(_where(scope, chosen, search)))


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    count: int
    label: str | None = None


async def facets(
    scope: Scope, chosen: CaseloadFilter, search: str | None
) -> dict[str, list[FacetValue]]:
    """For each filter, how many persons each of its values would give, the other filters kept.

    A constant number of statements, whatever the caseload's size.
    """
    if scope.is_empty:
        return {}

    async def count(field: str, value: Any) -> int:
        return await total(scope, replace(chosen, **{field: value}), search)

    result: dict[str, list[FacetValue]] = {
        "completeness": [FacetValue(c.value, await count("completeness", c)) for c in Completeness],
        "release_ending": [FacetValue("true", await count("release_ending", True))],
        "hand_over": [FacetValue(h.value, await count("hand_over", h)) for h in HandOverFilter],
        "goals": [FacetValue(g.value, await count("goals", g)) for g in GoalsDue],
    }
    result["municipality"] = await _municipalities(scope, chosen, search)
    return result


async def _municipalities(
    scope: Scope, chosen: CaseloadFilter, search: str | None
) -> list[FacetValue]:
    """One count per municipality the scope's teams serve or hand over to."""
    served = Team.select(Team.municipality).where(Team.id.is_in(list(scope.team_ids)))
    destinations = HandOver.select(HandOver.to_team.municipality).where(
        HandOver.from_team.is_in(list(scope.team_ids))
        & HandOver.state.is_in(list(filters.PENDING_HAND_OVER))
    )
    places = await (
        Municipality.select(Municipality.id, Municipality.name)
        .where(Municipality.id.is_in(served) | Municipality.id.is_in(destinations))
        .order_by(Municipality.name)
    )
    values = []
    for place in places:
        narrowed = replace(chosen, municipality_id=as_uuid(place["id"]))
        values.append(
            FacetValue(str(place["id"]), await total(scope, narrowed, search), place["name"])
        )
    return values


@dataclass(frozen=True, slots=True)
class Cards:
    incomplete_profiles: int
    releases_ending_soon: int
    goals_due_soon: int
    goals_overdue: int
    hand_over_offers_received: int
    hand_overs_pending: int
    open_correction_requests: int


async def cards(scope: Scope) -> Cards:
    """The dashboard's counts: what needs the team's attention."""
    if scope.is_empty:
        return Cards(0, 0, 0, 0, 0, 0, 0)
    caseload = Person.select(Person.id).where(caseload_condition(scope))
    received = HandOver.count().where(
        HandOver.to_team.is_in(list(scope.team_ids)) & (HandOver.state == HandOverState.OFFERED)
    )
    corrections = CorrectionRequest.count().where(
        CorrectionRequest.person.is_in(caseload) & (CorrectionRequest.state == CorrectionState.OPEN)
    )
    return Cards(
        incomplete_profiles=await _count(scope, completeness=Completeness.INCOMPLETE),
        releases_ending_soon=await _count(scope, release_ending=True),
        goals_due_soon=await _count(scope, goals=GoalsDue.DUE_SOON),
        goals_overdue=await _count(scope, goals=GoalsDue.OVERDUE),
        hand_over_offers_received=int(await received),
        hand_overs_pending=await _count(scope, hand_over=HandOverFilter.OFFERED),
        open_correction_requests=int(await corrections),
    )


async def _count(scope: Scope, **chosen: Any) -> int:
    return await total(scope, CaseloadFilter(**chosen), None)
