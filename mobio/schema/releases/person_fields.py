"""Resolvers of the release fields on Person (declared in mobio.schema.persons.types)."""

from __future__ import annotations

from uuid import UUID

import strawberry

from mobio.audit import service as audit
from mobio.auth.grants import Grant
from mobio.releases import overview
from mobio.schema.releases.types import AccessInfo, StakeholderReleaseInfo, TeamReleaseInfo


async def team_releases(person_id: UUID, grants: frozenset[Grant]) -> list[TeamReleaseInfo]:
    return [
        TeamReleaseInfo(
            grants=grants,
            id=strawberry.ID(str(r.id)),
            team_name=r.team_name,
            team_kind=r.team_kind,
            municipality_name=r.municipality_name,
            granted_at=r.granted_at,
            revoked_at=r.revoked_at,
            state=r.state,
        )
        for r in await overview.team_releases(person_id)
    ]


async def stakeholder_releases(
    person_id: UUID, grants: frozenset[Grant]
) -> list[StakeholderReleaseInfo]:
    return [
        StakeholderReleaseInfo(
            grants=grants,
            id=strawberry.ID(str(r.id)),
            package=r.package,
            recipient_email=r.recipient_email,
            created_at=r.created_at,
            expires_at=r.expires_at,
            revoked_at=r.revoked_at,
            renewals=r.renewals,
            state=r.state,
        )
        for r in await overview.stakeholder_releases(person_id)
    ]


async def access_log(person_id: UUID, grants: frozenset[Grant]) -> list[AccessInfo]:
    return [
        AccessInfo(
            grants=grants,
            accessed_at=v.accessed_at,
            grant=v.grant,
            actor_name=v.actor_name,
            team_name=v.team_name,
            package=v.package,
        )
        for v in await audit.reads_of(person_id)
    ]
