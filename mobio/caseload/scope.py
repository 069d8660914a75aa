"""The one choke point of every caseload list and count: persons this caller may read.

Each list, count, card and facet starts from :func:`caseload_condition`, which is the row
visibility of :func:`mobio.auth.visibility.visible_persons` narrowed to persons with an active
release to the chosen teams. Nothing in this package reads ``person`` without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from piccolo.custom_types import Combinable

from mobio.auth.principal import Principal
from mobio.auth.visibility import visible_persons
from mobio.errors import forbidden
from mobio.persons.tables import Person
from mobio.releases.active import active_team_release
from mobio.releases.tables import TeamRelease


@dataclass(frozen=True, slots=True)
class Scope:
    """Whose caseload: the caller, and which of the caller's teams."""

    principal: Principal
    team_ids: tuple[UUID, ...]

    @classmethod
    def of(cls, principal: Principal, team_id: UUID | None) -> Scope:
        """All the caller's teams, or the one asked for, which must be one of them."""
        if team_id is None:
            return cls(principal, tuple(sorted(principal.team_ids)))
        if team_id not in principal.team_ids:
            raise forbidden()
        return cls(principal, (team_id,))

    @property
    def is_empty(self) -> bool:
        return not self.team_ids


def caseload_condition(scope: Scope) -> Combinable:
    """A WHERE condition on ``person``: visible to the caller and released to the scope's teams."""
    if scope.is_empty:
        return Person.id.is_null()  # no team, no caseload
    released = TeamRelease.select(TeamRelease.person).where(
        TeamRelease.team.is_in(list(scope.team_ids)) & active_team_release()
    )
    return visible_persons(scope.principal) & Person.id.is_in(released)
