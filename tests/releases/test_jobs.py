"""The scheduled link jobs: one reminder before the end, ended links forgotten after 30 days."""

from __future__ import annotations

from datetime import timedelta

from mobio import timeutil
from mobio.consent import service as consent
from mobio.consent.tables import ConsentKind
from mobio.jobs import periodic
from mobio.packages import Package
from mobio.releases import service
from mobio.releases.jobs import forget_ended_links, remind_expiring_links
from mobio.releases.tables import StakeholderRelease
from mobio.releases.tokens import LinkState, check_token
from tests.support import factories, outbox


async def _link(newcomer: factories.Newcomer, email: str | None = None) -> service.StakeholderLink:
    document = await consent.publish(
        ConsentKind.STAKEHOLDER_RELEASE, "de", "Erklärung", "Text", None
    )
    return await service.release_to_stakeholder(
        newcomer.person_id, Package.LANGUAGE_SCHOOL, document, email, newcomer.account_id
    )


async def test_the_owner_is_reminded_once_two_days_before_the_end() -> None:
    # given a link made 11 days ago (3 days left): no reminder yet
    newcomer = await factories.newcomer(language="fr")
    await _link(newcomer)
    timeutil.travel(timedelta(days=11))
    assert await remind_expiring_links({}) == 0
    # when a day later the job runs twice
    timeutil.travel(timedelta(days=1, hours=1))
    await remind_expiring_links({})
    await remind_expiring_links({})
    # then exactly one reminder went to the owner, in their language
    mail = await outbox.only_mail_to(newcomer.email)
    assert "expire" in mail["Subject"] and "école de langues" in outbox.body(mail)


async def test_renewing_makes_a_new_reminder_possible() -> None:
    # given a reminded link that the owner renews
    newcomer = await factories.newcomer()
    link = await _link(newcomer)
    timeutil.travel(timedelta(days=12, hours=1))
    await remind_expiring_links({})
    await service.renew_stakeholder_release(newcomer.person_id, link.release_id)
    row = await StakeholderRelease.select(StakeholderRelease.reminded_at).first()
    # then the reminder mark is cleared for the next end
    assert row is not None and row["reminded_at"] is None


async def test_revoked_links_get_no_reminder() -> None:
    newcomer = await factories.newcomer()
    link = await _link(newcomer)
    await service.revoke_stakeholder_release(newcomer.person_id, link.release_id)
    timeutil.travel(timedelta(days=12, hours=1))
    await remind_expiring_links({})
    assert await outbox.sent_mails() == []


async def test_ended_links_are_forgotten_after_30_days() -> None:
    # given a link mailed to an address, expired 31 days ago
    newcomer = await factories.newcomer()
    link = await _link(newcomer, "school@example.org")
    token = link.url.split("#", 1)[1]
    timeutil.travel(timedelta(days=14 + 31))
    assert (await check_token(token, "198.51.100.1")).state is LinkState.EXPIRED
    # when the job runs
    assert await forget_ended_links({}) == 1
    # then the key no longer leads anywhere and the address is gone; a second run does nothing
    assert (await check_token(token, "198.51.100.1")).state is LinkState.UNKNOWN
    row = await StakeholderRelease.select(StakeholderRelease.recipient_email).first()
    assert row == {"recipient_email": None}
    assert await forget_ended_links({}) == 0


def test_workers_run_every_scheduled_job() -> None:
    names = {job.name for job in periodic.cron_jobs()}
    assert names == {f"cron:{job.__name__}" for job in periodic.HOURLY}
