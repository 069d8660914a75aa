"""The correction requests of many persons in one query per request (lists of persons).

Kept beside the request's own loaders (``info.context.loaders``) rather than in them, so the
corrections domain stays in its folder; one loader per request and state filter.
"""

from __future__ import annotations

from uuid import UUID
from weakref import WeakKeyDictionary

from strawberry.dataloader import DataLoader

from mobio.corrections import service
from mobio.corrections.service import CorrectionRecord
from mobio.corrections.tables import CorrectionState
from mobio.schema.loaders import Loaders

Loader = DataLoader[UUID, list[CorrectionRecord]]
_per_request: WeakKeyDictionary[Loaders, dict[CorrectionState | None, Loader]] = WeakKeyDictionary()


def corrections_by_person(loaders: Loaders, state: CorrectionState | None) -> Loader:
    """This request's loader of the requests (in ``state``, or all) per person."""
    by_state = _per_request.setdefault(loaders, {})
    if state not in by_state:

        async def load(ids: list[UUID]) -> list[list[CorrectionRecord]]:
            found = await service.requests_of(ids, state)
            return [found[person_id] for person_id in ids]

        by_state[state] = DataLoader(load_fn=load)
    return by_state[state]
