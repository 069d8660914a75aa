"""Correction requests: the owner proposes a new value for a locked personal-page answer,
a caseworker with a release applies it (through the normal save, with its version check) or
refuses it with a reason. Request, decision and both values are written to the answer log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from piccolo.custom_types import Combinable
from piccolo.query.functions.aggregate import Count

from mobio import timeutil
from mobio.auth.documents import readable
from mobio.auth.grants import CASEWORKER_GRANTS, Grant
from mobio.biography.catalogue import BY_CODE
from mobio.biography.catalogue.model import Question, Section
from mobio.biography.log import LogEvent
from mobio.biography.saving import Actor, save_section, set_by_owner
from mobio.biography.tables import AnswerLog
from mobio.biography.validation import clean
from mobio.corrections import notify
from mobio.corrections.errors import CorrectionErrorCode
from mobio.corrections.stored import stored_value
from mobio.corrections.tables import CorrectionRequest, CorrectionState
from mobio.db.values import as_uuid
from mobio.documents.tables import Document
from mobio.errors import MobioError, forbidden

MAX_REASON_LENGTH = 2000
DECIDERS = CASEWORKER_GRANTS
"""Who decides: the teams that may write the personal page today (both counselling teams and
the integration office, ``mobio.auth.biography.write_grants`` of a write-once question)."""
EVIDENCE_READERS = frozenset({Grant.SOCIAL_COUNSELLING, Grant.INTEGRATION_MANAGEMENT})
"""Evidence must be readable by the counselling teams: never the owner's private folder."""


async def request_correction(
    actor: Actor,
    person_id: UUID,
    subject: str,
    code: str,
    proposed: Any,
    reason: str,
    evidence_id: UUID,
) -> UUID:
    """Store an open request for ``code`` on the page ``subject``; returns its id."""
    if Grant.OWNER not in actor.grants:
        raise forbidden()  # defence in depth: the directive admits the owner alone
    question = BY_CODE.get(code)
    kind, current = await stored_value(person_id, subject, code)
    if question is None or not question.write_once or kind not in question.subjects:
        raise MobioError(CorrectionErrorCode.NOT_CORRECTABLE, "error.correction_not_correctable")
    if not await set_by_owner(person_id, subject, [code]):
        raise MobioError(CorrectionErrorCode.NOT_LOCKED, "error.correction_not_locked")
    value = _cleaned(question, proposed)
    if value == current:
        raise MobioError(CorrectionErrorCode.UNCHANGED, "error.correction_unchanged")
    reason = _reason(reason)
    await _check_evidence(person_id, evidence_id)
    if await CorrectionRequest.exists().where(_open_on(person_id, subject, code)):
        raise MobioError(CorrectionErrorCode.ALREADY_OPEN, "error.correction_already_open")
    now = timeutil.now()
    request = CorrectionRequest(
        person=person_id,
        subject=subject,
        question=code,
        current_value=None if current is None else _dumps(current),
        proposed_value=_dumps(value),
        reason=reason,
        evidence=evidence_id,
        state=CorrectionState.OPEN,
        created_at=now,
        created_by=actor.account_id,
    )
    await request.save()
    correction_id = as_uuid(request.id)
    await _log(actor, person_id, subject, code, value, LogEvent.CORRECTION_REQUESTED, correction_id)
    return correction_id


async def withdraw_correction(actor: Actor, person_id: UUID, correction_id: UUID) -> None:
    """The owner takes an open request back."""
    if Grant.OWNER not in actor.grants:
        raise forbidden()
    row = await _close(actor, person_id, correction_id, CorrectionState.WITHDRAWN, None)
    await _log_closed(actor, row, LogEvent.CORRECTION_WITHDRAWN)


