"""GraphQL types of a person's profile."""

from __future__ import annotations

import datetime
from uuid import UUID

import strawberry

from mobio.auth.directives import PUBLIC, read
from mobio.auth.grants import CASEWORKER_GRANTS, PACKAGE_GRANTS, PERSON_GRANTS, Grant
from mobio.auth.guarded import Guarded
from mobio.goals.access import GOAL_READERS
from mobio.persons.service import PersonRecord
from mobio.schema.biography import person_fields
from mobio.schema.biography.generated import BIOGRAPHY
from mobio.schema.biography.types import LOG_READERS, AnswerLogEntry, PrivateNote, SectionEnum
from mobio.schema.casenotes import person_fields as casenote_fields
from mobio.schema.casenotes.types import NOTE_READERS, CaseNote
from mobio.schema.context import Info
from mobio.schema.corrections import person_fields as correction_fields
from mobio.schema.corrections.types import (
    CORRECTION_READERS,
    CorrectionRequest,
    CorrectionStateEnum,
)
from mobio.schema.documents import person_fields as document_fields
from mobio.schema.documents.types import DOCUMENT_READERS, Document
from mobio.schema.goals import person_fields as goal_fields
from mobio.schema.goals.types import GoalAgreement
from mobio.schema.handover import person_fields as handover_fields
from mobio.schema.handover.types import HAND_OVER_READERS, HandOver
from mobio.schema.releases import person_fields as release_fields
from mobio.schema.releases.types import AccessInfo, StakeholderReleaseInfo, TeamReleaseInfo

Biography = BIOGRAPHY

OWNER_AND_TEAMS = (Grant.OWNER, *sorted(CASEWORKER_GRANTS))
PERSONAL_BASICS = (*OWNER_AND_TEAMS, *sorted(PACKAGE_GRANTS))
"""Every package contains the personal basics (DESIGN.md section 3)."""


@strawberry.type(description="A newcomer's profile: the write-once personal page and its state.")
class Person(Guarded):
    id: strawberry.ID | None = strawberry.field(
        directives=read(*PERSONAL_BASICS), description="Stable identifier of the profile."
    )
    family_name: str | None = strawberry.field(directives=read(*PERSONAL_BASICS))
    given_name: str | None = strawberry.field(directives=read(*PERSONAL_BASICS))
    sex: str | None = strawberry.field(
        directives=read(*PERSONAL_BASICS), description="Code: female, male, diverse."
    )
    date_of_birth: datetime.date | None = strawberry.field(directives=read(*PERSONAL_BASICS))
    nationality: str | None = strawberry.field(
        directives=read(*PERSONAL_BASICS), description="ISO 3166-1 alpha-2 country code."
    )

    @strawberry.field(
        directives=read(*PERSON_GRANTS),
        description="Every page and section; each answer shows only to the grants it admits.",
    )
    async def biography(self, info: Info) -> Biography | None:  # type: ignore[valid-type]
        return await person_fields.biography(info, self._uuid, self.grants)  # type: ignore[no-any-return]

    @strawberry.field(
        directives=read(*LOG_READERS), description="Who set which value of one answer, and when."
    )
    async def answer_log(
        self, info: Info, question: str, member_id: strawberry.ID | None = None
    ) -> list[AnswerLogEntry] | None:
        return await person_fields.answer_log(
            self._uuid, self.grants, member_id, question, info.context.language
        )

    @strawberry.field(directives=read(Grant.OWNER), description="The owner's private notes.")
    async def private_notes(
        self,
        section: SectionEnum | None = None,  # type: ignore[valid-type]
    ) -> list[PrivateNote] | None:
        return await person_fields.private_notes(self._uuid, self.grants, section)

    @strawberry.field(directives=read(Grant.OWNER), description="Releases to teams.")
    async def team_releases(self) -> list[TeamReleaseInfo] | None:
        return await release_fields.team_releases(self._uuid, self.grants)

    @strawberry.field(directives=read(Grant.OWNER), description="Links for stakeholders.")
    async def stakeholder_releases(self) -> list[StakeholderReleaseInfo] | None:
        return await release_fields.stakeholder_releases(self._uuid, self.grants)

    @strawberry.field(
        directives=read(Grant.OWNER), description="Who else read this person's data, and when."
    )
    async def access_log(self) -> list[AccessInfo] | None:
        return await release_fields.access_log(self._uuid, self.grants)

    @strawberry.field(
        directives=read(*DOCUMENT_READERS),
        description="Documents in the categories the caller may see (miscellaneous: owner only).",
    )
    async def documents(self) -> list[Document] | None:
        return await document_fields.documents(self._uuid, self.grants)

    @strawberry.field(
        directives=read(*GOAL_READERS),
        description="Goal agreements: all for the owner, a team's own for a team holding them.",
    )
    async def goal_agreements(self, info: Info) -> list[GoalAgreement] | None:
        return await goal_fields.goal_agreements(info, self._uuid, self.grants)

    @strawberry.field(
        directives=read(*CORRECTION_READERS),
        description="Correction requests for locked personal-page answers (all, or one state).",
    )
    async def correction_requests(
        self,
        info: Info,
        state: CorrectionStateEnum | None = None,  # type: ignore[valid-type]
    ) -> list[CorrectionRequest] | None:
        return await correction_fields.correction_requests(info, self._uuid, self.grants, state)

    @strawberry.field(
        directives=read(*NOTE_READERS),
        description="Case notes: a team reads its own; the owner reads all of them, read-only.",
    )
    async def case_notes(self, info: Info) -> list[CaseNote] | None:
        return await casenote_fields.case_notes(info, self._uuid, self.grants)

    @strawberry.field(
        directives=read(*HAND_OVER_READERS),
        description="Hand-overs of the case: all for the owner, a team's own for a team.",
    )
    async def hand_overs(self, info: Info) -> list[HandOver] | None:
        return await handover_fields.hand_overs(info, self._uuid, self.grants)

    @property
    def _uuid(self) -> UUID:
        return UUID(str(self.id))

    @classmethod
    def build(cls, record: PersonRecord, grants: frozenset[Grant]) -> Person:
        return cls(
            grants=grants,
            id=strawberry.ID(str(record.id)),
            family_name=record.family_name,
            given_name=record.given_name,
            sex=record.sex,
            date_of_birth=record.date_of_birth,
            nationality=record.nationality,
        )


@strawberry.type(description="A page of persons, ordered by id, for keyset pagination.")
class PersonPage:
    items: list[Person] = strawberry.field(directives=PUBLIC)
    next_cursor: str | None = strawberry.field(
        directives=PUBLIC, description="Pass as `after` for the next page; null on the last page."
    )
