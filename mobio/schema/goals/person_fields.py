"""Resolver of Person.goalAgreements (declared in mobio.schema.persons.types), batched.

The loader lives beside the request's other loaders (keyed on them, so it dies with the
request): a list of persons costs the same two statements as one person.
"""

from __future__ import annotations

from uuid import UUID
from weakref import WeakKeyDictionary

from strawberry.dataloader import DataLoader

from mobio.auth.grants import Grant
from mobio.goals.reading import GoalRecord, GoalScope, goals_for
from mobio.schema.context import Info
from mobio.schema.goals.scope import scope_of
from mobio.schema.goals.types import GoalAgreement
from mobio.schema.loaders import Loaders

_loaders: WeakKeyDictionary[Loaders, DataLoader[GoalScope, list[GoalRecord]]] = WeakKeyDictionary()


def _loader(info: Info) -> DataLoader[GoalScope, list[GoalRecord]]:
    loaders = info.context.loaders
    if loaders not in _loaders:
        _loaders[loaders] = DataLoader(load_fn=goals_for)
    return _loaders[loaders]


async def goal_agreements(
    info: Info, person_id: UUID, grants: frozenset[Grant]
) -> list[GoalAgreement]:
    goals = await _loader(info).load(scope_of(info, person_id, grants))
    return [GoalAgreement.build(goal, grants, info.context.language) for goal in goals]