async def approve_correction(
    actor: Actor, person_id: UUID, correction_id: UUID, expected_version: int
) -> int:
    """Apply the proposal through the normal save; returns the personal section's new version.

    A version conflict raises before anything is decided, and the request's transaction rolls
    back: the request stays open and the caseworker reloads the page.
    """
    _check_decider(actor)
    request = await (
        CorrectionRequest.select().where(_this(person_id, correction_id) & _is_open()).first()
    )
    if request is None:
        raise MobioError(CorrectionErrorCode.NOT_OPEN, "error.correction_not_open")
    subject, code = request["subject"], request["question"]
    proposed = json.loads(request["proposed_value"])
    version = await save_section(
        actor, person_id, subject, Section.PERSONAL, expected_version, {code: proposed}
    )
    row = await _close(actor, person_id, correction_id, CorrectionState.APPROVED, None)
    # The save has appended its own entry (the new value, as every save does); the log is
    # insert-only, so the approval follows as an entry of its own that names the request.
    await _log_closed(actor, row, LogEvent.CORRECTION_APPROVED)
    await notify.decided(person_id, code, CorrectionState.APPROVED)
    return version


async def reject_correction(
    actor: Actor, person_id: UUID, correction_id: UUID, reason: str
) -> None:
    """Refuse the proposal; the reason is required and shown to the owner."""
    _check_decider(actor)
    decision = _reason(reason, "error.correction_decision_reason_missing")
    row = await _close(actor, person_id, correction_id, CorrectionState.REJECTED, decision)
    await _log_closed(actor, row, LogEvent.CORRECTION_REJECTED)
    await notify.decided(person_id, row["question"], CorrectionState.REJECTED)


async def open_corrections_by_person(person_ids: list[UUID]) -> dict[UUID, int]:
    """The number of open requests of each person (0 for none), in one statement."""
    counts = dict.fromkeys(person_ids, 0)
    if not person_ids:
        return counts
    rows = await (
        CorrectionRequest.select(CorrectionRequest.person, Count(alias="open"))
        .where(CorrectionRequest.person.is_in(person_ids) & _is_open())
        .group_by(CorrectionRequest.person)
    )
    counts.update({as_uuid(row["person"]): row["open"] for row in rows})
    return counts


@dataclass(frozen=True, slots=True)
class CorrectionRecord:
    """A request as readers see it (values as stored: JSON-ready)."""

    id: UUID
    person_id: UUID
    subject: str
    question: str
    current_value: Any
    proposed_value: Any
    reason: str
    evidence_id: UUID | None
    evidence_file_name: str | None
    state: CorrectionState
    decision_reason: str | None
    created_at: Any
    decided_at: Any
    decided_team_name: str | None


async def requests_of(
    person_ids: list[UUID], state: CorrectionState | None = None
) -> dict[UUID, list[CorrectionRecord]]:
    """The requests of these persons, oldest first, in one statement."""
    found: dict[UUID, list[CorrectionRecord]] = {pid: [] for pid in person_ids}
    if not person_ids:
        return found
    where: Combinable = CorrectionRequest.person.is_in(person_ids)
    if state is not None:
        where = where & (CorrectionRequest.state == state)
    rows = await (
        CorrectionRequest.select(
            *CorrectionRequest.all_columns(),
            CorrectionRequest.evidence.file_name,
            CorrectionRequest.decided_team.name,
        )
        .where(where)
        .order_by(CorrectionRequest.created_at)
    )
    for row in rows:
        record = _record(row)
        found[record.person_id].append(record)
    return found


def _record(row: dict[str, Any]) -> CorrectionRecord:
    return CorrectionRecord(
        id=as_uuid(row["id"]),
        person_id=as_uuid(row["person"]),
        subject=row["subject"],
        question=row["question"],
        current_value=None if row["current_value"] is None else json.loads(row["current_value"]),
        proposed_value=json.loads(row["proposed_value"]),
        reason=row["reason"],
        evidence_id=as_uuid(row["evidence"]) if row["evidence"] else None,
        evidence_file_name=row["evidence.file_name"],
        state=CorrectionState(row["state"]),
        decision_reason=row["decision_reason"],
        created_at=row["created_at"],
        decided_at=row["decided_at"],
        decided_team_name=row["decided_team.name"],
    )


