"""Givens of correction tests: a newcomer with locked answers, evidence documents."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from uuid import UUID

from mobio import timeutil
from mobio.biography.catalogue.model import Section
from mobio.biography.saving import save_section
from mobio.biography.tables import SELF, SectionVersion
from mobio.db.values import as_uuid
from mobio.documents.tables import Document, DocumentCategory
from mobio.organisations.tables import TeamKind
from tests.support import factories
from tests.support.biography import owner

OLD_BIRTHDAY = "1990-01-30"  # not the factory's, so the save logs it
NEW_BIRTHDAY = "1990-01-13"


@dataclass(frozen=True)
class Case:
    """A newcomer whose date of birth they entered themself (locked for them), a caseworker
    whose team holds their release, and a document of theirs to show as evidence."""

    newcomer: factories.Newcomer
    worker: factories.Caseworker
    evidence: UUID

    @property
    def person(self) -> str:
        return str(self.newcomer.person_id)


async def document(
    person_id: UUID, category: DocumentCategory = DocumentCategory.OFFICIAL_DOCUMENT
) -> UUID:
    """A stored document row of the person (its bytes are not needed to name it as evidence)."""
    row = Document(
        person=person_id,
        category=category,
        storage_key=secrets.token_hex(16),
        file_name="passport.pdf",
        content_type="application/pdf",
        size=1,
        sha256="0" * 64,
        uploaded_at=timeutil.now(),
        uploaded_grant="owner",
    )
    await row.save()
    return as_uuid(row.id)


async def enter_once(newcomer: factories.Newcomer, answers: dict[str, object]) -> int:
    """The owner enters personal-page answers (locking them for the owner); the new version."""
    actor = owner(newcomer.account_id)
    row = await (
        SectionVersion.select(SectionVersion.version)
        .where(
            (SectionVersion.person == newcomer.person_id)
            & (SectionVersion.subject == SELF)
            & (SectionVersion.section == Section.PERSONAL)
        )
        .first()
    )
    version = row["version"] if row else 0
    return await save_section(actor, newcomer.person_id, SELF, Section.PERSONAL, version, answers)


async def case(*, language: str = "en", team_kind: TeamKind = TeamKind.SOCIAL_COUNSELLING) -> Case:
    newcomer = await factories.newcomer(language=language)
    await enter_once(newcomer, {"date_of_birth": OLD_BIRTHDAY})
    worker = await factories.released_caseworker(team_kind, newcomer.person_id)
    return Case(newcomer, worker, await document(newcomer.person_id))
