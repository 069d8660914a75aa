"""Typed factories with sensible defaults: each returns what tests need to act as someone."""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from mobio import timeutil
from mobio.accounts.passwords import hash_password
from mobio.accounts.tables import Account, AccountKind
from mobio.biography.tables import FamilyMember, MemberKind
from mobio.consent import service as consent
from mobio.consent.tables import ConsentKind
from mobio.db.values import as_uuid
from mobio.organisations import service as organisations
from mobio.organisations.tables import TeamKind
from mobio.packages import Package
from mobio.persons.names import name_key
from mobio.persons.tables import Person
from mobio.releases.tables import StakeholderRelease, TeamRelease
from mobio.secrets_util import new_token, token_hash

PASSWORD = "a-long-test-password"
_numbers = itertools.count(1)


@dataclass(frozen=True)
class Newcomer:
    email: str
    account_id: UUID
    person_id: UUID


@dataclass(frozen=True)
class Caseworker:
    email: str
    account_id: UUID
    team_id: UUID


def unique_email(prefix: str) -> str:
    return f"{prefix}{next(_numbers)}@example.org"


async def usage_document(language: str = "en") -> UUID:
    """A published usage declaration in ``language`` (published if there is none yet)."""
    for document in await consent.current_documents(ConsentKind.USAGE):
        if document.language == language:
            return document.id
    return await consent.publish(ConsentKind.USAGE, language, "Usage", "Text of the usage.", None)


async def newcomer(
    *,
    active: bool = True,
    family_name: str = "Haddad",
    given_name: str = "Amina",
    date_of_birth: datetime.date = datetime.date(1990, 1, 31),
    language: str = "en",
) -> Newcomer:
    now = timeutil.now()
    email = unique_email("newcomer")
    account = Account(
        email=email,
        password_hash=await hash_password(PASSWORD),
        kind=AccountKind.NEWCOMER,
        language=language,
        is_active=active,
        created_at=now,
        activated_at=now if active else None,
    )
    await account.save()
    person = Person(
        account=account.id,
        family_name=family_name,
        given_name=given_name,
        name_key=name_key(given_name, family_name),
        sex="female",
        date_of_birth=date_of_birth,
        nationality="SY",
        created_at=now,
    )
    await person.save()
    return Newcomer(email, as_uuid(account.id), as_uuid(person.id))


async def staff(kind: AccountKind) -> tuple[str, UUID]:
    email = unique_email(kind.value)
    return email, await organisations.create_staff_account(email, PASSWORD, kind)


async def caseworker(team_kind: TeamKind, team_id: UUID | None = None) -> Caseworker:
    """A caseworker in a (new, unless given) team of ``team_kind``."""
    if team_id is None:
        municipality = await organisations.create_municipality(f"Gemeinde {next(_numbers)}")
        team_id = await organisations.create_team(f"Team {next(_numbers)}", team_kind, municipality)
    email, account_id = await staff(AccountKind.CASEWORKER)
    await organisations.add_member(team_id, account_id)
    return Caseworker(email, account_id, team_id)


async def team_release(person_id: UUID, team_id: UUID) -> UUID:
    release = TeamRelease(person=person_id, team=team_id, granted_at=timeutil.now())
    await release.save()
    return as_uuid(release.id)


async def stakeholder_release(
    person_id: UUID, package: Package, *, valid_for: timedelta = timedelta(days=14)
) -> str:
    """A release link for ``package``; returns the token (only its hash is stored)."""
    token = new_token()
    now = timeutil.now()
    await StakeholderRelease(
        person=person_id,
        package=package,
        token_hash=token_hash(token),
        created_at=now,
        expires_at=now + valid_for,
    ).save()
    return token


async def revoked_team_release(person_id: UUID, team_id: UUID) -> UUID:
    """A release that existed and was revoked."""
    now = timeutil.now()
    release = TeamRelease(person=person_id, team=team_id, granted_at=now, revoked_at=now)
    await release.save()
    return as_uuid(release.id)


async def newcomer_with_empty_page(*, language: str = "en") -> Newcomer:
    """A newcomer whose write-once personal page is still empty (as after registration)."""
    created = await newcomer(language=language)
    await Person.update(
        {
            Person.family_name: None,
            Person.given_name: None,
            Person.sex: None,
            Person.date_of_birth: None,
            Person.nationality: None,
        }
    ).where(Person.id == created.person_id)
    return created


async def released_caseworker(team_kind: TeamKind, person_id: UUID) -> Caseworker:
    """A caseworker of a new team of ``team_kind`` that holds a release from the person."""
    member = await caseworker(team_kind)
    await team_release(person_id, member.team_id)
    return member


async def family_member(person_id: UUID, kind: MemberKind) -> UUID:
    """An empty partner or child page of the person; returns the member's id."""
    member = FamilyMember(person=person_id, kind=kind, created_at=timeutil.now())
    await member.save()
    return as_uuid(member.id)
