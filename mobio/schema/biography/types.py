"""GraphQL types around the biography: log entries, private notes, the questionnaire."""

from __future__ import annotations

import datetime

import strawberry

from mobio.auth.biography import CASEWORK_GRANTS
from mobio.auth.directives import PUBLIC, read
from mobio.auth.grants import Grant
from mobio.auth.guarded import Guarded
from mobio.biography.catalogue.model import Kind, Section
from mobio.biography.log import LogEvent
from mobio.biography.tables import MemberKind

SectionEnum = strawberry.enum(
    Section, name="Section", description="A section of the questionnaire."
)
MemberKindEnum = strawberry.enum(MemberKind, name="FamilyMemberKind")
QuestionKindEnum = strawberry.enum(Kind, name="QuestionKind")
LogEventEnum = strawberry.enum(
    LogEvent, name="AnswerLogEvent", description="A correction step; null for a plain save."
)

LOG_READERS = (*CASEWORK_GRANTS, Grant.INTEGRATION_OFFICE)


@strawberry.type(description="One change of an answer: who set which value when.")
class AnswerLogEntry(Guarded):
    changed_at: datetime.datetime | None = strawberry.field(
        default=None, directives=read(*LOG_READERS)
    )
    value: strawberry.scalars.JSON | None = strawberry.field(
        default=None,
        directives=read(*LOG_READERS),
        description="The value as stored (codes, text, date, number); null when deleted.",
    )
    actor_grant: str | None = strawberry.field(
        default=None, directives=read(*LOG_READERS), description="owner, or the team's kind."
    )
    actor_name: str | None = strawberry.field(default=None, directives=read(*LOG_READERS))
    team_name: str | None = strawberry.field(default=None, directives=read(*LOG_READERS))
    event: LogEventEnum | None = strawberry.field(  # type: ignore[valid-type]
        default=None,
        directives=read(*LOG_READERS),
        description="Null for a plain save; else the correction step this entry records.",
    )
    previous_value: strawberry.scalars.JSON | None = strawberry.field(
        default=None,
        directives=read(*LOG_READERS),
        description="For correction events: the answer as stored when the correction was asked.",
    )
    correction_reason: str | None = strawberry.field(
        default=None,
        directives=read(*LOG_READERS),
        description="For correction events: why the owner asked for it.",
    )
    decision_reason: str | None = strawberry.field(
        default=None,
        directives=read(*LOG_READERS),
        description="For correction events: why it was rejected.",
    )


@strawberry.type(description="A private note: only its owner can ever read it.")
class PrivateNote(Guarded):
    id: strawberry.ID | None = strawberry.field(default=None, directives=read(Grant.OWNER))
    section: SectionEnum | None = strawberry.field(default=None, directives=read(Grant.OWNER))  # type: ignore[valid-type]
    body: str | None = strawberry.field(default=None, directives=read(Grant.OWNER))
    created_at: datetime.datetime | None = strawberry.field(
        default=None, directives=read(Grant.OWNER)
    )
    updated_at: datetime.datetime | None = strawberry.field(
        default=None, directives=read(Grant.OWNER)
    )


@strawberry.type(description="A preset answer offered by a question.")
class OptionInfo:
    code: str = strawberry.field(directives=PUBLIC)
    label: str = strawberry.field(directives=PUBLIC)


@strawberry.type(description="Ask a question only if an earlier answer has one of these codes.")
class ConditionInfo:
    question: str = strawberry.field(directives=PUBLIC)
    codes: list[str] = strawberry.field(directives=PUBLIC)


@strawberry.type(description="A question of the questionnaire, in the reader's language.")
class QuestionInfo:
    code: str = strawberry.field(
        directives=PUBLIC, description="The answer field's name, snake_case."
    )
    kind: QuestionKindEnum = strawberry.field(directives=PUBLIC)  # type: ignore[valid-type]
    label: str = strawberry.field(directives=PUBLIC)
    label_de: str = strawberry.field(directives=PUBLIC)
    subjects: list[str] = strawberry.field(directives=PUBLIC)
    write_once: bool = strawberry.field(directives=PUBLIC)
    options: list[OptionInfo] = strawberry.field(directives=PUBLIC)
    shown_if: ConditionInfo | None = strawberry.field(directives=PUBLIC)
    max_length: int = strawberry.field(directives=PUBLIC)
    minimum: int = strawberry.field(directives=PUBLIC)
    maximum: int = strawberry.field(directives=PUBLIC)
    fields: list[QuestionInfo] = strawberry.field(directives=PUBLIC, description="Of an entry.")


@strawberry.type(description="A section of the questionnaire with its questions.")
class SectionInfo:
    section: SectionEnum = strawberry.field(directives=PUBLIC)  # type: ignore[valid-type]
    label: str = strawberry.field(directives=PUBLIC)
    questions: list[QuestionInfo] = strawberry.field(directives=PUBLIC)
