"""Claim letters and claiming: a person takes over the profile a caseworker set up.

Issuing a letter voids the person's earlier unused codes and stores the new one only as its
hash, valid 90 days. Claiming needs the code and the date of birth; every wrong, expired,
used or voided code and every wrong date gets the same answer, and each such try counts
against the code and the client (the login throttle), so guessing stops early. The code is
marked used by an UPDATE that holds only while it is unused, so it works once even under
concurrent requests.
"""

from __future__ import annotations

import asyncio
import datetime
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import Any
from uuid import UUID

from piccolo.engine.base import Engine
from piccolo.engine.sqlite import SQLiteEngine, TransactionType

from mobio import timeutil
from mobio.accounts import throttle
from mobio.accounts.errors import AccountErrorCode
from mobio.accounts.passwords import hash_password
from mobio.accounts.service import (
    check_language,
    check_password_rules,
    normalise_email,
    send_activation,
)
from mobio.accounts.tables import Account, AccountKind
from mobio.claims.codes import code_hash, new_code
from mobio.claims.letter import GERMAN, LetterContent, render
from mobio.claims.tables import ClaimCode
from mobio.consent import service as consent
from mobio.consent.tables import ConsentChannel, ConsentKind
from mobio.db.values import as_uuid
from mobio.errors import MobioError, forbidden
from mobio.i18n import INTERFACE_LANGUAGES, translate
from mobio.jobs.queue import enqueue
from mobio.organisations.tables import TeamMembership
from mobio.persons.tables import Person
from mobio.releases.active import active_team_release
from mobio.releases.tables import TeamRelease
from mobio.settings import get_settings

CODE_LIFETIME = timedelta(days=90)
CLAIM_PATH = "/claim"


class ClaimErrorCode(StrEnum):
    CLAIM_INVALID = "CLAIM_INVALID"
    ALREADY_CLAIMED = "ALREADY_CLAIMED"
    EMAIL_UNAVAILABLE = "EMAIL_UNAVAILABLE"
    CONSENT_INVALID = "CONSENT_INVALID"


@dataclass(frozen=True, slots=True)
class ClaimLetter:
    """The printed letter; the code in it exists nowhere else."""

    file_name: str
    pdf: bytes
    expires_at: datetime.datetime


def claim_url() -> str:
    return get_settings().base_url + CLAIM_PATH


async def issue_letter(person_id: UUID, issued_by: UUID | None) -> ClaimLetter:
    """A new code for an unclaimed profile, earlier unused codes voided, and its letter."""
    person = await (
        Person.select(Person.account, Person.given_name, Person.family_name, Person.language)
        .where(Person.id == person_id)
        .first()
    )
    if person is None:
        raise forbidden()
    if person["account"] is not None:
        raise MobioError(ClaimErrorCode.ALREADY_CLAIMED, "error.profile_already_claimed")
    now = timeutil.now()
    await ClaimCode.update({ClaimCode.voided_at: now}).where(
        (ClaimCode.person == person_id)
        & ClaimCode.used_at.is_null()
        & ClaimCode.voided_at.is_null()
    )
    code = new_code()
    expires_at = now + CODE_LIFETIME
    await ClaimCode(
        person=person_id,
        code_hash=code_hash(code),
        created_at=now,
        created_by=issued_by,
        expires_at=expires_at,
    ).save()
    language = person["language"] if person["language"] in INTERFACE_LANGUAGES else GERMAN
    name = " ".join(part for part in (person["given_name"], person["family_name"]) if part)
    content = LetterContent(name, language, code, claim_url(), expires_at.date())
    pdf = await asyncio.to_thread(render, content)  # reportlab is synchronous and CPU-bound
    return ClaimLetter(f"mobio-{now:%Y%m%d}.pdf", pdf, expires_at)


def _invalid() -> MobioError:
    return MobioError(ClaimErrorCode.CLAIM_INVALID, "error.claim_invalid")


