"""The caller's grants on persons, resolved once per request and batched for lists."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from uuid import UUID

from strawberry.dataloader import DataLoader

from mobio.auth.grants import PACKAGE_GRANT, TEAM_KIND_GRANT, Grant
from mobio.auth.guarded import NO_GRANTS
from mobio.auth.principal import Principal
from mobio.db.values import as_uuid
from mobio.organisations.tables import TeamKind
from mobio.releases.active import active_team_release
from mobio.releases.tables import TeamRelease


class AccessResolver:
    """Per-request: what may this caller do with whose data."""

    def __init__(self, principal: Principal) -> None:
        self.principal = principal
        self._persons: DataLoader[UUID, frozenset[Grant]] = DataLoader(load_fn=self._load)
        self.accessed: dict[UUID, set[Grant]] = {}
        self._teams: dict[tuple[UUID, Grant], UUID] = {}
        """Persons whose data a non-owner received in this request (for the access log)."""

    def own_grants(self) -> frozenset[Grant]:
        """Grants of the caller on their own account (root fields without a person)."""
        principal = self.principal
        if not principal.is_authenticated:
            return NO_GRANTS
        grants = {Grant.OWNER}
        if principal.is_administrator:
            grants.add(Grant.ADMINISTRATOR)
        if principal.is_analyst:
            grants.add(Grant.ANALYST)
        return frozenset(grants)

    def grants_on_account(self, account_id: UUID) -> frozenset[Grant]:
        """Grants on an account's own data (e-mail, language)."""
        if account_id == self.principal.account_id:
            return frozenset({Grant.OWNER})
        if self.principal.is_administrator:
            return frozenset({Grant.ADMINISTRATOR})
        return NO_GRANTS

    async def grants_on_person(self, person_id: UUID) -> frozenset[Grant]:
        return await self._persons.load(person_id)

    async def grants_on_persons(self, person_ids: Sequence[UUID]) -> list[frozenset[Grant]]:
        return list(await self._persons.load_many(list(person_ids)))

    def team_for(self, person_id: UUID, grant: Grant) -> UUID | None:
        """The caller's team through which ``grant`` on the person holds (after resolving)."""
        return self._teams.get((person_id, grant))

    def note_read(self, person_id: UUID, grants: Iterable[Grant]) -> None:
        """Remember that data of ``person_id`` went out under ``grants`` (not the owner's)."""
        self.accessed.setdefault(person_id, set()).update(grants)

    async def _load(self, person_ids: list[UUID]) -> list[frozenset[Grant]]:
        principal = self.principal
        found: dict[UUID, set[Grant]] = {pid: set() for pid in person_ids}
        if principal.person_id in found:
            found[principal.person_id].add(Grant.OWNER)
        stakeholder = principal.stakeholder
        if stakeholder is not None and stakeholder.person_id in found:
            found[stakeholder.person_id].add(PACKAGE_GRANT[stakeholder.package])
        if principal.team_ids:
            rows = await (
                TeamRelease.select(TeamRelease.person, TeamRelease.team, TeamRelease.team.kind)
                .where(
                    TeamRelease.person.is_in(person_ids)
                    & TeamRelease.team.is_in(list(principal.team_ids))
                    & active_team_release()
                )
                .output(load_json=False)
            )
            for row in rows:
                grant = TEAM_KIND_GRANT[TeamKind(row["team.kind"])]
                found[as_uuid(row["person"])].add(grant)
                self._teams[(as_uuid(row["person"]), grant)] = as_uuid(row["team"])
        for pid, grants in found.items():
            if grants and Grant.OWNER not in grants:
                self.note_read(pid, grants)
        return [frozenset(found[pid]) for pid in person_ids]
