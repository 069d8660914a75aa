"""GraphQL types of releases, links and the access log: the owner's alone."""

from __future__ import annotations

import datetime

import strawberry

from mobio.auth.directives import PUBLIC, read
from mobio.auth.grants import Grant
from mobio.auth.guarded import Guarded
from mobio.packages import Package
from mobio.releases.overview import ReleaseState
from mobio.releases.tokens import LinkState

PackageEnum = strawberry.enum(Package, name="Package", description="A stakeholder data package.")
ReleaseStateEnum = strawberry.enum(ReleaseState, name="ReleaseState")
LinkStateEnum = strawberry.enum(LinkState, name="LinkState")
OWNER = read(Grant.OWNER)


@strawberry.type(description="A release to a team: ongoing until revoked.")
class TeamReleaseInfo(Guarded):
    id: strawberry.ID | None = strawberry.field(default=None, directives=OWNER)
    team_name: str | None = strawberry.field(default=None, directives=OWNER)
    team_kind: str | None = strawberry.field(default=None, directives=OWNER)
    municipality_name: str | None = strawberry.field(default=None, directives=OWNER)
    granted_at: datetime.datetime | None = strawberry.field(default=None, directives=OWNER)
    revoked_at: datetime.datetime | None = strawberry.field(default=None, directives=OWNER)
    state: ReleaseStateEnum | None = strawberry.field(default=None, directives=OWNER)  # type: ignore[valid-type]


@strawberry.type(description="A 14-day link for a stakeholder's data package.")
class StakeholderReleaseInfo(Guarded):
    id: strawberry.ID | None = strawberry.field(default=None, directives=OWNER)
    package: PackageEnum | None = strawberry.field(default=None, directives=OWNER)  # type: ignore[valid-type]
    recipient_email: str | None = strawberry.field(default=None, directives=OWNER)
    created_at: datetime.datetime | None = strawberry.field(default=None, directives=OWNER)
    expires_at: datetime.datetime | None = strawberry.field(default=None, directives=OWNER)
    revoked_at: datetime.datetime | None = strawberry.field(default=None, directives=OWNER)
    renewals: int | None = strawberry.field(default=None, directives=OWNER)
    state: ReleaseStateEnum | None = strawberry.field(default=None, directives=OWNER)  # type: ignore[valid-type]


@strawberry.type(description="A new link: the address holds the key and is shown only now.")
class StakeholderLink(Guarded):
    release_id: strawberry.ID | None = strawberry.field(default=None, directives=OWNER)
    url: str | None = strawberry.field(default=None, directives=OWNER)
    expires_at: datetime.datetime | None = strawberry.field(default=None, directives=OWNER)


@strawberry.type(description="One read of the newcomer's data by someone else.")
class AccessInfo(Guarded):
    accessed_at: datetime.datetime | None = strawberry.field(default=None, directives=OWNER)
    grant: str | None = strawberry.field(
        default=None, directives=OWNER, description="The team kind or the package."
    )
    actor_name: str | None = strawberry.field(default=None, directives=OWNER)
    team_name: str | None = strawberry.field(default=None, directives=OWNER)
    package: str | None = strawberry.field(default=None, directives=OWNER)


@strawberry.type(description="Whether the presented link works, and if not why; never data.")
class LinkStatus:
    state: LinkStateEnum = strawberry.field(directives=PUBLIC)  # type: ignore[valid-type]
