"""Per-request DataLoaders, so every relation costs one query per request, not per object."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from mobio.biography import notes
from mobio.biography.catalogue.model import Section
from mobio.biography.pages import Biography, biographies
from mobio.persons import service as persons
from mobio.persons.service import PersonRecord


class Loaders:
    """Created fresh for every request (loaders cache, and caches must not outlive it)."""

    def __init__(self) -> None:
        self.person_by_id: DataLoader[UUID, PersonRecord | None] = DataLoader(load_fn=self._persons)
        self.biography_by_person: DataLoader[UUID, Biography | None] = DataLoader(
            load_fn=self._biographies
        )
        self.note_counts_by_person: DataLoader[UUID, dict[Section, int]] = DataLoader(
            load_fn=self._note_counts
        )

    @staticmethod
    async def _persons(ids: list[UUID]) -> list[PersonRecord | None]:
        found = await persons.get_many(ids)
        return [found.get(person_id) for person_id in ids]

    @staticmethod
    async def _biographies(ids: list[UUID]) -> list[Biography | None]:
        found = await biographies(ids)
        return [found.get(person_id) for person_id in ids]

    @staticmethod
    async def _note_counts(ids: list[UUID]) -> list[dict[Section, int]]:
        counts = await notes.counts(ids)
        return [
            {section: n for (person, section), n in counts.items() if person == person_id}
            for person_id in ids
        ]
