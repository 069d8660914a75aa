"""Reading the answer log of one question (it is written only by saving)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from mobio.biography.tables import AnswerLog


@dataclass(frozen=True, slots=True)
class LogEntry:
    changed_at: datetime
    value: Any
    """The value set; None when the answer was deleted."""
    actor_grant: str
    actor_name: str | None
    team_name: str | None


async def entries(person_id: UUID, subject: str, question: str) -> list[LogEntry]:
    """Every change of the answer, oldest first."""
    rows = await (
        AnswerLog.select(
            AnswerLog.changed_at,
            AnswerLog.value,
            AnswerLog.actor_grant,
            AnswerLog.actor.display_name,
            AnswerLog.actor_team.name,
        )
        .where(
            (AnswerLog.person == person_id)
            & (AnswerLog.subject == subject)
            & (AnswerLog.question == question)
        )
        .order_by(AnswerLog.changed_at)
    )
    return [
        LogEntry(
            row["changed_at"],
            None if row["value"] is None else json.loads(row["value"]),
            row["actor_grant"],
            row["actor.display_name"],
            row["actor_team.name"],
        )
        for row in rows
    ]
