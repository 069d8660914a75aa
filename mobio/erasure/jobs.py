"""The hourly erasure job: every request whose undo window has passed, step by step.

Progress is stored after each step (``erasure_request.steps_done``), in the step's own
transaction; a request started but not finished (the worker died) continues where it stopped.
"""

from __future__ import annotations

import logging
from typing import Any
from uuid import UUID

from piccolo.engine.sqlite import SQLiteEngine, TransactionType

from mobio import timeutil
from mobio.db.unit_of_work import settle, unit_of_work
from mobio.db.values import as_uuid
from mobio.documents.store import DocumentStore, build_store
from mobio.erasure.pause import pending
from mobio.erasure.steps import STEPS, Step, Target
from mobio.erasure.tables import ErasureRequest
from mobio.settings import get_settings

log = logging.getLogger(__name__)


async def erase_due(ctx: dict[str, Any], *, store: DocumentStore | None = None) -> int:
    """Erase every profile whose undo window has ended; returns how many were finished."""
    due = await ErasureRequest.select(ErasureRequest.id).where(
        pending() & (ErasureRequest.erase_after <= timeutil.now())
    )
    store = store or build_store(get_settings())
    finished = 0
    for row in due:
        await erase(as_uuid(row["id"]), store)
        finished += 1
    return finished


async def erase(request_id: UUID, store: DocumentStore, steps: tuple[Step, ...] = STEPS) -> None:
    """Run the steps not yet done for one request."""
    row = await ErasureRequest.select().where(ErasureRequest.id == request_id).first()
    if row is None or row["person"] is None:
        return  # already erased
    target = Target(
        request_id=request_id,
        person_id=as_uuid(row["person"]),
        account_id=as_uuid(row["account"]) if row["account"] else None,
        pseudonym=as_uuid(row["pseudonym"]),
        store=store,
    )
    if row["started_at"] is None:  # from now on the undo link no longer works
        await ErasureRequest.update({ErasureRequest.started_at: timeutil.now()}).where(
            ErasureRequest.id == request_id
        )
    for index in range(int(row["steps_done"]), len(steps)):
        await _in_transaction(steps[index], target, index + 1)


async def _in_transaction(step: Step, target: Target, done: int) -> None:
    engine = ErasureRequest._meta.db
    if isinstance(engine, SQLiteEngine):
        transaction = engine.transaction(transaction_type=TransactionType.immediate)
    else:
        transaction = engine.transaction()
    async with unit_of_work() as unit:  # mails leave only once the step has committed
        committed = False
        try:
            async with transaction:
                await step(target)
                await ErasureRequest.update({ErasureRequest.steps_done: done}).where(
                    ErasureRequest.id == target.request_id
                )
            committed = True
        finally:
            await settle(unit, committed=committed)
    log.info("erasure %s: step %s done", target.request_id, step.__name__)
