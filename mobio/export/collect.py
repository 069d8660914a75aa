"""Everything MoBio holds about one person, read in one consistent snapshot.

The reads reuse the services behind the owner's own queries (biography pages, case notes,
goals, hand-overs, corrections, releases, access log), so the export holds what the owner
can read in MoBio, nothing more and nothing less. Attachment bytes are not read here: the
snapshot names them, and the archive streams them afterwards.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from piccolo.engine.sqlite import SQLiteEngine, TransactionType

from mobio import timeutil
from mobio.accounts import login_record
from mobio.accounts.tables import Account
from mobio.audit.service import reads_of
from mobio.auth.grants import Grant
from mobio.biography.catalogue.labels import section_label
from mobio.biography.catalogue.model import Section
from mobio.biography.pages import biographies
from mobio.biography.tables import AnswerLog, PrivateNote
from mobio.casenotes.service import notes as case_notes
from mobio.consent.tables import ConsentRecord
from mobio.corrections.service import requests_of
from mobio.db.values import as_uuid
from mobio.documents.service import DocumentRecord, list_documents
from mobio.export import answers
from mobio.export.tables import DataExport
from mobio.goals.reading import ALL_TEAMS, GoalScope, goals_for
from mobio.handover.views import hand_overs
from mobio.i18n import translate
from mobio.persons.tables import Person
from mobio.releases.tables import StakeholderRelease, TeamRelease

FORMAT = "mobio-data-export"
FORMAT_VERSION = 1
ACCESS_LOG_ALL = 1_000_000
"""No limit in practice: the export holds the whole access log, not the screen's newest."""
GERMAN = "de"
OWNER = frozenset({Grant.OWNER})


@dataclass(frozen=True, slots=True)
class Attachment:
    """A document to copy into the ZIP, under ``path``."""

    record: DocumentRecord
    path: str


@dataclass(frozen=True, slots=True)
class Snapshot:
    data: dict[str, Any]
    """The content of data.json (JSON-ready)."""
    attachments: list[Attachment]


@asynccontextmanager
async def _consistent_read() -> AsyncIterator[None]:
    """One read-only transaction: every statement sees the database as of its first read."""
    engine = DataExport._meta.db
    if isinstance(engine, SQLiteEngine):
        # A deferred transaction holds one read snapshot from its first read to its end.
        async with engine.transaction(transaction_type=TransactionType.deferred):
            yield
        return
    async with engine.transaction():
        # PostgreSQL's default (read committed) takes a new snapshot per statement.
        await DataExport.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


async def snapshot(person_id: UUID, language: str) -> Snapshot:
    """The person's data in ``language`` (labels also in German), read in one snapshot."""
    async with _consistent_read():
        return await _read(person_id, language)


async def _read(person_id: UUID, language: str) -> Snapshot:
    person = await Person.select().where(Person.id == person_id).first()
    if person is None:
        raise LookupError("no such person")
    account = await _account(person["account"])
    documents = await list_documents(person_id, OWNER)
    attachments = [Attachment(d, attachment_path(d)) for d in documents]
    bio = (await biographies([person_id]))[person_id]
    data: dict[str, Any] = {
        "format": FORMAT,
        "formatVersion": FORMAT_VERSION,
        "exportedAt": _time(timeutil.now()),
        "language": language,
        "person": {
            "id": str(person_id),
            "language": person["language"],
            "createdAt": _time(person["created_at"]),
            "personalPageSetAt": _time(person["personal_page_set_at"]),
        },
        "account": account,
        "pages": answers.pages(bio, language),
        "privateNotes": await _private_notes(person_id, language),
        "documents": [_document(a, language) for a in attachments],
        "goalAgreements": await _goals(person_id, language),
        "caseNotes": [
            {
                "id": str(n.id),
                "team": n.team_name,
                "author": n.author_name,
                "body": n.body,
                "movesWithCase": n.moves_with_case,
                "createdAt": _time(n.created_at),
                "updatedAt": _time(n.updated_at),
            }
            for n in await case_notes(person_id, None)
        ],
        "handOvers": [
            {
                "id": str(h.id),
                "state": h.state.value,
                "fromTeam": h.from_team_name,
                "toTeam": h.to_team_name,
                "movingOn": _day(h.moving_on),
                "effectiveOn": _day(h.effective_on),
                "oldAccessEndsOn": _day(h.old_access_ends_on),
                "decisionReason": h.decision_reason,
                "createdAt": _time(h.created_at),
                "objectedAt": _time(h.objected_at),
                "decidedAt": _time(h.decided_at),
                "completedAt": _time(h.completed_at),
            }
            for h in await hand_overs(person_id, None)
        ],
        "correctionRequests": [
            {
                "id": str(c.id),
                "memberId": None if c.subject == "self" else c.subject,
                "question": c.question,
                "currentValue": c.current_value,
                "proposedValue": c.proposed_value,
                "reason": c.reason,
                "evidenceDocumentId": str(c.evidence_id) if c.evidence_id else None,
                "state": c.state.value,
                "decisionReason": c.decision_reason,
                "decidedBy": c.decided_team_name,
                "createdAt": _time(c.created_at),
                "decidedAt": _time(c.decided_at),
            }
            for c in (await requests_of([person_id]))[person_id]
        ],
        "teamReleases": await _team_releases(person_id),
        "stakeholderReleases": await _stakeholder_releases(person_id, language),
        "consentRecords": await _consents(person_id, person["account"]),
        "answerLog": await _answer_log(person_id),
        "accessLog": [
            {
                "accessedAt": _time(r.accessed_at),
                "grant": r.grant,
                "reader": r.actor_name,
                "team": r.team_name,
                "package": r.package,
            }
            for r in await reads_of(person_id, ACCESS_LOG_ALL)
        ],
        "loginRecord": await _login_record(person["account"]),
    }
    return Snapshot(data, attachments)