async def claim(
    code: str,
    date_of_birth: datetime.date,
    email: str,
    password: str,
    language: str,
    usage_document_id: UUID,
    client: str,
) -> UUID:
    """Make the code's profile the caller's: a new inactive account (mailed its activation
    link), the person's own usage consent, the code used; returns the person's id.

    Runs outside the request's transaction, so failed tries stay counted; its own writes share
    one transaction.
    """
    keys = [f"claim:code:{code_hash(code)}", f"claim:client:{client}"]
    if await throttle.is_blocked(keys):
        raise MobioError(AccountErrorCode.TOO_MANY_ATTEMPTS, "error.too_many_attempts")
    address = normalise_email(email)
    check_password_rules(password)
    check_language(language)
    if not await consent.is_current(usage_document_id, ConsentKind.USAGE):
        raise MobioError(ClaimErrorCode.CONSENT_INVALID, "error.consent_invalid")
    password_hash = await hash_password(password)  # before the look-up: equal time either way
    found = await _claimable(code, date_of_birth)
    if found is None:
        await throttle.record_failure(keys)
        raise _invalid()
    code_id, person_id = found
    async with _transaction():
        account_id = await _take_over(code_id, person_id, address, password_hash, language)
        await consent.record(
            usage_document_id,
            account_id=account_id,
            person_id=person_id,
            acted_by=account_id,
            channel=ConsentChannel.SELF,
        )
    await throttle.clear(keys[0])
    await send_activation(account_id, address, language)
    await _tell_teams(person_id)
    return person_id


async def _claimable(code: str, date_of_birth: datetime.date) -> tuple[UUID, UUID] | None:
    """(code id, person id) if the code is valid now and the date of birth is the person's."""
    row = await (
        ClaimCode.select(ClaimCode.id, ClaimCode.person)
        .where(
            (ClaimCode.code_hash == code_hash(code))
            & ClaimCode.used_at.is_null()
            & ClaimCode.voided_at.is_null()
            & (ClaimCode.expires_at > timeutil.now())
            & (ClaimCode.person.date_of_birth == date_of_birth)
            & ClaimCode.person.account.is_null()
        )
        .first()
    )
    return None if row is None else (as_uuid(row["id"]), as_uuid(row["person"]))


async def _take_over(
    code_id: UUID, person_id: UUID, address: str, password_hash: str, language: str
) -> UUID:
    used = await (
        ClaimCode.update({ClaimCode.used_at: timeutil.now()})
        .where((ClaimCode.id == code_id) & ClaimCode.used_at.is_null())
        .returning(ClaimCode.id)
    )
    if not used:
        raise _invalid()  # a concurrent claim was first
    if await Account.exists().where(Account.email == address):
        raise MobioError(ClaimErrorCode.EMAIL_UNAVAILABLE, "error.claim_email_unavailable")
    now = timeutil.now()
    account = Account(
        email=address,
        password_hash=password_hash,
        kind=AccountKind.NEWCOMER,
        language=language,
        is_active=False,
        created_at=now,
    )
    await account.save()
    account_id = as_uuid(account.id)
    owned = await (
        Person.update({Person.account: account_id})
        .where((Person.id == person_id) & Person.account.is_null())
        .returning(Person.id)
    )
    if not owned:
        raise _invalid()
    return account_id


async def _tell_teams(person_id: UUID) -> None:
    """Mail the members of every team holding a release: claimed, nothing more."""
    teams = TeamRelease.select(TeamRelease.team).where(
        (TeamRelease.person == person_id) & active_team_release()
    )
    members = await TeamMembership.select(
        TeamMembership.account.email, TeamMembership.account.language
    ).where(
        TeamMembership.team.is_in(teams) & (TeamMembership.account.is_active == True)  # noqa: E712
    )
    link = get_settings().base_url + "/"
    for address in {(m["account.email"], m["account.language"]) for m in members}:
        to, language = address
        await enqueue(
            "send_mail",
            to=to,
            subject=translate(language, "mail.profile_claimed.subject"),
            body=translate(language, "mail.profile_claimed.body", link=link),
            language=language,
        )


def _transaction() -> Any:
    engine: Engine = Person._meta.db  # type: ignore[type-arg]
    if isinstance(engine, SQLiteEngine):
        # As the request transaction does: take SQLite's write lock up front.
        return engine.transaction(transaction_type=TransactionType.immediate)
    return engine.transaction()
