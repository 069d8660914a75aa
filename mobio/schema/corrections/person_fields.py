"""Resolver of ``Person.correctionRequests`` (declared in mobio.schema.persons.types)."""

from __future__ import annotations

from uuid import UUID

import strawberry

from mobio.auth.grants import Grant
from mobio.biography.catalogue import BY_CODE
from mobio.biography.catalogue.labels import question_label
from mobio.biography.tables import SELF
from mobio.corrections.service import CorrectionRecord
from mobio.corrections.tables import CorrectionState
from mobio.schema.context import Info
from mobio.schema.corrections.loaders import corrections_by_person
from mobio.schema.corrections.types import CorrectionRequest


async def correction_requests(
    info: Info, person_id: UUID, grants: frozenset[Grant], state: CorrectionState | None
) -> list[CorrectionRequest]:
    records = await corrections_by_person(info.context.loaders, state).load(person_id)
    return [_build(record, grants, info.context.language) for record in records]


def _build(record: CorrectionRecord, grants: frozenset[Grant], language: str) -> CorrectionRequest:
    question = BY_CODE.get(record.question)
    return CorrectionRequest(
        grants=grants,
        id=strawberry.ID(str(record.id)),
        member_id=None if record.subject == SELF else strawberry.ID(record.subject),
        question=record.question,
        question_label=question_label(question, language) if question else record.question,
        current_value=record.current_value,
        proposed_value=record.proposed_value,
        reason=record.reason,
        evidence_document_id=strawberry.ID(str(record.evidence_id)) if record.evidence_id else None,
        evidence_file_name=record.evidence_file_name,
        state=record.state,
        decision_reason=record.decision_reason,
        created_at=record.created_at,
        decided_at=record.decided_at,
        decided_team_name=record.decided_team_name,
    )
