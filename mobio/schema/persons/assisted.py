"""Assisted profiles: the duplicate check and creating a profile from a signed paper form.

Both name no person yet, so their directive is the caller's own (any account); the service
lets only members of the given counselling team act, and lists only persons they may read.
"""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator
from typing import Any

import strawberry
from strawberry.file_uploads import Upload

from mobio.auth.directives import PUBLIC, read, write
from mobio.auth.grants import Grant
from mobio.documents.store import READ_CHUNK
from mobio.persons import assisted
from mobio.schema.context import Info
from mobio.schema.ids import parse_id
from mobio.schema.persons.types import Person

OWN_ACT = (Grant.OWNER,)


@strawberry.type(description="Profiles that may be the same person (names and date of birth).")
class DuplicateCheck:
    matches: list[Person] = strawberry.field(
        directives=PUBLIC, description="Matches the caller may read."
    )
    exists_elsewhere: bool = strawberry.field(
        directives=PUBLIC,
        description="A match exists that the caller may not read; nothing more is told.",
    )


async def _chunks(file: Any) -> AsyncIterator[bytes]:
    while chunk := await file.read(READ_CHUNK):
        yield chunk


@strawberry.type
class AssistedQueries:
    @strawberry.field(
        directives=read(*OWN_ACT),
        description="Before creating a profile: persons with these names (spelling-tolerant) "
        "and this date of birth. For members of the team teamId only.",
    )
    async def possible_duplicates(
        self,
        info: Info,
        given_name: str,
        family_name: str,
        date_of_birth: datetime.date,
        team_id: strawberry.ID,
    ) -> DuplicateCheck:
        principal = info.context.principal
        await assisted.assisting_grant(principal, parse_id(team_id))
        found = await assisted.possible_duplicates(
            principal, given_name, family_name, date_of_birth
        )
        grants = await info.context.access.grants_on_persons([p.id for p in found.listed])
        matches = [Person.build(p, g) for p, g in zip(found.listed, grants, strict=True)]
        return DuplicateCheck(matches=matches, exists_elsewhere=found.exists_elsewhere)


@strawberry.type
class AssistedMutations:
    @strawberry.mutation(
        directives=write(*OWN_ACT),
        description="Create the profile of a person without an account from the signed paper "
        "declaration (scan required) and release it to the team teamId; with a possible "
        "duplicate only with duplicateReason. Returns the new person's id.",
    )
    async def create_assisted_profile(
        self,
        info: Info,
        given_name: str,
        family_name: str,
        date_of_birth: datetime.date,
        language: str,
        team_id: strawberry.ID,
        usage_consent_document_id: strawberry.ID,
        team_release_consent_document_id: strawberry.ID,
        scan: Upload | None = None,
        sex: str | None = None,
        nationality: str | None = None,
        duplicate_reason: str | None = None,
    ) -> strawberry.ID:
        profile = assisted.NewProfile(
            given_name=given_name,
            family_name=family_name,
            date_of_birth=date_of_birth,
            language=language,
            sex=sex,
            nationality=nationality,
        )
        upload = None
        if scan is not None:
            upload = assisted.Scan(str(getattr(scan, "filename", "") or ""), _chunks(scan))
        person_id = await assisted.create_assisted_profile(
            info.context.principal,
            parse_id(team_id),
            profile,
            parse_id(usage_consent_document_id),
            parse_id(team_release_consent_document_id),
            upload,
            duplicate_reason,
        )
        return strawberry.ID(str(person_id))
