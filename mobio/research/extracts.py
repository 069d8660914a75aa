"""Research extracts: an analyst asks, an administrator decides, the register lists them all.

A request names its purpose, recipient, a closed period and variables from the allowed list
(the persons measure's dimensions, already coarse categories). Anything else is refused with a
translated error before a row is written. Register numbers count up from 1; two requests at
the same moment cannot share one (the unique index refuses the second, which takes the next).
Approval queues the job that writes the file once the transaction has committed.
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any
from uuid import UUID

from piccolo.engine.base import Engine

from mobio import timeutil
from mobio.db.errors import is_unique_violation
from mobio.db.unit_of_work import after_commit
from mobio.db.values import as_uuid
from mobio.errors import bad_input, forbidden
from mobio.evaluation.dimensions import MEASURE_DIMENSIONS, Measure
from mobio.evaluation.periods import closed_period
from mobio.jobs.queue import enqueue
from mobio.research.tables import ExtractMember, ExtractState, ResearchExtract

ALLOWED_VARIABLES: tuple[str, ...] = tuple(d.value for d in MEASURE_DIMENSIONS[Measure.PERSONS])
"""The variables an extract may hold: the persons' evaluation dimensions, as categories."""
MAX_PURPOSE = 2000
MAX_RECIPIENT = 200
MAX_REASON = 2000
NUMBER_ATTEMPTS = 10
RETRY_JITTER_SECONDS = 0.02
"""Up to this long (times the attempt) before trying the next number: spreads out clashes."""


@dataclass(frozen=True, slots=True)
class ExtractRecord:
    id: UUID
    number: int
    purpose: str
    recipient: str
    period: str
    variables: tuple[str, ...]
    state: ExtractState
    requested_by: UUID | None
    requested_at: datetime
    decided_at: datetime | None
    rejection_reason: str | None
    ready_at: datetime | None
    expires_at: datetime | None
    storage_key: str | None
    persons: int | None
    rows_dropped: int | None

    @property
    def downloadable(self) -> bool:
        """Ready, still stored, and within its download window."""
        return (
            self.state is ExtractState.READY
            and self.storage_key is not None
            and self.expires_at is not None
            and timeutil.now() < self.expires_at
        )

    def downloadable_by(self, account_id: UUID | None) -> bool:
        """Only the analyst who asked for it downloads it."""
        return self.downloadable and account_id is not None and account_id == self.requested_by


def record(row: dict[str, Any]) -> ExtractRecord:
    requested_by = row["requested_by"]
    return ExtractRecord(
        id=as_uuid(row["id"]),
        number=row["number"],
        purpose=row["purpose"],
        recipient=row["recipient"],
        period=row["period"],
        variables=tuple(v for v in row["variables"].split(",") if v),
        state=ExtractState(row["state"]),
        requested_by=None if requested_by is None else as_uuid(requested_by),
        requested_at=row["requested_at"],
        decided_at=row["decided_at"],
        rejection_reason=row["rejection_reason"],
        ready_at=row["ready_at"],
        expires_at=row["expires_at"],
        storage_key=row["storage_key"],
        persons=row["persons"],
        rows_dropped=row["rows_dropped"],
    )


def checked_variables(codes: list[str]) -> tuple[str, ...]:
    """The chosen variables in the allowed list's order; unknown or none is an input error."""
    chosen = {code.strip() for code in codes}
    for code in sorted(chosen):
        if code not in ALLOWED_VARIABLES:
            raise bad_input("error.research_variable_unknown", variable=code[:40])
    if not chosen:
        raise bad_input("error.research_variables_missing")
    return tuple(v for v in ALLOWED_VARIABLES if v in chosen)


async def request(
    analyst_id: UUID, purpose: str, recipient: str, period_code: str, variables: list[str]
) -> ExtractRecord:
    """Record an analyst's request; nothing is written if any part of it is refused."""
    purpose, recipient = purpose.strip(), recipient.strip()
    if not purpose:
        raise bad_input("error.research_purpose_missing")
    if len(purpose) > MAX_PURPOSE:
        raise bad_input("error.research_purpose_too_long", limit=MAX_PURPOSE)
    if not recipient:
        raise bad_input("error.research_recipient_missing")
    if len(recipient) > MAX_RECIPIENT:
        raise bad_input("error.research_recipient_too_long", limit=MAX_RECIPIENT)
    period = closed_period(period_code)
    chosen = checked_variables(variables)
    values = {
        "purpose": purpose,
        "recipient": recipient,
        "period": period.code,
        "variables": ",".join(chosen),
        "state": ExtractState.REQUESTED,
        "requested_by": analyst_id,
        "requested_at": timeutil.now(),
    }
    extract_id = await _insert_numbered(values)
    found = await find(extract_id)
    assert found is not None  # noqa: S101 - just written in this transaction
    return found


