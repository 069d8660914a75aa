"""The one choke point for row visibility: which persons a caller may list.

Every list of persons is filtered by :func:`visible_persons` in SQL, so no resolver can
return a row the caller has no grant on.
"""

from __future__ import annotations

from piccolo.custom_types import Combinable

from mobio.auth.principal import Principal
from mobio.persons.tables import Person
from mobio.releases.active import active_team_release
from mobio.releases.tables import TeamRelease


def visible_persons(principal: Principal) -> Combinable:
    """A WHERE condition on ``person`` matching exactly the persons the caller has a grant on."""
    condition: Combinable = Person.id.is_null()  # matches nothing: deny by default
    if principal.person_id is not None:
        condition = condition | (Person.id == principal.person_id)
    if principal.stakeholder is not None:
        condition = condition | (Person.id == principal.stakeholder.person_id)
    if principal.team_ids:
        released = TeamRelease.select(TeamRelease.person).where(
            TeamRelease.team.is_in(list(principal.team_ids)) & active_team_release()
        )
        condition = condition | Person.id.is_in(released)
    return condition
