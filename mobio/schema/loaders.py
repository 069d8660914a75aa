"""Per-request DataLoaders, so every relation costs one query per request, not per object."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from mobio.persons import service as persons
from mobio.persons.service import PersonRecord


class Loaders:
    """Created fresh for every request (loaders cache, and caches must not outlive it)."""

    def __init__(self) -> None:
        self.person_by_id: DataLoader[UUID, PersonRecord | None] = DataLoader(load_fn=self._persons)

    @staticmethod
    async def _persons(ids: list[UUID]) -> list[PersonRecord | None]:
        found = await persons.get_many(ids)
        return [found.get(person_id) for person_id in ids]
