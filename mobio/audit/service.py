"""Writing the access log."""

from __future__ import annotations

from collections.abc import Mapping
from uuid import UUID

from mobio import timeutil
from mobio.audit.tables import AccessLogEntry
from mobio.auth.grants import Grant
from mobio.auth.principal import Principal


async def record_reads(principal: Principal, reads: Mapping[UUID, set[Grant]]) -> None:
    """One entry per person and grant whose data went to someone other than the owner."""
    now = timeutil.now()
    release_id = principal.stakeholder.release_id if principal.stakeholder else None
    entries = [
        AccessLogEntry(
            person=person_id,
            actor=principal.account_id,
            stakeholder_release=release_id,
            grant=grant,
            accessed_at=now,
        )
        for person_id, grants in reads.items()
        for grant in sorted(grants)
        if grant is not Grant.OWNER
    ]
    if entries:
        await AccessLogEntry.insert(*entries)
