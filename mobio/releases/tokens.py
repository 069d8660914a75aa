"""Checking a stakeholder's release token: at every request, in the database, never cached."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from mobio import timeutil
from mobio.accounts import throttle
from mobio.auth.principal import StakeholderAccess
from mobio.db.values import as_uuid
from mobio.errors import MobioError
from mobio.packages import Package
from mobio.releases.errors import ReleaseErrorCode
from mobio.releases.tables import StakeholderRelease
from mobio.secrets_util import token_hash


class LinkState(StrEnum):
    """What a presented link is: the reason it shows data, or why it no longer does."""

    VALID = "valid"
    EXPIRED = "expired"
    REVOKED = "revoked"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class LinkCheck:
    state: LinkState
    access: StakeholderAccess | None = None


async def check_token(token: str, client: str) -> LinkCheck:
    """The state of a link; unknown tokens are throttled per client address."""
    row = await (
        StakeholderRelease.select(
            StakeholderRelease.id,
            StakeholderRelease.person,
            StakeholderRelease.package,
            StakeholderRelease.expires_at,
            StakeholderRelease.revoked_at,
        )
        .where(StakeholderRelease.token_hash == token_hash(token))
        .first()
    )
    if row is None:
        # Guessing links is throttled per address; a known but ended link is not, so its
        # holder always gets the clear "expired" or "revoked" answer.
        key = f"link:client:{client}"
        if await throttle.is_blocked([key]):
            raise MobioError(ReleaseErrorCode.TOO_MANY_ATTEMPTS, "error.too_many_attempts")
        await throttle.record_failure([key])
        return LinkCheck(LinkState.UNKNOWN)
    if row["revoked_at"] is not None:
        return LinkCheck(LinkState.REVOKED)
    if row["expires_at"] <= timeutil.now():
        return LinkCheck(LinkState.EXPIRED)
    access = StakeholderAccess(
        release_id=as_uuid(row["id"]),
        person_id=as_uuid(row["person"]),
        package=Package(row["package"]),
    )
    return LinkCheck(LinkState.VALID, access)
