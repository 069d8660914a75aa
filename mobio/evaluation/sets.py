"""The protected set of a closed period: computed once, stored, then only read.

The first request for a closed period computes it (or the hourly job does); a second
process asking meanwhile waits for the first instead of computing a different answer.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import timedelta

from mobio.db.bulk import insert_rows
from mobio.db.errors import is_unique_violation
from mobio.evaluation.counting import count_tables
from mobio.evaluation.dimensions import MEASURE_DIMENSIONS, Measure, categories
from mobio.evaluation.periods import Period
from mobio.evaluation.protection import protect
from mobio.evaluation.tables import EvaluationCell, EvaluationSet, SetState
from mobio.organisations.tables import Municipality
from mobio.settings import get_settings
from mobio.timeutil import now

log = logging.getLogger(__name__)

STALE_AFTER = timedelta(minutes=15)
"""A computation not finished after this long is taken to have died and is started anew."""
WAIT_SECONDS = 120.0


async def protected_set(period: Period) -> EvaluationSet:
    """The period's protected set, ready to read (the period must be closed)."""
    waited = 0.0
    while True:
        found = await EvaluationSet.objects().where(EvaluationSet.period == period.code).first()
        if found is not None and found.state == SetState.READY:
            return found
        claimed = await _claim(period, found)
        if claimed is not None:
            await _compute(claimed, period)
            return claimed
        if waited >= WAIT_SECONDS:
            raise TimeoutError(f"evaluation set {period.code} is still being computed")
        await asyncio.sleep(0.5)
        waited += 0.5


async def _claim(period: Period, found: EvaluationSet | None) -> EvaluationSet | None:
    """This process's claim on computing the set, or None when another one holds it."""
    started = now()
    if found is None:
        claim = EvaluationSet(
            id=uuid.uuid4(),
            period=period.code,
            k=get_settings().evaluation_min_cell,
            state=SetState.COMPUTING,
            started_at=started,
        )
        try:
            await claim.save()
        except Exception as error:
            if is_unique_violation(error):
                return None
            raise
        return claim
    if found.started_at > started - STALE_AFTER:
        return None
    taken = await (
        EvaluationSet.update({EvaluationSet.started_at: started})
        .where((EvaluationSet.id == found.id) & (EvaluationSet.started_at == found.started_at))
        .returning(EvaluationSet.id)
    )
    if not taken:
        return None
    log.warning("evaluation set %s: taking over a computation that stopped", period.code)
    await EvaluationCell.delete().where(EvaluationCell.evaluation_set == found.id)
    found.started_at = started
    return found


async def _compute(claim: EvaluationSet, period: Period) -> None:
    names = tuple(row["name"] for row in await Municipality.select(Municipality.name))
    rows: list[tuple[object, ...]] = []
    for measure in Measure:
        counts = await count_tables(measure, period)
        grid = {d: categories(d, names) for d in MEASURE_DIMENSIONS[measure]}
        # CPU work (linear programs): off the event loop, so other requests go on.
        tables = await asyncio.to_thread(protect, counts, grid, claim.k)
        for key, table in tables.items():
            dimensions = ",".join(d.value for d in key)
            for coords, value in table.cells.items():
                reason = table.suppression.get(coords)
                rows.append((claim.id, measure.value, dimensions, "|".join(coords), value, reason))
    columns = (
        EvaluationCell.evaluation_set,
        EvaluationCell.measure,
        EvaluationCell.dimensions,
        EvaluationCell.categories,
        EvaluationCell.value,
        EvaluationCell.suppression,
    )
    await insert_rows(EvaluationCell, columns, rows)
    await EvaluationSet.update(
        {EvaluationSet.state: SetState.READY, EvaluationSet.computed_at: now()}
    ).where(EvaluationSet.id == claim.id)
    log.info("evaluation set %s computed: %d cells", period.code, len(rows))
