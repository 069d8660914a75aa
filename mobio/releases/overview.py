"""What the newcomer sees of their releases: who, which package, since and until when, status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from mobio import timeutil
from mobio.db.values import as_uuid
from mobio.packages import Package
from mobio.releases.tables import StakeholderRelease, TeamRelease


class ReleaseState(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    REVOKED = "revoked"


@dataclass(frozen=True, slots=True)
class TeamReleaseView:
    id: UUID
    team_name: str
    team_kind: str
    municipality_name: str | None
    granted_at: datetime
    revoked_at: datetime | None

    @property
    def state(self) -> ReleaseState:
        return ReleaseState.REVOKED if self.revoked_at else ReleaseState.ACTIVE


@dataclass(frozen=True, slots=True)
class StakeholderReleaseView:
    id: UUID
    package: Package
    recipient_email: str | None
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    renewals: int

    @property
    def state(self) -> ReleaseState:
        if self.revoked_at is not None:
            return ReleaseState.REVOKED
        if self.expires_at <= timeutil.now():
            return ReleaseState.EXPIRED
        return ReleaseState.ACTIVE


async def team_releases(person_id: UUID) -> list[TeamReleaseView]:
    rows = await (
        TeamRelease.select(
            TeamRelease.id,
            TeamRelease.team.name,
            TeamRelease.team.kind,
            TeamRelease.team.municipality.name,  # type: ignore[union-attr]
            TeamRelease.granted_at,
            TeamRelease.revoked_at,
        )
        .where(TeamRelease.person == person_id)
        .order_by(TeamRelease.granted_at, ascending=False)
    )
    return [
        TeamReleaseView(
            as_uuid(r["id"]),
            r["team.name"],
            r["team.kind"],
            r["team.municipality.name"],
            r["granted_at"],
            r["revoked_at"],
        )
        for r in rows
    ]


async def stakeholder_releases(person_id: UUID) -> list[StakeholderReleaseView]:
    rows = await (
        StakeholderRelease.select(
            StakeholderRelease.id,
            StakeholderRelease.package,
            StakeholderRelease.recipient_email,
            StakeholderRelease.created_at,
            StakeholderRelease.expires_at,
            StakeholderRelease.revoked_at,
            StakeholderRelease.renewals,
        )
        .where(StakeholderRelease.person == person_id)
        .order_by(StakeholderRelease.created_at, ascending=False)
    )
    return [
        StakeholderReleaseView(
            as_uuid(r["id"]),
            Package(r["package"]),
            r["recipient_email"],
            r["created_at"],
            r["expires_at"],
            r["revoked_at"],
            r["renewals"],
        )
        for r in rows
    ]
