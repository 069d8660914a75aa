"""Releases: the newcomer's consent that gives a team or a stakeholder link access.

A team release lasts until revoked. A stakeholder link lasts 14 days, can be renewed for 14
more in one step (same consent) and revoked at once; its token is shown once and stored only
as a hash. Expiry and revocation are checked at every request (mobio.releases.tokens), so no
background job has to run for a link to stop working.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from mobio import timeutil
from mobio.consent import service as consent
from mobio.consent.tables import ConsentChannel, ConsentKind
from mobio.db.values import as_uuid
from mobio.erasure import notify
from mobio.erasure.tables import NoticeReason
from mobio.errors import MobioError
from mobio.i18n import translate
from mobio.jobs.queue import enqueue
from mobio.organisations.tables import Team
from mobio.packages import Package
from mobio.persons.tables import Person
from mobio.releases.active import active_team_release
from mobio.releases.errors import ReleaseErrorCode
from mobio.releases.tables import StakeholderRelease, TeamRelease
from mobio.secrets_util import new_token, token_hash
from mobio.settings import get_settings

LINK_LIFETIME = timedelta(days=14)
STAKEHOLDER_LANGUAGE = "de"  # the link mail goes to German offices and employers


@dataclass(frozen=True, slots=True)
class StakeholderLink:
    """A new or renewed link; ``url`` holds the token and is shown to the newcomer once."""

    release_id: UUID
    url: str
    expires_at: datetime


async def _consent(
    person_id: UUID, document_id: UUID, kind: ConsentKind, acted_by: UUID | None
) -> UUID:
    if not await consent.is_current(document_id, kind):
        raise MobioError(ReleaseErrorCode.CONSENT_INVALID, "error.consent_invalid")
    owner = await Person.select(Person.account).where(Person.id == person_id).first()
    return await consent.record(
        document_id,
        account_id=owner["account"] if owner else None,
        person_id=person_id,
        acted_by=acted_by,
        channel=ConsentChannel.SELF,
    )


async def release_to_team(
    person_id: UUID, team_id: UUID, document_id: UUID, acted_by: UUID | None
) -> UUID:
    """Give a team ongoing access, under the consent to ``document_id``."""
    if not await Team.exists().where(Team.id == team_id):
        raise MobioError(ReleaseErrorCode.TEAM_UNKNOWN, "error.team_unknown")
    active = await TeamRelease.exists().where(
        (TeamRelease.person == person_id) & (TeamRelease.team == team_id) & active_team_release()
    )
    if active:
        raise MobioError(ReleaseErrorCode.ALREADY_RELEASED, "error.already_released")
    record = await _consent(person_id, document_id, ConsentKind.TEAM_RELEASE, acted_by)
    release = TeamRelease(
        person=person_id, team=team_id, consent_record=record, granted_at=timeutil.now()
    )
    await release.save()
    return as_uuid(release.id)


async def revoke_team_release(person_id: UUID, release_id: UUID) -> None:
    """End a team's access at once."""
    ended = await (
        TeamRelease.update({TeamRelease.revoked_at: timeutil.now()})
        .where(
            (TeamRelease.id == release_id)
            & (TeamRelease.person == person_id)
            & TeamRelease.revoked_at.is_null()
        )
        .returning(TeamRelease.id)
    )
    if not ended:
        raise MobioError(ReleaseErrorCode.RELEASE_UNKNOWN, "error.release_unknown")


async def release_to_stakeholder(
    person_id: UUID,
    package: Package,
    document_id: UUID,
    recipient_email: str | None,
    acted_by: UUID | None,
) -> StakeholderLink:
    """A 14-day link to ``package``; mailed to ``recipient_email`` if given."""
    from mobio.accounts.service import normalise_email  # one address rule for all of MoBio

    recipient = normalise_email(recipient_email) if recipient_email else None
    record = await _consent(person_id, document_id, ConsentKind.STAKEHOLDER_RELEASE, acted_by)
    token = new_token()
    now = timeutil.now()
    release = StakeholderRelease(
        person=person_id,
        package=package,
        token_hash=token_hash(token),
        recipient_email=recipient,
        consent_record=record,
        created_at=now,
        expires_at=now + LINK_LIFETIME,
    )
    await release.save()
    link = StakeholderLink(as_uuid(release.id), link_url(token), now + LINK_LIFETIME)
    if recipient is not None:
        await enqueue(
            "send_mail",
            to=recipient,
            subject=translate(STAKEHOLDER_LANGUAGE, "mail.release.subject"),
            body=translate(
                STAKEHOLDER_LANGUAGE,
                "mail.release.body",
                link=link.url,
                until=link.expires_at.strftime("%d.%m.%Y"),
            ),
            language=STAKEHOLDER_LANGUAGE,
        )
    return link


def link_url(token: str) -> str:
    # The token sits in the fragment: browsers never send it to the server or in a Referer,
    # so it stays out of access logs and proxies; the page sends it in a header on request.
    return f"{get_settings().base_url}/shared#{token}"


async def revoke_stakeholder_release(person_id: UUID, release_id: UUID) -> None:
    """The link stops working at once; a stakeholder who opened it is told."""
    ended = await (
        StakeholderRelease.update({StakeholderRelease.revoked_at: timeutil.now()})
        .where(
            (StakeholderRelease.id == release_id)
            & (StakeholderRelease.person == person_id)
            & StakeholderRelease.revoked_at.is_null()
        )
        .returning(StakeholderRelease.id)
    )
    if not ended:
        raise MobioError(ReleaseErrorCode.RELEASE_UNKNOWN, "error.release_unknown")
    # Art. 19 GDPR: whoever opened the link is asked to delete their copies.
    await notify.tell_stakeholders(person_id, NoticeReason.LINK_REVOKED, release_id)


async def renew_stakeholder_release(person_id: UUID, release_id: UUID) -> datetime:
    """Another 14 days from now, same token and consent; refused once revoked."""
    now = timeutil.now()
    renewed = await (
        StakeholderRelease.update(
            {
                StakeholderRelease.expires_at: now + LINK_LIFETIME,
                StakeholderRelease.renewed_at: now,
                StakeholderRelease.renewals: StakeholderRelease.renewals + 1,
                StakeholderRelease.reminded_at: None,
            }
        )
        .where(
            (StakeholderRelease.id == release_id)
            & (StakeholderRelease.person == person_id)
            & StakeholderRelease.revoked_at.is_null()
        )
        .returning(StakeholderRelease.id)
    )
    if not renewed:
        raise MobioError(ReleaseErrorCode.RELEASE_ENDED, "error.release_ended")
    return now + LINK_LIFETIME
