"""When a team release gives access: not revoked, after a hand-over before its end, and not
paused by the owner's pending erasure request.

Every check of a team's access (row visibility, grants, the caseload) uses this one condition,
evaluated against the clock at every request, so an end date needs no job to take effect.
"""

from __future__ import annotations

from piccolo.custom_types import Combinable

from mobio import timeutil
from mobio.erasure.pause import paused_persons
from mobio.releases.tables import TeamRelease


def active_team_release() -> Combinable:
    """A WHERE condition on ``team_release``: the release gives access right now."""
    return (
        TeamRelease.revoked_at.is_null()
        & (TeamRelease.ends_at.is_null() | (TeamRelease.ends_at > timeutil.now()))
        & TeamRelease.person.not_in(paused_persons())
    )
