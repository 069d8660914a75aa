"""Reading the answer log of one question (it is written only by saving and corrections)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from mobio.auth.grants import Grant
from mobio.biography.tables import AnswerLog
from mobio.corrections.tables import CorrectionRequest
from mobio.db.values import as_uuid


class LogEvent(StrEnum):
    """What a log entry records besides a plain save (whose event is null)."""

    CORRECTION_REQUESTED = "correction_requested"
    """The owner proposed a value for a locked answer; the entry's value is the proposal."""
    CORRECTION_APPROVED = "correction_approved"
    """A caseworker applied the proposal; the entry's value is the new answer."""
    CORRECTION_REJECTED = "correction_rejected"
    """A caseworker refused the proposal; the entry's value is the refused proposal."""
    CORRECTION_WITHDRAWN = "correction_withdrawn"
    """The owner took the proposal back; the entry's value is the proposal."""


@dataclass(frozen=True, slots=True)
class LogEntry:
    changed_at: datetime
    value: Any
    """The value set; None when the answer was deleted."""
    actor_grant: str
    actor_name: str | None
    team_name: str | None
    event: LogEvent | None = None
    actor_gone: bool = False
    """A caseworker's account deleted since (shown as a former member of the team)."""
    previous_value: Any = None
    """For correction events: the answer as stored when the correction was requested."""
    correction_reason: str | None = None
    decision_reason: str | None = None


async def entries(person_id: UUID, subject: str, question: str) -> list[LogEntry]:
    """Every change of the answer, oldest first (two queries when corrections are among them)."""
    rows = await (
        AnswerLog.select(
            AnswerLog.changed_at,
            AnswerLog.value,
            AnswerLog.actor_grant,
            AnswerLog.actor,
            AnswerLog.actor.display_name,
            AnswerLog.actor_team.name,
            AnswerLog.event,
            AnswerLog.correction_id,
        )
        .where(
            (AnswerLog.person == person_id)
            & (AnswerLog.subject == subject)
            & (AnswerLog.question == question)
        )
        .order_by(AnswerLog.changed_at)
    )
    corrections = await _corrections(
        person_id, {as_uuid(r["correction_id"]) for r in rows if r["correction_id"]}
    )
    return [_entry(row, corrections) for row in rows]


def _entry(row: dict[str, Any], corrections: dict[UUID, dict[str, Any]]) -> LogEntry:
    correction = corrections.get(as_uuid(row["correction_id"])) if row["correction_id"] else None
    return LogEntry(
        row["changed_at"],
        _json(row["value"]),
        row["actor_grant"],
        row["actor.display_name"],
        row["actor_team.name"],
        LogEvent(row["event"]) if row["event"] else None,
        row["actor"] is None and row["actor_grant"] != Grant.OWNER,
        _json(correction["current_value"]) if correction else None,
        correction["reason"] if correction else None,
        correction["decision_reason"] if correction else None,
    )


def _json(value: str | None) -> Any:
    return None if value is None else json.loads(value)


async def _corrections(person_id: UUID, ids: set[UUID]) -> dict[UUID, dict[str, Any]]:
    if not ids:
        return {}
    rows = await CorrectionRequest.select(
        CorrectionRequest.id,
        CorrectionRequest.current_value,
        CorrectionRequest.reason,
        CorrectionRequest.decision_reason,
    ).where((CorrectionRequest.person == person_id) & CorrectionRequest.id.is_in(list(ids)))
    return {as_uuid(row["id"]): row for row in rows}