def _cleaned(question: Question, proposed: Any) -> Any:
    """Checked exactly like a saved answer; the error names the question and the field."""
    try:
        return clean(question, proposed)
    except MobioError as error:
        error.details = {"proposedValue": error}
        raise


def _reason(text: str, missing: str = "error.correction_reason_missing") -> str:
    stripped = text.strip()
    if not stripped:
        raise MobioError(CorrectionErrorCode.REASON_MISSING, missing)
    if len(stripped) > MAX_REASON_LENGTH:
        raise MobioError(
            CorrectionErrorCode.REASON_MISSING,
            "error.correction_reason_too_long",
            max=MAX_REASON_LENGTH,
        )
    return stripped


async def _check_evidence(person_id: UUID, evidence_id: UUID) -> None:
    """A document of this person that the deciding teams can open (another person's, an
    unknown one or one in the private folder: the same answer, nothing revealed)."""
    shared = readable(EVIDENCE_READERS)
    ok = await Document.exists().where(
        (Document.id == evidence_id)
        & (Document.person == person_id)
        & Document.category.is_in(sorted(shared))
    )
    if not ok:
        raise MobioError(CorrectionErrorCode.EVIDENCE_INVALID, "error.correction_evidence_invalid")


def _check_decider(actor: Actor) -> None:
    if actor.grants.isdisjoint(DECIDERS):
        raise forbidden()  # defence in depth: the directive admits the same grants


def _this(person_id: UUID, correction_id: UUID) -> Any:
    return (CorrectionRequest.id == correction_id) & (CorrectionRequest.person == person_id)


def _is_open() -> Any:
    return CorrectionRequest.state == CorrectionState.OPEN


def _open_on(person_id: UUID, subject: str, code: str) -> Any:
    return (
        (CorrectionRequest.person == person_id)
        & (CorrectionRequest.subject == subject)
        & (CorrectionRequest.question == code)
        & _is_open()
    )


async def _close(
    actor: Actor,
    person_id: UUID,
    correction_id: UUID,
    state: CorrectionState,
    decision_reason: str | None,
) -> dict[str, Any]:
    """Move an open request to ``state``; only one of two concurrent decisions wins."""
    changes: dict[Any, Any] = {CorrectionRequest.state: state}
    if state is not CorrectionState.WITHDRAWN:
        changes |= {
            CorrectionRequest.decision_reason: decision_reason,
            CorrectionRequest.decided_at: timeutil.now(),
            CorrectionRequest.decided_by: actor.account_id,
            CorrectionRequest.decided_team: actor.team_id,
        }
    closed = await (
        CorrectionRequest.update(changes)
        .where(_this(person_id, correction_id) & _is_open())
        .returning(
            CorrectionRequest.id,
            CorrectionRequest.person,
            CorrectionRequest.subject,
            CorrectionRequest.question,
            CorrectionRequest.proposed_value,
        )
    )
    if not closed:
        raise MobioError(CorrectionErrorCode.NOT_OPEN, "error.correction_not_open")
    row: dict[str, Any] = closed[0]
    return row


async def _log_closed(actor: Actor, row: dict[str, Any], event: LogEvent) -> None:
    value = json.loads(row["proposed_value"])
    await _log(
        actor,
        as_uuid(row["person"]),
        row["subject"],
        row["question"],
        value,
        event,
        as_uuid(row["id"]),
    )


async def _log(
    actor: Actor,
    person_id: UUID,
    subject: str,
    code: str,
    value: Any,
    event: LogEvent,
    correction_id: UUID,
) -> None:
    await AnswerLog.insert(
        AnswerLog(
            person=person_id,
            subject=subject,
            question=code,
            value=_dumps(value),
            actor=actor.account_id,
            actor_grant=actor.acting_grant,
            actor_team=actor.team_id,
            changed_at=timeutil.now(),
            event=event,
            correction_id=correction_id,
        )
    )


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
