"""GraphQL types of the caseload: a cursor connection of persons with what is due."""

from __future__ import annotations

import datetime
from enum import StrEnum

import strawberry

from mobio.auth.directives import PUBLIC, read
from mobio.auth.grants import CASEWORKER_GRANTS
from mobio.auth.guarded import Guarded
from mobio.caseload import filters, service
from mobio.caseload.details import RowDetails
from mobio.caseload.scope import Scope
from mobio.caseload.service import Cards, FacetValue
from mobio.handover.tables import HandOverState
from mobio.i18n import translate
from mobio.schema.context import Info
from mobio.schema.ids import parse_id
from mobio.schema.persons.types import Person

Query = tuple[Scope, filters.CaseloadFilter, str | None]
"""What a connection was asked for: counts and facets are computed only when selected."""

TEAMS = read(*sorted(CASEWORKER_GRANTS))

CompletenessEnum = strawberry.enum(filters.Completeness, name="Completeness")
HandOverFilterEnum = strawberry.enum(filters.HandOverFilter, name="HandOverFilter")
GoalsDueEnum = strawberry.enum(filters.GoalsDue, name="GoalsDue")
HandOverStateEnum = strawberry.enum(HandOverState, name="HandOverState")


class FacetField(StrEnum):
    MUNICIPALITY = "municipality"
    COMPLETENESS = "completeness"
    RELEASE_ENDING = "release_ending"
    HAND_OVER = "hand_over"
    GOALS = "goals"


FacetFieldEnum = strawberry.enum(FacetField, name="CaseloadFacetField")


@strawberry.input(description="Filters of the caseload; a missing field means any value.")
class CaseloadFilter:
    municipality_id: strawberry.ID | None = strawberry.field(default=None, directives=PUBLIC)
    completeness: CompletenessEnum | None = strawberry.field(  # type: ignore[valid-type]
        default=None, directives=PUBLIC
    )
    release_ending: bool | None = strawberry.field(
        default=None,
        directives=PUBLIC,
        description="The team's access ends within 3 days (hand-over).",
    )
    hand_over: HandOverFilterEnum | None = strawberry.field(  # type: ignore[valid-type]
        default=None, directives=PUBLIC
    )
    goals: GoalsDueEnum | None = strawberry.field(  # type: ignore[valid-type]
        default=None,
        directives=PUBLIC,
        description="Open goal steps due within 14 days, or overdue.",
    )

    def parsed(self) -> filters.CaseloadFilter:
        return filters.CaseloadFilter(
            municipality_id=parse_id(self.municipality_id) if self.municipality_id else None,
            completeness=self.completeness,
            release_ending=self.release_ending,
            hand_over=self.hand_over,
            goals=self.goals,
        )


@strawberry.type(description="A municipality, as a caseload row shows it.")
class CaseloadMunicipality:
    id: strawberry.ID = strawberry.field(directives=PUBLIC)
    name: str = strawberry.field(directives=PUBLIC)


@strawberry.type(description="One person of the caseload and what needs attention.")
class CaseloadEntry(Guarded):
    person: Person = strawberry.field(directives=PUBLIC)
    completeness: int | None = strawberry.field(
        directives=TEAMS, description="Percent of the newcomer's own sections filled in."
    )
    municipality: CaseloadMunicipality | None = strawberry.field(
        directives=TEAMS,
        description="Of the team holding the release, or where a hand-over moves the person.",
    )
    release_ends_at: datetime.datetime | None = strawberry.field(
        directives=TEAMS, description="When the team's access ends (after a hand-over)."
    )
    hand_over_state: HandOverStateEnum | None = strawberry.field(directives=TEAMS)  # type: ignore[valid-type]
    goals_due_soon: int | None = strawberry.field(directives=TEAMS)
    goals_overdue: int | None = strawberry.field(directives=TEAMS)
    open_corrections: int | None = strawberry.field(directives=TEAMS)

    @classmethod
    def build(cls, person: Person, details: RowDetails) -> CaseloadEntry:
        place = details.municipality
        return cls(
            grants=person.grants,
            person=person,
            completeness=details.completeness,
            municipality=CaseloadMunicipality(id=strawberry.ID(str(place.id)), name=place.name)
            if place
            else None,
            release_ends_at=details.release_ends_at,
            hand_over_state=details.hand_over,
            goals_due_soon=details.goals_due_soon,
            goals_overdue=details.goals_overdue,
            open_corrections=details.open_corrections,
        )


@strawberry.type
class CaseloadEdge:
    cursor: str = strawberry.field(directives=PUBLIC)
    node: CaseloadEntry = strawberry.field(directives=PUBLIC)


@strawberry.type
class PageInfo:
    has_next_page: bool = strawberry.field(directives=PUBLIC)
    end_cursor: str | None = strawberry.field(directives=PUBLIC)


@strawberry.type(description="How many persons one value of a filter would give.")
class CaseloadFacetValue:
    value: str = strawberry.field(directives=PUBLIC)
    label: str = strawberry.field(directives=PUBLIC)
    count: int = strawberry.field(directives=PUBLIC)


@strawberry.type(description="The values of one filter, each with its count.")
class CaseloadFacet:
    field: FacetFieldEnum = strawberry.field(directives=PUBLIC)  # type: ignore[valid-type]
    values: list[CaseloadFacetValue] = strawberry.field(directives=PUBLIC)

    @classmethod
    def build(cls, field: str, values: list[FacetValue], language: str) -> CaseloadFacet:
        def label(value: FacetValue) -> str:
            return value.label or translate(language, f"caseload.facet.{field}.{value.value}")

        return cls(
            field=FacetField(field),
            values=[
                CaseloadFacetValue(value=v.value, label=label(v), count=v.count) for v in values
            ],
        )


@strawberry.type(description="Persons with an active release to the caller's teams.")
class CaseloadConnection:
    edges: list[CaseloadEdge] = strawberry.field(directives=PUBLIC)
    page_info: PageInfo = strawberry.field(directives=PUBLIC)
    query: strawberry.Private[Query]

    @strawberry.field(directives=PUBLIC, description="All persons matching, over every page.")
    async def total_count(self) -> int:
        return await service.total(*self.query)

    @strawberry.field(
        directives=PUBLIC,
        description="For each filter, the count per value with the other filters applied.",
    )
    async def facets(self, info: Info) -> list[CaseloadFacet]:
        found = await service.facets(*self.query)
        language = info.context.language
        return [CaseloadFacet.build(field, values, language) for field, values in found.items()]


@strawberry.type(description="The dashboard cards: counts of what needs the team's attention.")
class CaseworkerDashboard:
    incomplete_profiles: int = strawberry.field(directives=PUBLIC)
    releases_ending_soon: int = strawberry.field(directives=PUBLIC)
    goals_due_soon: int = strawberry.field(directives=PUBLIC)
    goals_overdue: int = strawberry.field(directives=PUBLIC)
    hand_over_offers_received: int = strawberry.field(
        directives=PUBLIC, description="Offers to the caller's teams waiting for a decision."
    )
    hand_overs_pending: int = strawberry.field(
        directives=PUBLIC, description="The teams' own offers not yet decided."
    )
    open_correction_requests: int = strawberry.field(directives=PUBLIC)

    @classmethod
    def build(cls, cards: Cards) -> CaseworkerDashboard:
        return cls(**{name: getattr(cards, name) for name in cards.__slots__})