def attachment_path(document: DocumentRecord) -> str:
    """``attachments/<id>-<name>``: unique by the id, recognisable by the uploaded name."""
    safe = "".join(ch if ch.isalnum() or ch in "._- " else "_" for ch in document.file_name)
    return f"attachments/{document.id}-{safe.strip() or 'document'}"


async def _account(account_id: Any) -> dict[str, Any] | None:
    if account_id is None:
        return None
    row = (
        await Account.select(
            Account.email, Account.language, Account.created_at, Account.activated_at
        )
        .where(Account.id == account_id)
        .first()
    )
    if row is None:
        return None
    return {
        "email": row["email"],
        "language": row["language"],
        "createdAt": _time(row["created_at"]),
        "activatedAt": _time(row["activated_at"]),
    }


async def _private_notes(person_id: UUID, language: str) -> list[dict[str, Any]]:
    rows = await (
        PrivateNote.select().where(PrivateNote.person == person_id).order_by(PrivateNote.created_at)
    )
    return [
        {
            "id": str(as_uuid(r["id"])),
            "section": r["section"],
            "sectionLabel": section_label(Section(r["section"]), language),
            "body": r["body"],
            "createdAt": _time(r["created_at"]),
            "updatedAt": _time(r["updated_at"]),
        }
        for r in rows
    ]


def _document(attachment: Attachment, language: str) -> dict[str, Any]:
    d = attachment.record
    return {
        "id": str(d.id),
        "category": d.category.value,
        "categoryLabel": translate(language, f"document.category.{d.category.value}"),
        "fileName": d.file_name,
        "contentType": d.content_type,
        "size": d.size,
        "sha256": d.sha256,
        "uploadedAt": _time(d.uploaded_at),
        "path": attachment.path,
    }


async def _goals(person_id: UUID, language: str) -> list[dict[str, Any]]:
    (goals,) = await goals_for([GoalScope(person_id, ALL_TEAMS)])
    return [
        {
            "id": str(g.id),
            "team": g.team_name,
            "area": {
                "code": g.area.value,
                "label": translate(language, f"goal.area.{g.area.value}"),
                "labelDe": translate(GERMAN, f"goal.area.{g.area.value}"),
            },
            "goal": g.goal,
            "status": {
                "code": g.status.value,
                "label": translate(language, f"goal.status.{g.status.value}"),
                "labelDe": translate(GERMAN, f"goal.status.{g.status.value}"),
            },
            "version": g.version,
            "confirmedVersion": g.confirmed_version,
            "confirmedAt": _time(g.confirmed_at),
            "createdAt": _time(g.created_at),
            "updatedAt": _time(g.updated_at),
            "steps": [
                {
                    "description": s.description,
                    "responsible": s.responsible.value,
                    "responsibleName": s.responsible_name,
                    "dueOn": _day(s.due_on),
                    "doneAt": _time(s.done_at),
                }
                for s in g.steps
            ],
        }
        for g in goals
    ]


