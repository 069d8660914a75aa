"""The caseworker's caseload and dashboard. Thin: scope, call the service, build the types."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import PUBLIC
from mobio.auth.grants import Grant
from mobio.caseload import filters, service
from mobio.caseload.scope import Scope
from mobio.errors import bad_input
from mobio.schema.caseload.types import (
    CaseloadConnection,
    CaseloadEdge,
    CaseloadEntry,
    CaseloadFilter,
    CaseworkerDashboard,
    PageInfo,
)
from mobio.schema.context import Info
from mobio.schema.ids import parse_id
from mobio.schema.persons.types import Person

MAX_PAGE_SIZE = 100
MAX_SEARCH_LENGTH = 100


def _scope(info: Info, team_id: strawberry.ID | None) -> Scope:
    return Scope.of(info.context.principal, parse_id(team_id) if team_id else None)


def _entry(row: service.Row, grants: frozenset[Grant]) -> CaseloadEntry:
    return CaseloadEntry.build(Person.build(row.person, grants), row.details)


@strawberry.type
class CaseloadQueries:
    @strawberry.field(
        directives=PUBLIC,
        description="Persons with an active release to the caller's teams (or to teamId, one of "
        "them): search by name (spelling-tolerant) or date of birth, filters, name order.",
    )
    async def caseload(
        self,
        info: Info,
        team_id: strawberry.ID | None = None,
        search: str | None = None,
        filter: CaseloadFilter | None = None,
        first: int = 25,
        after: str | None = None,
    ) -> CaseloadConnection:
        if not 0 < first <= MAX_PAGE_SIZE:
            raise bad_input("error.page_size", max=MAX_PAGE_SIZE)
        if search is not None and len(search) > MAX_SEARCH_LENGTH:
            raise bad_input("error.search_too_long", max=MAX_SEARCH_LENGTH)
        scope = _scope(info, team_id)
        chosen = filter.parsed() if filter else filters.CaseloadFilter()
        found = await service.page(scope, chosen, search, first, after)
        grants = await info.context.access.grants_on_persons([r.person.id for r in found.rows])
        edges = [
            CaseloadEdge(
                cursor=row.cursor,
                node=CaseloadEntry.build(Person.build(row.person, g), row.details),
            )
            for row, g in zip(found.rows, grants, strict=True)
        ]
        end = found.rows[-1].cursor if found.rows else None
        return CaseloadConnection(
            edges=edges,
            page_info=PageInfo(has_next_page=found.has_next, end_cursor=end),
            query=(scope, chosen, search),
        )

    @strawberry.field(
        directives=PUBLIC, description="Counts of what needs the caller's teams' attention."
    )
    async def caseworker_dashboard(
        self, info: Info, team_id: strawberry.ID | None = None
    ) -> CaseworkerDashboard:
        return CaseworkerDashboard.build(await service.cards(_scope(info, team_id)))
