"""Consent documents and records: publish, look up the current version, record consent."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from mobio import timeutil
from mobio.consent.tables import ConsentChannel, ConsentDocument, ConsentKind, ConsentRecord
from mobio.db.values import as_uuid


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """A published consent document without its body."""

    id: UUID
    kind: ConsentKind
    language: str
    version: int
    title: str


async def current_documents(kind: ConsentKind) -> list[DocumentSummary]:
    """The newest version of ``kind`` in every language it is published in."""
    rows = await ConsentDocument.select(
        ConsentDocument.id,
        ConsentDocument.kind,
        ConsentDocument.language,
        ConsentDocument.version,
        ConsentDocument.title,
    ).where(ConsentDocument.kind == kind)
    newest: dict[str, DocumentSummary] = {}
    for row in rows:
        summary = DocumentSummary(
            as_uuid(row["id"]),
            ConsentKind(row["kind"]),
            row["language"],
            row["version"],
            row["title"],
        )
        known = newest.get(summary.language)
        if known is None or known.version < summary.version:
            newest[summary.language] = summary
    return sorted(newest.values(), key=lambda d: d.language)


async def is_current(document_id: UUID, kind: ConsentKind) -> bool:
    """Whether the document exists, is of ``kind`` and is the newest version in its language."""
    document = await ConsentDocument.objects().get(ConsentDocument.id == document_id)
    if document is None or document.kind != kind:
        return False
    newer = await ConsentDocument.exists().where(
        (ConsentDocument.kind == kind)
        & (ConsentDocument.language == document.language)
        & (ConsentDocument.version > document.version)
    )
    return not newer


async def publish(
    kind: ConsentKind, language: str, title: str, body: str, published_by: UUID | None
) -> UUID:
    """Publish a new version (one above the newest) of ``kind`` in ``language``."""
    latest = await (
        ConsentDocument.select(ConsentDocument.version)
        .where((ConsentDocument.kind == kind) & (ConsentDocument.language == language))
        .order_by(ConsentDocument.version, ascending=False)
        .first()
    )
    document = ConsentDocument(
        kind=kind,
        language=language,
        version=(latest["version"] + 1) if latest else 1,
        title=title,
        body=body,
        published_at=timeutil.now(),
        published_by=published_by,
    )
    await document.save()
    return as_uuid(document.id)


async def record(
    document_id: UUID,
    *,
    account_id: UUID | None,
    person_id: UUID | None,
    acted_by: UUID | None,
    channel: ConsentChannel = ConsentChannel.SELF,
) -> UUID:
    """Keep proof that a document version was accepted, by whom, when and how."""
    consent = ConsentRecord(
        document=document_id,
        account=account_id,
        person=person_id,
        acted_by=acted_by,
        channel=channel,
        accepted_at=timeutil.now(),
    )
    await consent.save()
    return as_uuid(consent.id)


@dataclass(frozen=True, slots=True)
class DocumentText:
    """A published consent document with its text."""

    summary: DocumentSummary
    body: str


async def get_document(document_id: UUID) -> DocumentText | None:
    document = await ConsentDocument.objects().get(ConsentDocument.id == document_id)
    if document is None:
        return None
    summary = DocumentSummary(
        as_uuid(document.id),
        ConsentKind(document.kind),
        document.language,
        document.version,
        document.title,
    )
    return DocumentText(summary, document.body)
