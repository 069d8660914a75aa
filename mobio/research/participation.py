"""Taking part in research: a recorded, withdrawable choice, off until the newcomer joins.

Joining records consent to one published research declaration (document, version, language,
time; channel self). Leaving sets ``withdrawn_at`` on every open research consent: the person
is left out of every extract built from then on, while the register keeps showing them the
extracts that already included them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from piccolo.custom_types import Combinable

from mobio import timeutil
from mobio.consent import service as consent
from mobio.consent.tables import ConsentChannel, ConsentKind, ConsentRecord
from mobio.db.values import as_uuid
from mobio.errors import bad_input


@dataclass(frozen=True, slots=True)
class Participation:
    """Whether the person takes part now, and under which declaration since when."""

    participating: bool
    document_id: UUID | None = None
    version: int | None = None
    language: str | None = None
    since: datetime | None = None


NOT_PARTICIPATING = Participation(participating=False)


def _open_research_consent() -> Combinable:
    """Research consents not withdrawn (a where clause on ConsentRecord)."""
    return (ConsentRecord.document.kind == ConsentKind.RESEARCH) & (
        ConsentRecord.withdrawn_at.is_null()
    )


async def participation(person_id: UUID) -> Participation:
    """The newest open research consent of the person, if any."""
    row = await (
        ConsentRecord.select(
            ConsentRecord.document,
            ConsentRecord.document.version,
            ConsentRecord.document.language,
            ConsentRecord.accepted_at,
        )
        .where((ConsentRecord.person == person_id) & _open_research_consent())
        .order_by(ConsentRecord.accepted_at, ascending=False)
        .first()
    )
    if row is None:
        return NOT_PARTICIPATING
    return Participation(
        participating=True,
        document_id=as_uuid(row["document"]),
        version=row["document.version"],
        language=row["document.language"],
        since=row["accepted_at"],
    )


async def join(person_id: UUID, account_id: UUID | None, document_id: UUID) -> Participation:
    """Record consent to the research declaration; joining again under it changes nothing."""
    if not await consent.is_current(document_id, ConsentKind.RESEARCH):
        raise bad_input("error.research_document_invalid")
    current = await participation(person_id)
    if current.participating and current.document_id == document_id:
        return current
    await consent.record(
        document_id,
        account_id=account_id,
        person_id=person_id,
        acted_by=account_id,
        channel=ConsentChannel.SELF,
    )
    return await participation(person_id)


async def leave(person_id: UUID) -> Participation:
    """Withdraw every open research consent of the person (leaving twice changes nothing)."""
    open_ids = [
        row["id"]
        for row in await ConsentRecord.select(ConsentRecord.id).where(
            (ConsentRecord.person == person_id) & _open_research_consent()
        )
    ]
    if open_ids:
        await ConsentRecord.update({ConsentRecord.withdrawn_at: timeutil.now()}).where(
            ConsentRecord.id.is_in(open_ids)
        )
    return NOT_PARTICIPATING


async def research_document(language: str) -> UUID | None:
    """The current research declaration to show: in ``language``, else in German."""
    documents = {d.language: d.id for d in await consent.current_documents(ConsentKind.RESEARCH)}
    return documents.get(language) or documents.get("de")