async def _team_releases(person_id: UUID) -> list[dict[str, Any]]:
    rows = await (
        TeamRelease.select(
            TeamRelease.id,
            TeamRelease.team.name,
            TeamRelease.team.kind,
            TeamRelease.team.municipality.name,  # type: ignore[union-attr]
            TeamRelease.consent_record,
            TeamRelease.granted_at,
            TeamRelease.revoked_at,
            TeamRelease.ends_at,
        )
        .where(TeamRelease.person == person_id)
        .order_by(TeamRelease.granted_at)
    )
    return [
        {
            "id": str(as_uuid(r["id"])),
            "team": r["team.name"],
            "teamKind": r["team.kind"],
            "municipality": r["team.municipality.name"],
            "consentRecordId": str(as_uuid(r["consent_record"])) if r["consent_record"] else None,
            "grantedAt": _time(r["granted_at"]),
            "revokedAt": _time(r["revoked_at"]),
            "endsAt": _time(r["ends_at"]),
        }
        for r in rows
    ]


async def _stakeholder_releases(person_id: UUID, language: str) -> list[dict[str, Any]]:
    # Never the key's hash: it is a credential, not the owner's data.
    rows = await (
        StakeholderRelease.select(
            StakeholderRelease.id,
            StakeholderRelease.package,
            StakeholderRelease.recipient_email,
            StakeholderRelease.consent_record,
            StakeholderRelease.created_at,
            StakeholderRelease.expires_at,
            StakeholderRelease.revoked_at,
            StakeholderRelease.renewals,
        )
        .where(StakeholderRelease.person == person_id)
        .order_by(StakeholderRelease.created_at)
    )
    return [
        {
            "id": str(as_uuid(r["id"])),
            "package": r["package"],
            "packageLabel": translate(language, f"package.{r['package']}"),
            "recipientEmail": r["recipient_email"],
            "consentRecordId": str(as_uuid(r["consent_record"])) if r["consent_record"] else None,
            "createdAt": _time(r["created_at"]),
            "expiresAt": _time(r["expires_at"]),
            "revokedAt": _time(r["revoked_at"]),
            "renewals": r["renewals"],
        }
        for r in rows
    ]


async def _consents(person_id: UUID, account_id: Any) -> list[dict[str, Any]]:
    """Every consent of the person or their account, with the text that was accepted."""
    where = ConsentRecord.person == person_id
    if account_id is not None:
        where = where | (ConsentRecord.account == account_id)
    rows = await (
        ConsentRecord.select(
            ConsentRecord.id,
            ConsentRecord.channel,
            ConsentRecord.accepted_at,
            ConsentRecord.scan,
            ConsentRecord.scan_sha256,
            ConsentRecord.document.id,
            ConsentRecord.document.kind,
            ConsentRecord.document.title,
            ConsentRecord.document.version,
            ConsentRecord.document.language,
            ConsentRecord.document.body,
            ConsentRecord.document.published_at,
        )
        .where(where)
        .order_by(ConsentRecord.accepted_at)
    )
    return [
        {
            "id": str(as_uuid(r["id"])),
            "channel": r["channel"],
            "acceptedAt": _time(r["accepted_at"]),
            "scanDocumentId": str(as_uuid(r["scan"])) if r["scan"] else None,
            "scanSha256": r["scan_sha256"],
            "document": {
                "id": str(as_uuid(r["document.id"])),
                "kind": r["document.kind"],
                "title": r["document.title"],
                "version": r["document.version"],
                "language": r["document.language"],
                "text": r["document.body"],
                "publishedAt": _time(r["document.published_at"]),
            },
        }
        for r in rows
    ]


async def _answer_log(person_id: UUID) -> list[dict[str, Any]]:
    rows = await (
        AnswerLog.select(
            AnswerLog.subject,
            AnswerLog.question,
            AnswerLog.value,
            AnswerLog.actor_grant,
            AnswerLog.actor.display_name,
            AnswerLog.actor_team.name,
            AnswerLog.changed_at,
            AnswerLog.event,
            AnswerLog.correction_id,
        )
        .where(AnswerLog.person == person_id)
        .order_by(AnswerLog.changed_at)
    )
    return [
        {
            "memberId": None if r["subject"] == "self" else r["subject"],
            "question": r["question"],
            "value": None if r["value"] is None else json.loads(r["value"]),
            "actorGrant": r["actor_grant"],
            "actor": r["actor.display_name"],
            "team": r["actor_team.name"],
            "changedAt": _time(r["changed_at"]),
            "event": r["event"],
            "correctionId": str(as_uuid(r["correction_id"])) if r["correction_id"] else None,
        }
        for r in rows
    ]


async def _login_record(account_id: Any) -> list[dict[str, Any]]:
    if account_id is None:
        return []
    return [
        {
            "at": _time(e.at),
            "succeeded": e.succeeded,
            "browser": e.browser,
            "network": e.network,
        }
        for e in await login_record.entries_of(as_uuid(account_id))
    ]


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()
