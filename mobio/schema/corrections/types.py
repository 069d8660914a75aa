"""GraphQL types of correction requests: read by the owner and the teams that decide them."""

from __future__ import annotations

import datetime

import strawberry

from mobio.auth.directives import read
from mobio.auth.grants import CASEWORKER_GRANTS, Grant
from mobio.auth.guarded import Guarded
from mobio.corrections.service import EVIDENCE_READERS
from mobio.corrections.tables import CorrectionState

CorrectionStateEnum = strawberry.enum(
    CorrectionState, name="CorrectionState", description="Where a correction request stands."
)
CORRECTION_READERS = (Grant.OWNER, *sorted(CASEWORKER_GRANTS))
"""The owner and every team that may decide (all teams that may write the personal page)."""
READERS = read(*CORRECTION_READERS)
EVIDENCE = read(Grant.OWNER, *sorted(EVIDENCE_READERS))
"""The integration office reads no documents, so not the evidence's name either."""


@strawberry.type(description="The owner's proposal to correct one locked personal-page answer.")
class CorrectionRequest(Guarded):
    id: strawberry.ID | None = strawberry.field(default=None, directives=READERS)
    member_id: strawberry.ID | None = strawberry.field(
        default=None, directives=READERS, description="The partner or child; null: own page."
    )
    question: str | None = strawberry.field(
        default=None, directives=READERS, description="The question's code, e.g. date_of_birth."
    )
    question_label: str | None = strawberry.field(
        default=None, directives=READERS, description="In the reader's language."
    )
    current_value: strawberry.scalars.JSON | None = strawberry.field(
        default=None, directives=READERS, description="The answer as stored when requested."
    )
    proposed_value: strawberry.scalars.JSON | None = strawberry.field(
        default=None, directives=READERS, description="As it would be stored (cleaned)."
    )
    reason: str | None = strawberry.field(default=None, directives=READERS)
    evidence_document_id: strawberry.ID | None = strawberry.field(default=None, directives=EVIDENCE)
    evidence_file_name: str | None = strawberry.field(default=None, directives=EVIDENCE)
    state: CorrectionStateEnum | None = strawberry.field(default=None, directives=READERS)  # type: ignore[valid-type]
    decision_reason: str | None = strawberry.field(
        default=None, directives=READERS, description="Why it was rejected."
    )
    created_at: datetime.datetime | None = strawberry.field(default=None, directives=READERS)
    decided_at: datetime.datetime | None = strawberry.field(default=None, directives=READERS)
    decided_team_name: str | None = strawberry.field(default=None, directives=READERS)
