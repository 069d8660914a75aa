"""Notice to recipients (Art. 17(2) and 19 GDPR): who received the person's data is told when
an opened link is revoked and when the data is erased, and asked to delete their copies.

Stakeholders are told in German at the address the link went to (the only address MoBio has
for them); teams through their members' accounts, in each member's language. Mails name the
release (date, package, number) but carry no content. Every notice is recorded so the owner
sees whom MoBio told; the records go with the person, the erasure keeps only the counts.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from piccolo.custom_types import Combinable

from mobio import timeutil
from mobio.audit.tables import AccessLogEntry
from mobio.db.unit_of_work import after_commit
from mobio.db.values import as_uuid
from mobio.erasure.tables import ErasureNotice, NoticeKind, NoticeReason
from mobio.i18n import FALLBACK_LANGUAGE, translate
from mobio.jobs.queue import enqueue
from mobio.organisations.tables import Team, TeamMembership
from mobio.releases.tables import StakeholderRelease, TeamRelease

STAKEHOLDER_LANGUAGE = "de"

STAKEHOLDER_TEMPLATES = {
    NoticeReason.LINK_REVOKED: (
        "mail.notice_link_revoked.subject",
        "mail.notice_link_revoked.body",
    ),
    NoticeReason.ERASED: ("mail.notice_link_erased.subject", "mail.notice_link_erased.body"),
}
TEAM_TEMPLATES = {
    NoticeReason.DELETION_REQUESTED: (
        "mail.notice_team_paused.subject",
        "mail.notice_team_paused.body",
    ),
    NoticeReason.ERASED: ("mail.notice_team_erased.subject", "mail.notice_team_erased.body"),
}


def number(release_id: object) -> str:
    """The release's short reference number, as shown to the owner and in mails."""
    return str(release_id).replace("-", "")[:8].upper()


def _date(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(timeutil.DISTRICT_ZONE).strftime("%d.%m.%Y")


async def _send(to: str, language: str, template: tuple[str, str], **params: object) -> None:
    subject = translate(language, template[0], **params)
    body = translate(language, template[1], **params)

    async def send() -> None:
        await enqueue("send_mail", to=to, subject=subject, body=body, language=language)

    await after_commit(send)


async def opened_links(person_id: UUID, release_id: UUID | None = None) -> list[dict[str, Any]]:
    """Stakeholder releases of the person that were opened (they have access-log rows) and
    whose address is still known."""
    opened = AccessLogEntry.select(AccessLogEntry.stakeholder_release).where(
        (AccessLogEntry.person == person_id) & AccessLogEntry.stakeholder_release.is_not_null()
    )
    condition = (
        (StakeholderRelease.person == person_id)
        & StakeholderRelease.recipient_email.is_not_null()
        & StakeholderRelease.id.is_in(opened)
    )
    if release_id is not None:
        condition = condition & (StakeholderRelease.id == release_id)
    return await StakeholderRelease.select(
        StakeholderRelease.id,
        StakeholderRelease.package,
        StakeholderRelease.recipient_email,
        StakeholderRelease.created_at,
    ).where(condition)


async def _already(person_id: UUID, reason: NoticeReason, **match: object) -> bool:
    condition = (ErasureNotice.person == person_id) & (ErasureNotice.reason == reason)
    for column, value in match.items():
        condition = condition & (getattr(ErasureNotice, column) == value)
    return await ErasureNotice.exists().where(condition)


async def tell_stakeholders(
    person_id: UUID, reason: NoticeReason, release_id: UUID | None = None
) -> int:
    """Mail every stakeholder who opened a link (or the one link); once per link and reason."""
    sent = 0
    for link in await opened_links(person_id, release_id):
        if await _already(person_id, reason, release_id=link["id"]):
            continue
        package = translate(STAKEHOLDER_LANGUAGE, f"client.releases.package.{link['package']}")
        await _send(
            link["recipient_email"],
            STAKEHOLDER_LANGUAGE,
            STAKEHOLDER_TEMPLATES[reason],
            date=_date(link["created_at"]),
            package=package,
            number=number(link["id"]),
        )
        await ErasureNotice(
            person=person_id,
            kind=NoticeKind.STAKEHOLDER,
            reason=reason,
            recipient=link["recipient_email"],
            release_id=as_uuid(link["id"]),
            sent_at=timeutil.now(),
        ).save()
        sent += 1
    return sent


async def tell_teams(
    person_id: UUID, reason: NoticeReason, team_releases: list[dict[str, Any]], **params: object
) -> int:
    """Mail the members of each team that held one of ``team_releases``; once per team."""
    sent = 0
    seen: set[UUID] = set()
    for release in team_releases:
        team_id = as_uuid(release["team"])
        if team_id in seen or await _already(person_id, reason, team=team_id):
            continue
        seen.add(team_id)
        team = await Team.select(Team.name).where(Team.id == team_id).first()
        members = await TeamMembership.select(
            TeamMembership.account.email, TeamMembership.account.language
        ).where(TeamMembership.team == team_id)
        for member in members:
            language = member["account.language"] or FALLBACK_LANGUAGE
            await _send(
                member["account.email"],
                language,
                TEAM_TEMPLATES[reason],
                team=team["name"] if team else "",
                released=_date(release["granted_at"]),
                number=number(release["id"]),
                **params,
            )
        await ErasureNotice(
            person=person_id,
            kind=NoticeKind.TEAM,
            reason=reason,
            recipient=team["name"] if team else "",
            team=team_id,
            sent_at=timeutil.now(),
        ).save()
        sent += 1
    return sent


async def team_releases(person_id: UUID, *, active_only: bool) -> list[dict[str, Any]]:
    """The person's team releases, newest first (all of them, or those giving access now)."""
    from mobio.releases.active import active_team_release  # releases import this module

    condition: Combinable = TeamRelease.person == person_id
    if active_only:
        condition = condition & active_team_release()
    return await (
        TeamRelease.select(TeamRelease.id, TeamRelease.team, TeamRelease.granted_at)
        .where(condition)
        .order_by(TeamRelease.granted_at, ascending=False)
    )
