"""Writing the access log."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid4

from mobio import timeutil
from mobio.audit.tables import AccessLogEntry
from mobio.auth.grants import Grant
from mobio.auth.principal import Principal
from mobio.db.bulk import insert_rows

_COLUMNS = (
    AccessLogEntry.id,
    AccessLogEntry.person,
    AccessLogEntry.actor,
    AccessLogEntry.stakeholder_release,
    AccessLogEntry.grant,
    AccessLogEntry.team,
    AccessLogEntry.accessed_at,
)


async def record_reads(
    principal: Principal,
    reads: Mapping[UUID, set[Grant]],
    team_for: Callable[[UUID, Grant], UUID | None] = lambda _person, _grant: None,
) -> None:
    """One entry per person and grant whose data went to someone other than the owner."""
    now = timeutil.now()
    release_id = principal.stakeholder.release_id if principal.stakeholder else None
    rows = [
        (uuid4(), person_id, principal.account_id, release_id, grant.value, team, now)
        for person_id, grants in reads.items()
        for grant in sorted(grants)
        if grant is not Grant.OWNER
        for team in (team_for(person_id, grant),)
    ]
    # One statement however many persons a page showed (see mobio.db.bulk).
    await insert_rows(AccessLogEntry, _COLUMNS, rows)


@dataclass(frozen=True, slots=True)
class AccessView:
    """One read of the person's data by someone else, as the owner sees it."""

    accessed_at: datetime
    grant: str
    actor_name: str | None
    team_name: str | None
    package: str | None


async def reads_of(person_id: UUID, limit: int = 500) -> list[AccessView]:
    """The newest reads of the person's data by anyone but the owner."""
    rows = await (
        AccessLogEntry.select(
            AccessLogEntry.accessed_at,
            AccessLogEntry.grant,
            AccessLogEntry.actor.display_name,
            AccessLogEntry.team.name,
            AccessLogEntry.stakeholder_release.package,
        )
        .where(AccessLogEntry.person == person_id)
        .order_by(AccessLogEntry.accessed_at, ascending=False)
        .limit(limit)
    )
    return [
        AccessView(
            r["accessed_at"],
            r["grant"],
            r["actor.display_name"],
            r["team.name"],
            r["stakeholder_release.package"],
        )
        for r in rows
    ]
