"""Research as GraphQL types: the owner's participation and uses, the staff's register."""

from __future__ import annotations

import datetime

import strawberry

from mobio.auth.directives import PUBLIC, read
from mobio.auth.grants import Grant
from mobio.auth.guarded import Guarded
from mobio.research.extracts import ExtractRecord
from mobio.research.participation import Participation
from mobio.research.tables import ExtractState
from mobio.schema.consent.types import ConsentDocument

OWNER = read(Grant.OWNER)
STAFF = read(Grant.ANALYST, Grant.ADMINISTRATOR)
DOWNLOAD_PATH = "/research/extracts/{id}"
"""The download route (``mobio.web.extracts``); it answers the requesting analyst only."""

ExtractStateEnum = strawberry.enum(
    ExtractState, name="ResearchExtractState", description="Where a research extract stands."
)


@strawberry.type(description="Whether the newcomer takes part in research (off by default).")
class ResearchParticipation(Guarded):
    participating: bool | None = strawberry.field(default=None, directives=OWNER)
    version: int | None = strawberry.field(
        default=None, directives=OWNER, description="Version of the declaration agreed to."
    )
    language: str | None = strawberry.field(
        default=None, directives=OWNER, description="Language of the declaration agreed to."
    )
    since: datetime.datetime | None = strawberry.field(default=None, directives=OWNER)
    document: ConsentDocument | None = strawberry.field(
        default=None,
        directives=PUBLIC,
        description="The current research declaration in the caller's language, to show.",
    )

    @classmethod
    def build(
        cls, participation: Participation, document: ConsentDocument | None
    ) -> ResearchParticipation:
        return cls(
            grants=frozenset({Grant.OWNER}),
            participating=participation.participating,
            version=participation.version,
            language=participation.language,
            since=participation.since,
            document=document,
        )


@strawberry.type(description="An extract that included the newcomer's pseudonymised data.")
class ResearchUse(Guarded):
    number: int | None = strawberry.field(default=None, directives=OWNER)
    purpose: str | None = strawberry.field(default=None, directives=OWNER)
    recipient: str | None = strawberry.field(default=None, directives=OWNER)
    period: str | None = strawberry.field(default=None, directives=OWNER)
    variables: list[str] | None = strawberry.field(
        default=None, directives=OWNER, description="Codes of the categories it held."
    )
    used_at: datetime.datetime | None = strawberry.field(
        default=None, directives=OWNER, description="When the extract was written."
    )

    @classmethod
    def build(cls, record: ExtractRecord) -> ResearchUse:
        return cls(
            grants=frozenset({Grant.OWNER}),
            number=record.number,
            purpose=record.purpose,
            recipient=record.recipient,
            period=record.period,
            variables=list(record.variables),
            used_at=record.ready_at,
        )


@strawberry.type(description="One entry of the register of research extracts (counts only).")
class ResearchExtract(Guarded):
    id: strawberry.ID | None = strawberry.field(default=None, directives=STAFF)
    number: int | None = strawberry.field(default=None, directives=STAFF)
    purpose: str | None = strawberry.field(default=None, directives=STAFF)
    recipient: str | None = strawberry.field(default=None, directives=STAFF)
    period: str | None = strawberry.field(default=None, directives=STAFF)
    variables: list[str] | None = strawberry.field(default=None, directives=STAFF)
    state: ExtractStateEnum | None = strawberry.field(default=None, directives=STAFF)  # type: ignore[valid-type]
    requested_at: datetime.datetime | None = strawberry.field(default=None, directives=STAFF)
    decided_at: datetime.datetime | None = strawberry.field(default=None, directives=STAFF)
    rejection_reason: str | None = strawberry.field(default=None, directives=STAFF)
    ready_at: datetime.datetime | None = strawberry.field(default=None, directives=STAFF)
    expires_at: datetime.datetime | None = strawberry.field(default=None, directives=STAFF)
    persons: int | None = strawberry.field(
        default=None, directives=STAFF, description="Persons included (kept after erasure)."
    )
    rows_dropped: int | None = strawberry.field(
        default=None, directives=STAFF, description="Rows left out because they stayed rare."
    )
    requested_by_me: bool | None = strawberry.field(default=None, directives=STAFF)
    download_url: str | None = strawberry.field(
        default=None,
        directives=STAFF,
        description="For the requesting analyst while it is ready (with the session cookie).",
    )

    @classmethod
    def build(
        cls, record: ExtractRecord, grants: frozenset[Grant], account_id: object
    ) -> ResearchExtract:
        mine = record.requested_by is not None and record.requested_by == account_id
        return cls(
            grants=grants,
            id=strawberry.ID(str(record.id)),
            number=record.number,
            purpose=record.purpose,
            recipient=record.recipient,
            period=record.period,
            variables=list(record.variables),
            state=_shown_state(record),
            requested_at=record.requested_at,
            decided_at=record.decided_at,
            rejection_reason=record.rejection_reason,
            ready_at=record.ready_at,
            expires_at=record.expires_at,
            persons=record.persons,
            rows_dropped=record.rows_dropped,
            requested_by_me=mine,
            download_url=(
                DOWNLOAD_PATH.format(id=record.id) if mine and record.downloadable else None
            ),
        )


def _shown_state(record: ExtractRecord) -> ExtractState:
    """Past its window it is expired, even before the hourly job removed the file."""
    if record.state is ExtractState.READY and not record.downloadable:
        return ExtractState.EXPIRED
    return record.state


@strawberry.type(description="A variable an extract may hold, with its label.")
class ResearchVariable:
    code: str = strawberry.field(directives=PUBLIC)
    label: str = strawberry.field(directives=PUBLIC)


@strawberry.input(description="What an analyst asks to extract, for whom and why.")
class ResearchExtractInput:
    purpose: str = strawberry.field(directives=PUBLIC, description="Why (required).")
    recipient: str = strawberry.field(directives=PUBLIC, description="Who receives the file.")
    period: str = strawberry.field(
        directives=PUBLIC, description='A closed quarter or year: "2025-Q4" or "2025".'
    )
    variables: list[str] = strawberry.field(
        directives=PUBLIC, description="Codes from the allowed list (researchVariables)."
    )
