"""The owner asks for erasure, and can take it back within the undo window.

Asking (password and an explicit confirmation) takes effect at once where it must: every
stakeholder link stops (revoked, with notice to those who opened it), the team releases pause
(``mobio.erasure.pause``; not revoked, so an undo brings them back), the owner's sessions end,
the teams learn the erasure date and nothing else, and the owner gets a mail with a
single-use undo link. Logging in again offers the undo too. When the window has passed, the
hourly job (``mobio.erasure.jobs``) erases.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID, uuid4

from mobio import timeutil
from mobio.accounts.passwords import verify_password
from mobio.accounts.tables import Account, LoginSession
from mobio.db.unit_of_work import after_commit
from mobio.erasure import notify
from mobio.erasure.errors import ErasureErrorCode
from mobio.erasure.pause import pending
from mobio.erasure.tables import ErasureNotice, ErasureRequest, NoticeReason
from mobio.errors import ErrorCode, MobioError
from mobio.i18n import FALLBACK_LANGUAGE, translate
from mobio.jobs.queue import enqueue
from mobio.persons.tables import Person
from mobio.releases.tables import StakeholderRelease
from mobio.secrets_util import new_token, token_hash
from mobio.settings import get_settings


@dataclass(frozen=True, slots=True)
class PendingErasure:
    requested_at: datetime
    erase_after: datetime


@dataclass(frozen=True, slots=True)
class NoticeRecord:
    kind: str
    reason: str
    recipient: str
    sent_at: datetime


async def request_erasure(account_id: UUID, password: str, confirmed: bool) -> PendingErasure:
    """Open the undo window for the caller's own profile and account."""
    if not confirmed:
        raise MobioError(ErrorCode.BAD_INPUT, "error.erasure_confirmation_missing")
    account = await Account.objects().get(Account.id == account_id)
    if account is None or not await verify_password(account.password_hash, password):
        raise MobioError(ErasureErrorCode.INVALID_CREDENTIALS, "error.invalid_credentials")
    person = (
        await Person.select(Person.id, Person.language).where(Person.account == account_id).first()
    )
    if person is None:
        raise MobioError(ErrorCode.NOT_FOUND, "error.erasure_no_profile")
    person_id: UUID = person["id"]
    if await ErasureRequest.exists().where((ErasureRequest.person == person_id) & pending()):
        raise MobioError(ErasureErrorCode.ALREADY_REQUESTED, "error.erasure_already_requested")
    now = timeutil.now()
    erase_after = now + timedelta(days=get_settings().erasure_undo_days)
    # Teams still holding access learn the date; read before the request pauses them.
    teams = await notify.team_releases(person_id, active_only=True)
    token = new_token()
    await ErasureRequest(
        person=person_id,
        account=account_id,
        pseudonym=uuid4(),
        requested_at=now,
        erase_after=erase_after,
        undo_token_hash=token_hash(token),
    ).save()
    await _stop_links(person_id, now)
    await LoginSession.delete().where(LoginSession.account == account_id)
    day = erase_after.astimezone(timeutil.DISTRICT_ZONE).strftime("%d.%m.%Y")
    await notify.tell_teams(person_id, NoticeReason.DELETION_REQUESTED, teams, date=day)
    language = account.language or person["language"] or FALLBACK_LANGUAGE
    subject = translate(language, "mail.erasure_requested.subject")
    body = translate(
        language,
        "mail.erasure_requested.body",
        date=day,
        link=f"{get_settings().base_url}/deletion/undo?token={token}",
    )
    to = account.email

    async def send() -> None:
        await enqueue("send_mail", to=to, subject=subject, body=body, language=language)

    await after_commit(send)
    return PendingErasure(now, erase_after)


async def _stop_links(person_id: UUID, now: datetime) -> None:
    stopped = await (
        StakeholderRelease.update({StakeholderRelease.revoked_at: now})
        .where((StakeholderRelease.person == person_id) & StakeholderRelease.revoked_at.is_null())
        .returning(StakeholderRelease.id)
    )
    for row in stopped:
        await notify.tell_stakeholders(person_id, NoticeReason.LINK_REVOKED, row["id"])


async def undo_by_account(account_id: UUID) -> None:
    """The logged-in owner takes the request back; the team releases give access again."""
    undone = await (
        ErasureRequest.update({ErasureRequest.undone_at: timeutil.now()})
        .where((ErasureRequest.account == account_id) & pending())
        .returning(ErasureRequest.id)
    )
    if not undone:
        raise MobioError(ErasureErrorCode.NOT_REQUESTED, "error.erasure_not_requested")
    await _forget_token(undone[0]["id"])


async def undo_by_link(token: str) -> None:
    """The owner opens the mailed link: single use, valid until the erasure begins."""
    undone = await (
        ErasureRequest.update({ErasureRequest.undone_at: timeutil.now()})
        .where(
            (ErasureRequest.undo_token_hash == token_hash(token))
            & pending()
            & ErasureRequest.started_at.is_null()
        )
        .returning(ErasureRequest.id)
    )
    if not undone:
        raise MobioError(ErasureErrorCode.UNDO_LINK_INVALID, "error.erasure_undo_link_invalid")
    await _forget_token(undone[0]["id"])


async def _forget_token(request_id: UUID) -> None:
    await ErasureRequest.update({ErasureRequest.undo_token_hash: None}).where(
        ErasureRequest.id == request_id
    )


async def pending_erasure(person_id: UUID) -> PendingErasure | None:
    row = await (
        ErasureRequest.select(ErasureRequest.requested_at, ErasureRequest.erase_after)
        .where((ErasureRequest.person == person_id) & pending())
        .first()
    )
    return PendingErasure(row["requested_at"], row["erase_after"]) if row else None


async def notices(person_id: UUID) -> list[NoticeRecord]:
    """Whom MoBio told about the person's data, newest first."""
    rows = await (
        ErasureNotice.select(
            ErasureNotice.kind,
            ErasureNotice.reason,
            ErasureNotice.recipient,
            ErasureNotice.sent_at,
        )
        .where(ErasureNotice.person == person_id)
        .order_by(ErasureNotice.sent_at, ascending=False)
    )
    return [
        NoticeRecord(row["kind"], row["reason"], row["recipient"], row["sent_at"]) for row in rows
    ]
