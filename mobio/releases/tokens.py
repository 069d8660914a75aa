"""Checking a stakeholder's release token: at every request, in the database, never cached."""

from __future__ import annotations

from mobio import timeutil
from mobio.auth.principal import StakeholderAccess
from mobio.db.values import as_uuid
from mobio.packages import Package
from mobio.releases.tables import StakeholderRelease
from mobio.secrets_util import token_hash


async def resolve_token(token: str) -> StakeholderAccess | None:
    """The release of a valid token; None when unknown, revoked or past its expiry."""
    row = await (
        StakeholderRelease.select(
            StakeholderRelease.id, StakeholderRelease.person, StakeholderRelease.package
        )
        .where(
            (StakeholderRelease.token_hash == token_hash(token))
            & StakeholderRelease.revoked_at.is_null()
            & (StakeholderRelease.expires_at > timeutil.now())
        )
        .first()
    )
    if row is None:
        return None
    return StakeholderAccess(
        release_id=as_uuid(row["id"]),
        person_id=as_uuid(row["person"]),
        package=Package(row["package"]),
    )
