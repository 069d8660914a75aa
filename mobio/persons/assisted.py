"""Assisted profiles: a caseworker creates the profile of a person who has no account yet.

Only with a scan of the signed paper declaration (usage and release to the team): the scan is
stored as one of the person's documents, and both consent records name the assisted channel,
the document version, the scan's SHA-256 and who acted. Before that a duplicate check looks
for the same names (spelling-tolerant, ``mobio.persons.names``) and date of birth: matches the
caller may read are listed; of any other match the caller learns only that one exists, and
going on needs a reason, which is stored with the profile.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from mobio import timeutil
from mobio.accounts.service import check_language
from mobio.auth.grants import TEAM_KIND_GRANT, Grant
from mobio.auth.principal import Principal
from mobio.auth.visibility import visible_persons
from mobio.biography.catalogue.model import Section
from mobio.biography.saving import Actor, save_section
from mobio.biography.tables import SELF
from mobio.consent import service as consent
from mobio.consent.tables import ConsentChannel, ConsentKind, ConsentRecord
from mobio.db.values import as_uuid
from mobio.documents import service as documents
from mobio.documents.tables import DocumentCategory
from mobio.errors import MobioError, bad_input, forbidden
from mobio.organisations.tables import Team, TeamKind
from mobio.persons import service as persons
from mobio.persons.names import name_conditions
from mobio.persons.tables import Person
from mobio.releases.tables import TeamRelease

log = logging.getLogger(__name__)

ASSISTING_KINDS = frozenset({TeamKind.SOCIAL_COUNSELLING, TeamKind.INTEGRATION_MANAGEMENT})
"""Teams whose members may create profiles (the integration office only reads)."""
MAX_LISTED = 20
SCAN_CATEGORY = DocumentCategory.OFFICIAL_DOCUMENT


class AssistedErrorCode(StrEnum):
    SCAN_REQUIRED = "SCAN_REQUIRED"
    DUPLICATE_REASON_REQUIRED = "DUPLICATE_REASON_REQUIRED"
    CONSENT_INVALID = "CONSENT_INVALID"


@dataclass(frozen=True, slots=True)
class NewProfile:
    """What the caseworker typed from the paper form."""

    given_name: str
    family_name: str
    date_of_birth: datetime.date
    language: str
    sex: str | None = None
    nationality: str | None = None


@dataclass(frozen=True, slots=True)
class Scan:
    """The uploaded scan of the signed declaration."""

    file_name: str
    chunks: AsyncIterator[bytes]


@dataclass(frozen=True, slots=True)
class Duplicates:
    listed: list[persons.PersonRecord]
    """Matches the caller may read."""
    exists_elsewhere: bool
    """Whether a match exists that the caller may not read (nothing more is told)."""

    @property
    def any(self) -> bool:
        return bool(self.listed) or self.exists_elsewhere


async def assisting_grant(principal: Principal, team_id: UUID) -> Grant:
    """The grant the caller acts under for ``team_id``: one of their own counselling teams."""
    if team_id not in principal.team_ids:
        raise forbidden()
    row = await Team.select(Team.kind).where(Team.id == team_id).first()
    if row is None or TeamKind(row["kind"]) not in ASSISTING_KINDS:
        raise forbidden()
    return TEAM_KIND_GRANT[TeamKind(row["kind"])]


async def possible_duplicates(
    principal: Principal, given_name: str, family_name: str, date_of_birth: datetime.date
) -> Duplicates:
    """Persons with these names (spelling-tolerant) and this date of birth."""
    names = name_conditions(f"{given_name} {family_name}")
    if names is None:
        return Duplicates([], False)
    same = names & (Person.date_of_birth == date_of_birth)
    listed = await persons.page(same & visible_persons(principal), None, MAX_LISTED)
    total = await Person.count().where(same)
    # Counted, not listed: matches beyond the first page are visible ones, not elsewhere.
    visible = await Person.count().where(same & visible_persons(principal))
    return Duplicates(listed, total > visible)


async def create_assisted_profile(
    principal: Principal,
    team_id: UUID,
    profile: NewProfile,
    usage_document_id: UUID,
    release_document_id: UUID,
    scan: Scan | None,
    duplicate_reason: str | None,
) -> UUID:
    """Create the profile, store the scan and record both consents; returns the person's id."""
    grant = await assisting_grant(principal, team_id)
    acting = principal.require_account()
    if scan is None:
        raise MobioError(AssistedErrorCode.SCAN_REQUIRED, "error.assisted_scan_required")
    if not profile.given_name.strip() or not profile.family_name.strip():
        raise bad_input("error.assisted_names_required")
    check_language(profile.language)
    for document_id, kind in (
        (usage_document_id, ConsentKind.USAGE),
        (release_document_id, ConsentKind.TEAM_RELEASE),
    ):
        if not await consent.is_current(document_id, kind):
            raise MobioError(AssistedErrorCode.CONSENT_INVALID, "error.consent_invalid")
    reason = (duplicate_reason or "").strip() or None
    duplicates = await possible_duplicates(
        principal, profile.given_name, profile.family_name, profile.date_of_birth
    )
    if duplicates.any and reason is None:
        raise MobioError(
            AssistedErrorCode.DUPLICATE_REASON_REQUIRED, "error.duplicate_reason_required"
        )
    now = timeutil.now()
    person = Person(
        account=None,
        language=profile.language,
        duplicate_reason=reason if duplicates.any else None,
        created_at=now,
        created_by=acting,
    )
    await person.save()
    person_id = as_uuid(person.id)
    if duplicates.any:
        log.info("assisted profile %s created despite a possible duplicate", person_id)
    # Through the biography's own save: validated, in the answer log, name key kept.
    answers = {
        "given_name": profile.given_name.strip(),
        "family_name": profile.family_name.strip(),
        "date_of_birth": profile.date_of_birth.isoformat(),
        "sex": profile.sex,
        "nationality": profile.nationality,
    }
    actor = Actor(acting, frozenset({grant}), team_id)
    changes = {code: value for code, value in answers.items() if value is not None}
    await save_section(actor, person_id, SELF, Section.PERSONAL, 0, changes)
    stored = await documents.upload(
        documents.Uploader(acting, frozenset({grant})),
        person_id,
        SCAN_CATEGORY,
        scan.file_name or "consent",
        scan.chunks,
    )
    records = [
        ConsentRecord(
            document=document_id,
            account=None,
            person=person_id,
            acted_by=acting,
            channel=ConsentChannel.ASSISTED,
            accepted_at=now,
            scan=stored.id,
            scan_sha256=stored.sha256,
        )
        for document_id in (usage_document_id, release_document_id)
    ]
    await ConsentRecord.insert(*records)
    await TeamRelease(
        person=person_id, team=team_id, consent_record=records[1].id, granted_at=now
    ).save()
    return person_id