async def _insert_numbered(values: dict[str, Any]) -> UUID:
    """Insert with the next register number; on a clash with a concurrent request, retry."""
    engine: Engine[Any] = ResearchExtract._meta.db
    for attempt in range(NUMBER_ATTEMPTS):
        latest = await (
            ResearchExtract.select(ResearchExtract.number)
            .order_by(ResearchExtract.number, ascending=False)
            .first()
        )
        row = ResearchExtract(number=(latest["number"] if latest else 0) + 1, **values)
        transaction = engine.current_transaction.get()
        # A failed statement spoils a PostgreSQL transaction: try inside a savepoint.
        savepoint = await transaction.savepoint() if transaction is not None else None
        try:
            await row.save()
        except Exception as error:
            if not is_unique_violation(error) or attempt == NUMBER_ATTEMPTS - 1:
                raise
            if savepoint is not None:
                await savepoint.rollback_to()
            await asyncio.sleep(random.uniform(0, RETRY_JITTER_SECONDS * (attempt + 1)))  # noqa: S311
            continue
        if savepoint is not None:
            await savepoint.release()
        return as_uuid(row.id)
    raise AssertionError("unreachable")  # pragma: no cover


async def approve(extract_id: UUID, administrator_id: UUID | None) -> ExtractRecord:
    """Approve a requested extract and queue the job that writes its file."""
    await _decide(extract_id, administrator_id, ExtractState.APPROVED, None)
    await after_commit(partial(enqueue, "build_research_extract", extract_id=str(extract_id)))
    return await _found(extract_id)


async def reject(extract_id: UUID, administrator_id: UUID | None, reason: str) -> ExtractRecord:
    """Reject a requested extract, with the reason the analyst reads in the register."""
    reason = reason.strip()
    if not reason:
        raise bad_input("error.research_reason_missing")
    if len(reason) > MAX_REASON:
        raise bad_input("error.research_reason_too_long", limit=MAX_REASON)
    await _decide(extract_id, administrator_id, ExtractState.REJECTED, reason)
    return await _found(extract_id)


async def _decide(
    extract_id: UUID, administrator_id: UUID | None, state: ExtractState, reason: str | None
) -> None:
    # Conditional on the state, so two administrators deciding at once cannot both win.
    decided = await (
        ResearchExtract.update(
            {
                ResearchExtract.state: state,
                ResearchExtract.decided_by: administrator_id,
                ResearchExtract.decided_at: timeutil.now(),
                ResearchExtract.rejection_reason: reason,
            }
        )
        .where(
            (ResearchExtract.id == extract_id) & (ResearchExtract.state == ExtractState.REQUESTED)
        )
        .returning(ResearchExtract.id)
    )
    if not decided:
        if await ResearchExtract.exists().where(ResearchExtract.id == extract_id):
            raise bad_input("error.research_extract_decided")
        raise forbidden()


async def _found(extract_id: UUID) -> ExtractRecord:
    found = await find(extract_id)
    if found is None:
        raise forbidden()
    return found


async def find(extract_id: UUID) -> ExtractRecord | None:
    row = await ResearchExtract.select().where(ResearchExtract.id == extract_id).first()
    return None if row is None else record(row)


async def register() -> list[ExtractRecord]:
    """Every extract, newest first (one statement)."""
    rows = await ResearchExtract.select().order_by(ResearchExtract.number, ascending=False)
    return [record(row) for row in rows]


async def extracts_including(person_id: UUID) -> list[ExtractRecord]:
    """The extracts that included the person, newest first (one statement)."""
    rows = await (
        ResearchExtract.select()
        .where(
            ResearchExtract.id.is_in(
                ExtractMember.select(ExtractMember.extract).where(ExtractMember.person == person_id)
            )
        )
        .order_by(ResearchExtract.number, ascending=False)
    )
    return [record(row) for row in rows]
